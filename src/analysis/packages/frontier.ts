// The exact Pareto frontier of an additive domain, by divide and conquer over issues: the frontier of
// a sum is contained in the sum of the frontiers, so the packages of issues 1..k are merged with
// issue k+1's options and pruned at every step; the cost follows the size of the frontiers, not the
// number of outcomes.
//
// Ties (validation/README.md, Pareto): utilities are float sums taken in issue order, rounded to 1e-9
// at the end, then compared exactly. A partial package is pruned only when another is at least as good
// for every party and better by more than 1e-9 for one: rounding can then never make the pruned one
// equal or better, so every outcome that lands on a frontier point survives to be counted.
import type { Domain } from './domain.ts'

export const TIE = 1e-9

export interface FrontierPoint {
  /** One utility per party, each the float sum rounded to 1e-9. */
  utilities: number[]
  /** One outcome that lands on the point: an option index per issue. */
  outcome: number[]
  /** How many outcomes land on the point. */
  outcomes: number
}

export interface Frontier {
  /** Outcomes in the space searched (after red lines). */
  outcomes: number
  points: FrontierPoint[]
  /** True when a step exceeded `cap` candidates and the result is not the exact frontier. */
  capped: boolean
  method: 'divide-and-conquer' | 'enumeration'
}

interface Stage {
  n: number
  vec: Float64Array
  parent: Int32Array
  option: Int32Array
  count: Float64Array
}

/** Rounds to 1e-9, landing on the double nearest the decimal (0.6, not 0.6000000000000001). */
export const round9 = (x: number) => Math.round(x * 1e9) / 1e9

export function paretoFrontier(d: Domain, { cap = 4_000_000 } = {}): Frontier {
  const m = d.parties.length
  const allowedOptions = d.issues.map((issue, i) =>
    issue.options.map((_, o) => o).filter((o) => d.allowed?.[i]?.[o] ?? true),
  )
  const outcomes = allowedOptions.reduce((n, opts) => n * opts.length, 1)
  const stages: Stage[] = [
    {
      n: 1,
      vec: new Float64Array(m),
      parent: Int32Array.of(-1),
      option: Int32Array.of(-1),
      count: Float64Array.of(1),
    },
  ]
  if (outcomes === 0) return { outcomes, points: [], capped: false, method: 'divide-and-conquer' }

  for (let i = 0; i < d.issues.length; i++) {
    const prev = stages[stages.length - 1] as Stage
    const opts = allowedOptions[i] as number[]
    const n = prev.n * opts.length
    if (n > cap) return { outcomes, points: [], capped: true, method: 'divide-and-conquer' }
    const vec = new Float64Array(n * m)
    const parent = new Int32Array(n)
    const option = new Int32Array(n)
    const count = new Float64Array(n)
    let k = 0
    for (let e = 0; e < prev.n; e++) {
      for (const o of opts) {
        for (let p = 0; p < m; p++)
          vec[k * m + p] =
            (prev.vec[e * m + p] as number) +
            (((d.contributions[p] as Float64Array[])[i] as Float64Array)[o] as number)
        parent[k] = e
        option[k] = o
        count[k] = prev.count[e] as number
        k++
      }
    }
    const keep = prune(vec, count, n, m, TIE)
    stages.push({
      n: keep.length,
      vec: Float64Array.from(
        { length: keep.length * m },
        (_, j) => vec[(keep[Math.floor(j / m)] as number) * m + (j % m)] as number,
      ),
      parent: Int32Array.from(keep, (j) => parent[j] as number),
      option: Int32Array.from(keep, (j) => option[j] as number),
      count: Float64Array.from(keep, (j) => count[j] as number),
    })
  }
  const last = stages[stages.length - 1] as Stage
  const decodeEntry = (entry: number) => {
    const outcome = new Array<number>(d.issues.length)
    let e = entry
    for (let s = stages.length - 1; s >= 1; s--) {
      const st = stages[s] as Stage
      outcome[s - 1] = st.option[e] as number
      e = st.parent[e] as number
    }
    return outcome
  }
  return {
    outcomes,
    points: finalPoints(last.vec, last.count, last.n, m, decodeEntry),
    capped: false,
    method: 'divide-and-conquer',
  }
}

/**
 * Indices of the candidates to keep: exact duplicates merged (their counts added to the first), and
 * every candidate dropped that another beats by more than `tol` somewhere while losing nowhere.
 */
