// The scenario's conditions as a Simple Temporal Network (Dechter, Meiri & Pearl 1991, "Temporal
// constraint networks", Artificial Intelligence 49): each issue's settlement is an event with a start
// and an end, and each condition is a difference constraint x_v − x_u ≤ w, an edge u → v of weight w
// in the distance graph. The network is consistent iff that graph has no negative cycle.
//
// "X only after Y" is a strict precedence: start(X) > start(Y). Weights are pairs (days, strict) read
// as days − strict·ε, compared lexicographically, so a cycle of zero days that holds a strict edge
// ("I move only after you move", both ways) is negative. With min_days = d > 0 the bound is
// start(X) ≥ start(Y) + d, not strict.
import type { Condition, Scenario } from '../../scenario/index.ts'

export interface Weight {
  days: number
  /** How many strict ("only after") edges the path holds; each counts −ε. */
  strict: number
}

export interface Edge {
  from: string
  to: string
  weight: Weight
  /** The condition the edge comes from; undefined for the model's own edges (end ≥ start, start ≥ origin). */
  condition?: string
}

export interface Network {
  nodes: string[]
  edges: Edge[]
}

export const ORIGIN = 'day 0'
export const start = (issue: string, party?: string) => (party === undefined ? issue : `${issue}@${party}`)
export const end = (issue: string) => `${issue}:end`

export const ZERO: Weight = { days: 0, strict: 0 }
export const add = (a: Weight, b: Weight): Weight => ({ days: a.days + b.days, strict: a.strict + b.strict })
/** a < b in days − strict·ε. */
export const less = (a: Weight, b: Weight): boolean =>
  a.days < b.days || (a.days === b.days && a.strict > b.strict)
export const isNegative = (w: Weight): boolean => less(w, ZERO)

/** The edges one condition adds. */
export function conditionEdges(c: Condition, minDays = c.min_days ?? 0, maxDays = c.max_days): Edge[] {
  // A reciprocal condition ("RU halts only if UA does the same") holds back the party's own move.
  const held = c.requires.issue === c.issue ? start(c.issue, c.party) : start(c.issue)
  const required = start(c.requires.issue, c.requires.party)
  switch (c.relation) {
    case 'after':
    case 'after_end': {
      const anchor = c.relation === 'after' ? required : end(c.requires.issue)
      // start(held) ≥ anchor + d  ⇔  anchor − start(held) ≤ −d; "only after" with d = 0 is strict.
      const strict = c.relation === 'after' && minDays === 0 ? 1 : 0
      const edges: Edge[] = [{ from: held, to: anchor, weight: { days: -minDays, strict }, condition: c.id }]
      // start(held) ≤ anchor + max  ⇔  start(held) − anchor ≤ max
      if (maxDays !== undefined)
        edges.push({ from: anchor, to: held, weight: { days: maxDays, strict: 0 }, condition: c.id })
      return edges
    }
    case 'together':
      return [
        { from: held, to: required, weight: ZERO, condition: c.id },
        { from: required, to: held, weight: ZERO, condition: c.id },
      ]
  }
}

export interface Adjustments {
  /** Conditions left out. */
  removed?: ReadonlySet<string>
  /** Conditions with a smaller min_days. */
  minDays?: ReadonlyMap<string, number>
  /** Conditions with a larger max_days. */
  maxDays?: ReadonlyMap<string, number>
}

/** The network of the scenario's conditions, with every issue's start and end and the origin, day 0. */
export function buildNetwork(s: Scenario, adjust: Adjustments = {}): Network {
  const nodes = new Set<string>([ORIGIN])
  const edges: Edge[] = []
  const addNode = (n: string) => {
    if (nodes.has(n)) return
    nodes.add(n)
    edges.push({ from: n, to: ORIGIN, weight: ZERO }) // every event is at or after day 0
  }
  for (const issue of s.issues) {
    addNode(start(issue.id))
    addNode(end(issue.id))
    edges.push({ from: end(issue.id), to: start(issue.id), weight: ZERO }) // end ≥ start
  }
  for (const c of s.conditions) {
    if (adjust.removed?.has(c.id)) continue
    for (const e of conditionEdges(
      c,
      adjust.minDays?.get(c.id) ?? c.min_days ?? 0,
      adjust.maxDays?.get(c.id) ?? c.max_days,
    )) {
      addNode(e.from)
      addNode(e.to)
      edges.push(e)
    }
  }
  return { nodes: [...nodes], edges }
}

/** Shortest distances from `source` (Bellman–Ford), or the edges of a negative cycle. */
export function shortestFrom(
  net: Network,
  source: string,
  reverse = false,
): { dist: Map<string, Weight | undefined> } | { cycle: Edge[] } {
  const dist = new Map<string, Weight | undefined>(net.nodes.map((n) => [n, undefined]))
  const via = new Map<string, Edge>()
  dist.set(source, ZERO)
  const edges = reverse ? net.edges.map((e) => ({ ...e, from: e.to, to: e.from })) : net.edges
  let changed: string | undefined
  for (let i = 0; i < net.nodes.length; i++) {
    changed = undefined
    for (const e of edges) {
      const d = dist.get(e.from)
      if (d === undefined) continue
      const candidate = add(d, e.weight)
      const current = dist.get(e.to)
      if (current === undefined || less(candidate, current)) {
        dist.set(e.to, candidate)
        via.set(e.to, e)
        changed = e.to
      }
    }
    if (changed === undefined) return { dist }
  }
  // Still relaxing after |V| rounds: walk back |V| steps to land on the cycle, then collect it.
  let node = changed as string
  for (let i = 0; i < net.nodes.length; i++) node = (via.get(node) as Edge).from
  const cycle: Edge[] = []
  let at = node
  do {
    const e = via.get(at) as Edge
    cycle.unshift(reverse ? { ...e, from: e.to, to: e.from } : e)
    at = e.from
  } while (at !== node)
  return { cycle }
}

/** Consistent iff no negative cycle; every node reaches the origin, so one pass from it finds any. */
export function isConsistent(net: Network): boolean {
  return 'dist' in shortestFrom(net, ORIGIN, true)
}
