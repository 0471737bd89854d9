// The moves of one candidate exchange and the gain they bring (exchange.ts): each side gives way on its
// supply issue by as much as makes both gain the same expected utility, cut where the supply issue's
// NBS would pass the other actor's position; in the reference's order of operations (calculations.py
// and equalgain.py of foarsitter/decide-exchange-model, rewritten here).
import type { ApproxSums, Candidate, ExchangeState, Side } from './_exchange-state.ts'
import { sumSc, weightedSum } from './_exchange-state.ts'

/** The NBS of the supply issue of `side` with the candidate's updates applied and `side` at `position`. */
function adjustedNbs<T>(state: ExchangeState<T>, e: Candidate<T>, side: Side<T>, position: T): T {
  const { ar } = state
  const num = weightedSum(state, side.supply, side.actor, position, e.updates.get(side.supply))
  const den = sumSc(state, side.supply)
  return ar.isZero(den) ? state.zero : ar.div(num, den)
}

/**
 * How far `side` must move from `from` for the NBS of its supply issue to reach `target`. As in the
 * reference, the sum runs over every actor, `side` included at `from` or where an update put it.
 */
function moveForNbs<T>(state: ExchangeState<T>, e: Candidate<T>, side: Side<T>, from: T, target: T): T {
  const { ar } = state
  const updates = e.updates.get(side.supply)
  const sum = weightedSum(state, side.supply, side.actor, updates?.get(side.actor) ?? from, updates)
  return ar.div(ar.minus(ar.times(target, sumSc(state, side.supply)), sum), ar.times(side.ss, side.cs))
}

/** The move on the supply issue of `side` that shifts its NBS by `ratio`. */
function reverseMove<T>(state: ExchangeState<T>, side: Side<T>, ratio: T): T {
  const { ar } = state
  return ar.div(ar.times(ratio, sumSc(state, side.supply)), ar.times(side.cs, side.ss))
}

/** The shift of the NBS of the supply issue of `side` when it moves by `delta`. */
function exchangeRatio<T>(state: ExchangeState<T>, side: Side<T>, delta: T): T {
  const { ar } = state
  return ar.div(ar.times(ar.times(delta, side.ss), side.cs), sumSc(state, side.supply))
}

/** "by exchange ratio": the other issue's ratio that equalises the gains. */
function byExchangeRatio<T>(state: ExchangeState<T>, supplier: Side<T>, ratio: T): T {
  const { ar } = state
  return ar.times(
    ar.div(ar.plus(supplier.ss, supplier.opposite.sd), ar.plus(supplier.sd, supplier.opposite.ss)),
    ratio,
  )
}

/** The expected utility `side` gains from shifts `demandRatio` and `supplyRatio` of the two NBS. */
function eu<T>(state: ExchangeState<T>, side: Side<T>, demandRatio: T, supplyRatio: T): T {
  const { ar } = state
  return ar.abs(ar.minus(ar.times(demandRatio, side.ss), ar.times(supplyRatio, side.sd)))
}

/** Whether `move` exceeds 1e-10 and keeps `side` on 0–100, its moves adding to ≤ 100, all of one sign. */
function isMoveValid<T>(state: ExchangeState<T>, side: Side<T>, move: T): boolean {
  const { ar, zero, hundred } = state
  if (!ar.isFinite(move) || ar.gt(ar.abs(move), hundred) || ar.lte(ar.abs(move), state.epsilon)) return false
  const to = ar.plus(side.xs, move)
  if (ar.lt(to, zero) || ar.gt(to, hundred)) return false
  let total = zero
  for (const m of side.moves) total = ar.plus(total, m)
  if (ar.gt(total, hundred)) return false
  let lo = side.moves[0] as T
  let hi = lo
  for (const m of side.moves) {
    if (ar.lt(m, lo)) lo = m
    if (ar.gt(m, hi)) hi = m
  }
  return (ar.lt(lo, zero) && ar.lt(hi, zero)) || (ar.gt(lo, zero) && ar.gt(hi, zero))
}

/** adjustedNbs in float64: within about 1e-12 of the exact figure on the 0–100 scale. */
function approxNbs<T>(state: ExchangeState<T>, e: Candidate<T>, side: Side<T>, position: T): number {
  const { ar } = state
  const a = state.approx.get(side.supply) as ApproxSums
  const updates = e.updates.get(side.supply)
  let sum = 0
  for (const [actor, term] of a.terms) {
    const moved = actor === side.actor ? position : updates?.get(actor)
    sum += moved === undefined ? term : ar.toNumber(moved) * (a.sc.get(actor) as number)
  }
  return a.den === 0 ? 0 : sum / a.den
}