function prune(vec: Float64Array, count: Float64Array, n: number, m: number, tol: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  order.sort((a, b) => {
    for (let p = 0; p < m; p++) {
      const diff = (vec[b * m + p] as number) - (vec[a * m + p] as number)
      if (diff !== 0) return diff
    }
    return a - b
  })
  // Merge exact duplicates: they are adjacent after the sort.
  const unique: number[] = []
  for (const i of order) {
    const last = unique[unique.length - 1]
    if (last !== undefined && sameVector(vec, last, i, m))
      count[last] = (count[last] as number) + (count[i] as number)
    else unique.push(i)
  }
  if (m === 2) return sweep2(vec, unique, tol)
  return skyline(vec, unique, m, tol)
}

function sameVector(vec: Float64Array, a: number, b: number, m: number): boolean {
  for (let p = 0; p < m; p++) if (vec[a * m + p] !== vec[b * m + p]) return false
  return true
}

/** Two parties, sorted by u1 then u2 descending: keep X unless an earlier Y has u2 ≥ X's with a gap > tol somewhere. */
function sweep2(vec: Float64Array, sorted: number[], tol: number): number[] {
  const keep: number[] = []
  let maxAll = Number.NEGATIVE_INFINITY // best u2 among all earlier (u1 ≥ X's)
  let maxStrict = Number.NEGATIVE_INFINITY // best u2 among earlier with u1 > X's + tol
  let j = 0
  for (const x of sorted) {
    const x1 = vec[x * 2] as number
    const x2 = vec[x * 2 + 1] as number
    while (j < sorted.length && (vec[(sorted[j] as number) * 2] as number) - x1 > tol) {
      maxStrict = Math.max(maxStrict, vec[(sorted[j] as number) * 2 + 1] as number)
      j++
    }
    const dominated = maxStrict >= x2 || maxAll - x2 > tol
    if (!dominated) keep.push(x)
    maxAll = Math.max(maxAll, x2)
  }
  return keep
}

/** n parties: in order of decreasing first utility, keep X unless a kept Y dominates it (a dominator always sorts first). */
function skyline(vec: Float64Array, sorted: number[], m: number, tol: number): number[] {
  const bySum = [...sorted].sort((a, b) => sum(vec, b, m) - sum(vec, a, m))
  const keep: number[] = []
  for (const x of bySum) {
    let dominated = false
    for (const y of keep) {
      let geq = true
      let gap = false
      for (let p = 0; p < m; p++) {
        const diff = (vec[y * m + p] as number) - (vec[x * m + p] as number)
        if (diff < 0) {
          geq = false
          break
        }
        if (diff > tol) gap = true
      }
      if (geq && gap) {
        dominated = true
        break
      }
    }
    if (!dominated) keep.push(x)
  }
  return keep
}

function sum(vec: Float64Array, i: number, m: number): number {
  let s = 0
  for (let p = 0; p < m; p++) s += vec[i * m + p] as number
  return s
}

/** Round every utility vector to 1e-9, group equal ones, and keep the exactly non-dominated groups. */
export function finalPoints(
  vec: Float64Array,
  count: Float64Array,
  n: number,
  m: number,
  decodeEntry: (entry: number) => number[],
): FrontierPoint[] {
  const groups = new Map<string, { utilities: number[]; entry: number; outcomes: number }>()
  for (let e = 0; e < n; e++) {
    const utilities = Array.from({ length: m }, (_, p) => round9(vec[e * m + p] as number))
    const key = utilities.join(',')
    const g = groups.get(key)
    if (g) g.outcomes += count[e] as number
    else groups.set(key, { utilities, entry: e, outcomes: count[e] as number })
  }
  const list = [...groups.values()]
  const flat = Float64Array.from(list.flatMap((g) => g.utilities))
  const order = list
    .map((_, i) => i)
    .sort((a, b) => {
      for (let p = 0; p < m; p++) {
        const diff = (flat[b * m + p] as number) - (flat[a * m + p] as number)
        if (diff !== 0) return diff
      }
      return 0
    })
  const kept = m === 2 ? sweep2(flat, order, 0) : skyline(flat, order, m, 0)
  return kept
    .map((i) => list[i] as (typeof list)[number])
    .sort(
      (a, b) =>
        (b.utilities[0] as number) - (a.utilities[0] as number) ||
        (b.utilities[1] ?? 0) - (a.utilities[1] ?? 0),
    )
    .map((g) => ({ utilities: g.utilities, outcome: decodeEntry(g.entry), outcomes: g.outcomes }))
}
