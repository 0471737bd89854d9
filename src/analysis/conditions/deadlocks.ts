// Deadlocks: the minimal sets of conditions that cannot all hold. For difference constraints a set is
// inconsistent iff its edges close a negative cycle, and a minimal inconsistent set is exactly the
// condition set of one elementary negative cycle (a negative closed walk splits into elementary
// cycles, one of them negative). So: enumerate elementary cycles, keep the negative ones, map them to
// their conditions, keep the minimal sets.
import type { Scenario } from '../../scenario/index.ts'
import { elementaryCycles } from './cycles.ts'
import { add, buildNetwork, type Edge, isNegative, type Network, type Weight, ZERO } from './network.ts'

export interface Deadlock {
  /** Condition ids, in the order of the cycle. */
  conditions: string[]
  /** The cycle's events, in order: each must come after the next. */
  cycle: string[]
  /** By how much the cycle is negative: days, and how many strict "only after" steps it holds. */
  weight: Weight
}

export function findDeadlocks(
  s: Scenario,
  net: Network = buildNetwork(s),
  limit = 100_000,
): { deadlocks: Deadlock[]; complete: boolean } {
  const index = new Map(net.nodes.map((n, i) => [n, i]))
  // Parallel edges (two conditions between the same events) are kept apart: each gives its own cycle.
  const parallel = new Map<string, Edge[]>()
  const successors: number[][] = net.nodes.map(() => [])
  for (const e of net.edges) {
    const key = `${e.from}\u0000${e.to}`
    const list = parallel.get(key)
    if (list) list.push(e)
    else {
      parallel.set(key, [e])
      successors[index.get(e.from) as number]?.push(index.get(e.to) as number)
    }
  }
  const { cycles, complete } = elementaryCycles(net.nodes.length, successors, limit)
  const found = new Map<string, Deadlock>()
  for (const cycle of cycles) {
    const hops = cycle.map(
      (v, i) =>
        parallel.get(`${net.nodes[v]}\u0000${net.nodes[cycle[(i + 1) % cycle.length] as number]}`) as Edge[],
    )
    for (const edges of choices(hops)) {
      const weight = edges.reduce((w, e) => add(w, e.weight), ZERO)
      if (!isNegative(weight)) continue
      const conditions = [...new Set(edges.flatMap((e) => (e.condition === undefined ? [] : [e.condition])))]
      const key = [...conditions].sort().join('\u0000')
      const known = found.get(key)
      if (
        known === undefined ||
        isNegative(add(weight, { days: -known.weight.days, strict: -known.weight.strict }))
      ) {
        found.set(key, { conditions, cycle: cycle.map((v) => net.nodes[v] as string), weight })
      }
    }
  }
  const all = [...found.values()]
  const minimal = all.filter(
    (d) =>
      !all.some(
        (o) =>
          o !== d &&
          o.conditions.length < d.conditions.length &&
          o.conditions.every((c) => d.conditions.includes(c)),
      ),
  )
  minimal.sort(
    (a, b) =>
      a.conditions.length - b.conditions.length || a.conditions.join().localeCompare(b.conditions.join()),
  )
  return { deadlocks: minimal, complete }
}

/** Every way of picking one edge per hop. */
function* choices(hops: Edge[][], at = 0, picked: Edge[] = []): Generator<Edge[]> {
  if (at === hops.length) {
    yield picked
    return
  }
  for (const e of hops[at] as Edge[]) yield* choices(hops, at + 1, [...picked, e])
}