/**
 * Whether the NBS stays on one side of `x` as `self` moves from xs to y. Decided in float64 where both
 * distances are clearly away from 0 (the decimal figures cannot then differ in sign), else exactly.
 */
function nbsStaysOnOneSide<T>(state: ExchangeState<T>, e: Candidate<T>, self: Side<T>, x: T): boolean {
  const { ar, zero } = state
  const xf = ar.toNumber(x)
  const d0f = xf - approxNbs(state, e, self, self.xs)
  const d1f = xf - approxNbs(state, e, self, self.y)
  if (Math.abs(d0f) > 1e-9 && Math.abs(d1f) > 1e-9) return d0f > 0 === d1f > 0
  const d0 = ar.minus(x, adjustedNbs(state, e, self, self.xs))
  const d1 = ar.minus(x, adjustedNbs(state, e, self, self.y))
  return (ar.gte(d0, zero) && ar.gte(d1, zero)) || (ar.lte(d0, zero) && ar.lte(d1, zero))
}

/** Shortens the moves of `e` where that of `self` would carry its supply issue's NBS past the other actor. */
function checkNbs<T>(state: ExchangeState<T>, e: Candidate<T>, self: Side<T>): void {
  const { ar } = state
  const other = self.opposite
  const x = other.xd
  if (nbsStaysOnOneSide(state, e, self, x)) return
  // The move would carry the mean past the other actor's position: stop it where the mean reaches it.
  // (The later code of the reference takes that position itself as the length of the move; the expected
  // values, from commit 51dee664, move to the position: CDA on extra-investering goes 25 → 32, not 57.)
  const delta = ar.abs(moveForNbs(state, e, self, self.xs, x))
  e.dp = exchangeRatio(state, self, delta)
  e.dq = byExchangeRatio(state, self, e.dp)
  other.move = ar.abs(reverseMove(state, other, e.dq))
  self.move = delta
  if (ar.gt(other.xs, self.xd)) other.move = ar.neg(other.move)
  if (ar.gt(self.xs, other.xd)) self.move = ar.neg(self.move)
  other.moves.pop()
  self.moves.pop()
  other.moves.push(other.move)
  self.moves.push(self.move)
  other.y = ar.plus(other.xs, other.move)
  self.y = ar.plus(self.xs, self.move)
  e.gain = eu(state, other, e.dq, e.dp)
  e.gainF = ar.toNumber(e.gain)
  e.valid = isMoveValid(state, other, other.move) && isMoveValid(state, self, self.move)
}

/** Sets the moves, gain and validity of `e` from its sides' current positions. */
export function calculate<T>(state: ExchangeState<T>, e: Candidate<T>): void {
  const { ar } = state
  const { i, j } = e
  e.dp = exchangeRatio(state, j, ar.abs(ar.minus(i.xd, j.xs)))
  e.dq = byExchangeRatio(state, j, e.dp)
  i.move = reverseMove(state, i, e.dq)
  j.move = ar.abs(ar.minus(i.xd, j.xs))
  if (ar.gt(ar.abs(i.move), ar.abs(ar.minus(j.xd, i.xs)))) {
    e.dq = exchangeRatio(state, i, ar.abs(ar.minus(j.xd, i.xs)))
    e.dp = byExchangeRatio(state, i, e.dq)
    i.move = ar.abs(ar.minus(j.xd, i.xs))
    j.move = reverseMove(state, j, e.dp)
  }
  if (ar.gt(i.xs, j.xd)) i.move = ar.neg(i.move)
  if (ar.gt(j.xs, i.xd)) j.move = ar.neg(j.move)
  i.moves.push(i.move)
  j.moves.push(j.move)
  i.y = ar.plus(i.xs, i.move)
  j.y = ar.plus(j.xs, j.move)
  e.gain = eu(state, i, e.dq, e.dp)
  e.gainF = ar.toNumber(e.gain)
  e.offered = e.gain
  e.valid = isMoveValid(state, i, i.move) && isMoveValid(state, j, j.move) && !ar.lt(e.gain, state.epsilon)
  if (e.valid) {
    checkNbs(state, e, i)
    checkNbs(state, e, j)
    e.valid = isMoveValid(state, i, i.move) && isMoveValid(state, j, j.move)
  }
}
