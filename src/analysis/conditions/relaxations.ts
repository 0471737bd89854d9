// Relaxations: the smallest changes to the conditions that make the whole network consistent.
// Removing a condition breaks every deadlock it is in; the minimal sets of removals are the minimal
// hitting sets of the deadlocks (Reiter 1987; computed with Berge's incremental algorithm). A
// condition with a duration can instead be weakened: "a 30-day instead of a 60-day ceasefire". Every
// relaxation returned has been checked: the network with it applied is consistent.
import type { Condition, Scenario } from '../../scenario/index.ts'
import type { Deadlock } from './deadlocks.ts'
import { buildNetwork, isConsistent } from './network.ts'

export type CostBasis = 'salience' | 'count'

export type ConditionEdit =
  | { condition: string; action: 'remove' }
  | { condition: string; action: 'weaken'; min_days: { from: number; to: number } }
  | { condition: string; action: 'weaken'; max_days: { from: number; to: number } }

export interface Relaxation {
  change: ConditionEdit[]
  cost: number
  cost_basis: CostBasis
}

/**
 * The cost of giving up a condition: its holder's salience on the issue it holds back (0–100), or 1
 * per condition with cost basis `count`. A holder without a stance on that issue counts 50.
 */
export function removalCost(s: Scenario, c: Condition, basis: CostBasis): number {
  if (basis === 'count') return 1
  return s.stances.find((st) => st.party === c.party && st.issue === c.issue)?.salience.value ?? 50
}

export function findRelaxations(
  s: Scenario,
  deadlocks: readonly Deadlock[],
  basis: CostBasis = 'salience',
  limit = 10,
): Relaxation[] {
  if (deadlocks.length === 0) return []
  const byId = new Map(s.conditions.map((c) => [c.id, c]))
  const candidates: Relaxation[] = []
  for (const hitting of minimalHittingSets(deadlocks.map((d) => d.conditions))) {
    const removeAll: ConditionEdit[] = hitting.map((id) => ({ condition: id, action: 'remove' }))
    candidates.push(priced(s, byId, removeAll, basis))
    // Weaken instead of remove, where a condition has a bound to give up: a shorter minimum wait, a longer deadline.
    for (const [i, id] of hitting.entries()) {
      const c = byId.get(id)
      if (c === undefined) continue
      const removed = new Set(hitting.filter((h) => h !== id))
      if ((c.min_days ?? 0) > 0) {
        const to = largestSufficient(c.min_days ?? 0, (d) =>
          isConsistent(buildNetwork(s, { removed, minDays: new Map([[id, d]]) })),
        )
        if (to !== undefined) {
          const change = [...removeAll]
          change[i] = { condition: id, action: 'weaken', min_days: { from: c.min_days ?? 0, to } }
          candidates.push(priced(s, byId, change, basis))
        }
      }
      if (c.max_days !== undefined) {
        const to = smallestSufficient(c.max_days, (d) =>
          isConsistent(buildNetwork(s, { removed, maxDays: new Map([[id, d]]) })),
        )
        if (to !== undefined) {
          const change = [...removeAll]
          change[i] = { condition: id, action: 'weaken', max_days: { from: c.max_days, to } }
          candidates.push(priced(s, byId, change, basis))
        }
      }
    }
  }
  const verified = candidates.filter((r) => isConsistent(buildNetwork(s, adjustments(r.change))))
  // Cheapest first; on a tie, fewer changes, then weakening before removal (it keeps more of what was asked).
  const removals = (r: Relaxation) => r.change.filter((c) => c.action === 'remove').length
  verified.sort((a, b) => a.cost - b.cost || a.change.length - b.change.length || removals(a) - removals(b))
  return verified.slice(0, limit)
}

/** The largest bound below `from` for which `ok` holds (consistency is monotone in a lower bound), if any. */
function largestSufficient(from: number, ok: (days: number) => boolean): number | undefined {
  if (from === 0 || !ok(0)) return undefined
  let lo = 0
  let hi = from - 1
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (ok(mid)) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** The smallest bound above `from` for which `ok` holds (monotone in an upper bound), searched up to ten years. */
function smallestSufficient(from: number, ok: (days: number) => boolean, ceiling = 3660): number | undefined {
  if (!ok(ceiling)) return undefined
  let lo = from + 1
  let hi = ceiling
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (ok(mid)) hi = mid
    else lo = mid + 1
  }
  return lo
}

export function adjustments(change: readonly ConditionEdit[]) {
  return {
    removed: new Set(change.filter((c) => c.action === 'remove').map((c) => c.condition)),
    minDays: new Map(
      change.flatMap((c) =>
        c.action === 'weaken' && 'min_days' in c ? [[c.condition, c.min_days.to] as const] : [],
      ),
    ),
    maxDays: new Map(
      change.flatMap((c) =>
        c.action === 'weaken' && 'max_days' in c ? [[c.condition, c.max_days.to] as const] : [],
      ),
    ),
  }
}

function priced(
  s: Scenario,
  byId: Map<string, Condition>,
  change: ConditionEdit[],
  basis: CostBasis,
): Relaxation {
  let cost = 0
  for (const ch of change) {
    const c = byId.get(ch.condition)
    if (c === undefined) continue
    const full = removalCost(s, c, basis)
    if (ch.action === 'remove') cost += full
    else if ('min_days' in ch) cost += (full * (ch.min_days.from - ch.min_days.to)) / ch.min_days.from
    // Weakening costs the share of the bound given up: a wait 60 → 30 days is half of it; a deadline
    // 30 → 60 days is half of the new one.
    else cost += (full * (ch.max_days.to - ch.max_days.from)) / ch.max_days.to
  }
  return { change, cost: Math.round(cost * 1000) / 1000, cost_basis: basis }
}

/** Minimal hitting sets of a family of sets (Berge's algorithm), at most `cap` of them. */
export function minimalHittingSets(sets: readonly (readonly string[])[], cap = 1000): string[][] {
  let hitting: string[][] = [[]]
  for (const set of sets) {
    const next: string[][] = []
    for (const h of hitting) {
      if (h.some((x) => set.includes(x))) next.push(h)
      else for (const x of set) next.push([...h, x])
    }
    hitting = minimize(next).slice(0, cap)
  }
  return hitting
    .map((h) => [...h].sort())
    .sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()))
}

function minimize(family: string[][]): string[][] {
  const unique = [...new Map(family.map((h) => [[...h].sort().join('\u0000'), h])).values()]
  return unique.filter(
    (h) => !unique.some((o) => o !== h && o.length < h.length && o.every((x) => h.includes(x))),
  )
}
