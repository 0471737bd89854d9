// Maximum Nash welfare over divisible items, for any number of parties: the allocation x maximising
// Σ_p log(Σ_i v_pi · x_pi) with Σ_p x_pi = 1 (Eisenberg & Gale 1959). With linear values this is the
// Fisher market equilibrium with equal budgets; it is found by proportional response dynamics (Wu &
// Zhang 2007; Zhang 2011), which converge to it: each party bids on each item in proportion to the
// value it gets from it. Offered as the named alternative to Adjusted Winner beyond two parties.
import type { Item } from './adjusted-winner.ts'

export interface NashWelfareResult {
  parties: string[]
  allocation: Record<string, Record<string, number>>
  totals: Record<string, number>
  iterations: number
}

export function maxNashWelfare(
  parties: readonly string[],
  items: readonly Item[],
  { iterations = 20_000, tolerance = 1e-12 } = {},
): NashWelfareResult {
  const v = parties.map((p) => items.map((it) => it.points[p] ?? 0))
  const P = parties.length
  const I = items.length
  // Start with bids spread in proportion to values (a party with no value anywhere bids evenly).
  let bids = v.map((row) => {
    const total = row.reduce((s, x) => s + x, 0)
    return row.map((x) => (total > 0 ? x / total : 1 / I))
  })
  let k = 0
  let x: number[][] = []
  for (; k < iterations; k++) {
    const prices = Array.from({ length: I }, (_, i) => bids.reduce((s, row) => s + (row[i] as number), 0))
    x = bids.map((row) => row.map((b, i) => ((prices[i] as number) > 0 ? b / (prices[i] as number) : 1 / P)))
    const utilities = v.map((row, p) =>
      row.reduce((s, val, i) => s + val * ((x[p] as number[])[i] as number), 0),
    )
    const next = v.map((row, p) =>
      row.map((val, i) =>
        (utilities[p] as number) > 0
          ? (val * ((x[p] as number[])[i] as number)) / (utilities[p] as number)
          : 1 / I,
      ),
    )
    let change = Number.NEGATIVE_INFINITY
    next.forEach((row, p) => {
      row.forEach((b, i) => {
        change = Math.max(change, Math.abs(b - ((bids[p] as number[])[i] as number)))
      })
    })
    bids = next
    if (change < tolerance) break
  }
  const allocation: Record<string, Record<string, number>> = {}
  const totals: Record<string, number> = {}
  parties.forEach((p, pi) => {
    allocation[p] = Object.fromEntries(items.map((it, i) => [it.id, (x[pi] as number[])[i] as number]))
    totals[p] = items.reduce((s, it, i) => s + (it.points[p] ?? 0) * ((x[pi] as number[])[i] as number), 0)
  })
  return { parties: [...parties], allocation, totals, iterations: k }
}
