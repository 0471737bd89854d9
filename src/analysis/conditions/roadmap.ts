// The roadmap: for a consistent network, the earliest day of every issue's settlement counted from
// day 0, the latest day that does not delay the whole, the slack between them, and the critical path
// (slack 0). In an STN the earliest time of x is −d(x → origin) and the latest is d(origin → x) once
// every event is bounded by the makespan (Dechter, Meiri & Pearl 1991, section 3).
import type { Scenario } from '../../scenario/index.ts'
import { type Network, ORIGIN, shortestFrom, start } from './network.ts'

export interface Step {
  issue: string
  /** For a party's own move ("energy_strikes@RU"). */
  party?: string
  earliest_day: number
  /** Null when no condition bounds the issue. */
  latest_day: number | null
  slack: number | null
  critical: boolean
  /** Issues that must be settled before this one, by the conditions that hold. */
  after: string[]
}

export function roadmap(s: Scenario, net: Network): Step[] {
  const back = shortestFrom(net, ORIGIN, true)
  if (!('dist' in back)) throw new Error('roadmap() needs a consistent network')
  const earliest = new Map([...back.dist].map(([n, w]) => [n, 0 - (w?.days ?? 0) + 0]))
  // Within a day, an event after more strict steps comes later.
  const order = new Map([...back.dist].map(([n, w]) => [n, w?.strict ?? 0]))
  const touched = new Set(net.edges.filter((e) => e.condition !== undefined).flatMap((e) => [e.from, e.to]))
  const makespan = [...earliest.values()].reduce((a, b) => Math.max(a, b), 0)
  // Latest days: every event bounded by the makespan; strict precedences count as an order within a day
  // here, since the roadmap is in whole days (the ε of a strict edge has no length).
  const bounded: Network = {
    nodes: net.nodes,
    edges: [
      ...net.edges.map((e) => ({ ...e, weight: { days: e.weight.days, strict: 0 } })),
      ...net.nodes.map((n) => ({ from: ORIGIN, to: n, weight: { days: makespan, strict: 0 } })),
    ],
  }
  const forward = shortestFrom(bounded, ORIGIN)
  if (!('dist' in forward)) throw new Error('roadmap() needs a consistent network')

  const steps: Step[] = []
  const nodes = [...s.issues.map((i) => start(i.id)), ...net.nodes.filter((n) => n.includes('@'))]
  for (const node of nodes) {
    const [issue = node, party] = node.split('@')
    const isTouched = touched.has(node) || touched.has(`${issue}:end`)
    const first = earliest.get(node) ?? 0
    const last = isTouched ? (forward.dist.get(node)?.days ?? null) : null
    const after = net.edges
      .filter(
        (e) =>
          e.condition !== undefined &&
          e.from === node &&
          e.weight.days <= 0 &&
          !(e.weight.days === 0 && e.weight.strict === 0),
      )
      .map((e) => e.to.replace(/:end$/, ''))
    steps.push({
      issue,
      ...(party ? { party } : {}),
      earliest_day: first,
      latest_day: last,
      slack: last === null ? null : last - first,
      critical: isTouched && last === first,
      after: [...new Set(after)],
    })
  }
  steps.sort(
    (a, b) =>
      a.earliest_day - b.earliest_day ||
      (order.get(start(a.issue, a.party)) ?? 0) - (order.get(start(b.issue, b.party)) ?? 0),
  )
  return steps
}
