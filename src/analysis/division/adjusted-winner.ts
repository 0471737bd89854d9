// Adjusted Winner (Brams & Taylor 1996, "Fair Division", ch. 4; their Adjusted Winner pages), for two
// parties who each spread 100 points over the items:
// 1. each item goes to the party that gives it more points; an item with equal points goes to the
//    party that is behind on the items already decided (the non-tied ones);
// 2. the leader hands items to the other party in increasing order of the ratio
//    (leader's points / other's points), as long as it stays ahead;
// 3. the item at which the totals would cross is split: the leader keeps the fraction p that makes
//    both totals equal.
// The result is equitable (equal totals), envy-free and efficient, with at most one item split.
// Arithmetic is exact (rationals), so 170/3 and 1/6 come out as such.
import { addF, cmpF, divF, type Fraction, frac, mulF, subF, toNumber } from './fraction.ts'

export interface Item {
  id: string
  name?: string
  /** Points per party; each party's points over all items sum to 100. */
  points: Record<string, number>
}

export interface AdjustedWinnerResult {
  parties: [string, string]
  /** Who won each item in the first phase, and why for tied ones. */
  winner_phase: { item: string; to: string; tie: boolean }[]
  /** The leader's items in the order they were handed over, with their ratio. */
  transfer_order: { item: string; ratio: number }[]
  /** The split item and the share each party gets, or null when no split was needed. */
  split: { item: string; shares: Record<string, { n: number; d: number; value: number }> } | null
  /** Each party's share of each item (0–1). */
  allocation: Record<string, Record<string, number>>
  totals: Record<string, { n: number; d: number; value: number }>
}

export function adjustedWinner(parties: [string, string], items: readonly Item[]): AdjustedWinnerResult {
  const [a, b] = parties
  for (const p of parties) {
    const total = items.reduce((s, it) => s + (it.points[p] ?? 0), 0)
    if (Math.abs(total - 100) > 1e-9)
      throw new RangeError(`${p} spreads ${total} points over the items; Adjusted Winner needs exactly 100`)
  }
  const pts = (it: Item, p: string) => frac(Math.round((it.points[p] ?? 0) * 1e6), 1e6)
  const owner = new Map<string, string>()
  const score = (p: string) =>
    items.filter((it) => owner.get(it.id) === p).reduce((s, it) => addF(s, pts(it, p)), frac(0))
  const phase: AdjustedWinnerResult['winner_phase'] = []
  for (const it of items) {
    const c = cmpF(pts(it, a), pts(it, b))
    if (c !== 0) owner.set(it.id, c > 0 ? a : b)
  }
  const behind = cmpF(score(a), score(b)) <= 0 ? a : b
  for (const it of items) {
    const tie = !owner.has(it.id)
    if (tie) owner.set(it.id, behind)
    phase.push({ item: it.id, to: owner.get(it.id) as string, tie })
  }
  const leader = cmpF(score(a), score(b)) >= 0 ? a : b
  const other = leader === a ? b : a
  const candidates = items
    .filter((it) => owner.get(it.id) === leader)
    .map((it) => ({
      it,
      ratio: pts(it, other).n === 0 ? frac(Number.MAX_SAFE_INTEGER) : divF(pts(it, leader), pts(it, other)),
    }))
    .sort((x, y) => cmpF(x.ratio, y.ratio))

  const share = new Map<string, Fraction>(
    items.map((it) => [it.id, frac(owner.get(it.id) === leader ? 1 : 0)]),
  ) // leader's share
  // The order the leader's items go over in, by increasing ratio.
  const transfer: AdjustedWinnerResult['transfer_order'] = candidates.map(({ it, ratio }) => ({
    item: it.id,
    ratio: toNumber(ratio),
  }))
  let split: AdjustedWinnerResult['split'] = null
  let L = score(leader)
  let O = score(other)
  for (const { it } of candidates) {
    if (cmpF(L, O) <= 0) break
    const l = pts(it, leader)
    const o = pts(it, other)
    // Handing the whole item over: does the leader stay ahead (or tie)?
    if (cmpF(subF(L, l), addF(O, o)) >= 0) {
      share.set(it.id, frac(0))
      L = subF(L, l)
      O = addF(O, o)
      continue
    }
    // Split: L − l + p·l = O + (1 − p)·o  ⇒  p = (O + o − L + l) / (l + o).
    const p = divF(addF(subF(addF(O, o), L), l), addF(l, o))
    share.set(it.id, p)
    L = addF(subF(L, l), mulF(p, l))
    O = addF(O, mulF(subF(frac(1), p), o))
    const q = subF(frac(1), p)
    split = {
      item: it.id,
      shares: { [leader]: { ...p, value: toNumber(p) }, [other]: { ...q, value: toNumber(q) } },
    }
    break
  }
  const allocation: AdjustedWinnerResult['allocation'] = { [a]: {}, [b]: {} }
  for (const it of items) {
    const s = toNumber(share.get(it.id) as Fraction)
    ;(allocation[leader] as Record<string, number>)[it.id] = s
    ;(allocation[other] as Record<string, number>)[it.id] = 1 - s
  }
  return {
    parties,
    winner_phase: phase,
    transfer_order: transfer,
    split,
    allocation,
    totals: { [leader]: { ...L, value: toNumber(L) }, [other]: { ...O, value: toNumber(O) } },
  }
}
