// Stokman's exchange model, Equal Gain variant without random rates (Stokman & van Oosten 1994;
// Dijkstra, van Assen & Stokman 2008), in the reading of foarsitter/decide-exchange-model's
// EqualGainModel (validation/README.md, section Exchange; facts read from its base.py, equalgain.py and
// calculations.py, rewritten here):
// - positions are rescaled to 0–100 with the issue's range; an issue's mean ("NBS" in DECIDE) is
//   Σ x·s·c / Σ s·c over the actors on it;
// - for every pair of issues (p, q), in input order, actors are grouped by side of each mean (an actor
//   at the mean counts as the low side); an actor high on both can
//   exchange with one low on both, and one low on p and high on q with one high on p and low on q;
// - in an exchange each actor gives way on the issue it cares less about (relative salience) and gains
//   on the other; the moves are set so that both gain the same expected utility;
// - the candidate with the highest gain is realised, the others are updated or dropped, and this
//   repeats until no valid exchange is left; equal gains go to the candidate standing first in the list;
// - at the end of the round the mean of the voting positions is recorded, and an actor that moved on
//   an issue starts the next round from x + (0.1 + 0.4·(1 − s))·(y − x).
//
// Arithmetic. The reference computes with Python's Decimal (28 significant digits, rounding half to
// even), and which of two candidates with equal gains in exact arithmetic is realised first depends on
// the last digit its operations leave. So by default this model computes in the same decimal arithmetic
// (decimal.js with the same context), with the operations in the reference's order, and compares
// exactly. `arithmetic: 'float'` runs the same steps in float64, about 9 times faster on COP21; it can
// part from the reference where gains tie.
import { Decimal } from 'decimal.js'
import type { ForecastIssue, ForecastProblem } from './problem.ts'

/** Python's default decimal context. */
const D = Decimal.clone({ precision: 28, rounding: Decimal.ROUND_HALF_EVEN })
type Dec = Decimal

/** The exact value of a binary double, as Python's Decimal(float) gives it. */
export function exactDecimal(x: number): Dec {
  if (!Number.isFinite(x)) return new D(x)
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, x)
  const bits = view.getBigUint64(0)
  const negative = bits >> 63n === 1n
  const exponentBits = Number((bits >> 52n) & 0x7ffn)
  let mantissa = bits & ((1n << 52n) - 1n)
  let exponent: number
  if (exponentBits === 0) exponent = -1074
  else {
    mantissa |= 1n << 52n
    exponent = exponentBits - 1075
  }
  // x = mantissa · 2^exponent = mantissa · 5^-exponent · 10^exponent when exponent < 0.
  const digits = exponent >= 0 ? mantissa << BigInt(exponent) : mantissa * 5n ** BigInt(-exponent)
  const text = exponent >= 0 ? digits.toString() : `${digits}e${exponent}`
  return new D(negative ? `-${text}` : text)
}

/** The operations the model needs, over decimal or float numbers. */
interface Arithmetic<T> {
  of(x: number): T
  /** The reference's float constants (1e-10, 0.4, …) as it uses them: exactly, in Decimal. */
  constant(x: number): T
  plus(a: T, b: T): T
  minus(a: T, b: T): T
  times(a: T, b: T): T
  div(a: T, b: T): T
  abs(a: T): T
  neg(a: T): T
  cmp(a: T, b: T): number
  isFinite(a: T): boolean
  toNumber(a: T): number
}

const decimalArithmetic: Arithmetic<Dec> = {
  of: (x) => new D(x),
  constant: exactDecimal,
  plus: (a, b) => a.plus(b),
  minus: (a, b) => a.minus(b),
  times: (a, b) => a.times(b),
  div: (a, b) => a.div(b),
  abs: (a) => a.abs(),
  neg: (a) => a.neg(),
  cmp: (a, b) => a.cmp(b),
  isFinite: (a) => a.isFinite(),
  toNumber: (a) => a.toNumber(),
}

const floatArithmetic: Arithmetic<number> = {
  of: (x) => x,
  constant: (x) => x,
  plus: (a, b) => a + b,
  minus: (a, b) => a - b,
  times: (a, b) => a * b,
  div: (a, b) => a / b,
  abs: Math.abs,
  neg: (a) => -a,
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  isFinite: Number.isFinite,
  toNumber: (a) => a,
}

interface Cell<T> {
  x: T
  s: T
  c: T
}

interface Side<T> {
  actor: string
  supply: string
  demand: string
  /** Position on the supply issue, updated when another realised exchange moved this actor there. */
  xs: T
  ss: T
  cs: T
  /** Own position on the demand issue, as it was when the exchange was made. */
  xd: T
  sd: T
  /** Position on the supply issue at the start of the round. */
  start: T
  y: T
  move: T
  moves: T[]
  opposite: Side<T>
}

interface Exchange<T> {
  i: Side<T>
  j: Side<T>
  p: string
  q: string
  dp: T
  dq: T
  gain: T
  /** `gain` in float64, to sort by: a different float means a different decimal, in the same order. */
  gainF: number
  /** The gain as computed before an NBS-crossing cut (what the reference logs as each move's eu). */
  offered: T
  valid: boolean
  /** Positions of other actors moved by realised exchanges this round, per issue, as this exchange sees them. */
  updates: Map<string, Map<string, T>>
}

export interface RealisedExchange {
  /**
   * Each actor's move on the issue it gives way on. `eu` is the expected utility the exchange offered
   * when it was computed, as the reference logs it: where an NBS-crossing cut then shortened the moves,
   * it is the figure before the cut, and `gain` the one after.
   */
  moves: { actor: string; issue: string; from: number; to: number; eu: number }[]
  gain: number
}

export interface ExchangeRound {
  round: number
  /** Per issue, the mean of the positions the round starts from (issue units). */
  meanAtStart: Record<string, number>
  /** Per issue, the mean of the voting positions at the end of the round (issue units). */
  meanVoting: Record<string, number>
  /** Every actor's start position of the round, per issue (issue units). */
  positions: Record<string, Record<string, number>>
  exchanges: RealisedExchange[]
}

export interface ExchangeResult {
  rounds: ExchangeRound[]
  /** Per issue, the mean after the last round (the positions a next round would start from). */
  finalMean: Record<string, number>
  finalPositions: Record<string, Record<string, number>>
}

export interface ExchangeOptions {
  rounds?: number
  /** 'decimal' (the default) as the reference computes; 'float' is faster and parts from it at ties. */
  arithmetic?: 'decimal' | 'float'
  /**
   * Breaks ties between the best two gains (closer than 1e-20) at random, as the stock program does
   * with its coin flip; without it, the candidate standing first wins (the deterministic reading of the
   * validation).
   */
  random?: () => number
}

export function exchangeModel(problem: ForecastProblem, options: ExchangeOptions = {}): ExchangeResult {
  return options.arithmetic === 'float'
    ? run(problem, floatArithmetic, options)
    : run(problem, decimalArithmetic, options)
}

function run<T>(
  problem: ForecastProblem,
  ar: Arithmetic<T>,
  { rounds = 10, random }: ExchangeOptions,
): ExchangeResult {
  const ZERO = ar.of(0)
  const ONE = ar.of(1)
  const HUNDRED = ar.of(100)
  // The reference compares with the floats 1e-10 (and 1e-20 for coin-flip ties), and weighs the reset
  // with its SALIENCE_WEIGHT 0.4 and FIXED_WEIGHT 0.1, all made Decimal from floats.
  const EPSILON = ar.constant(1e-10)
  const TIE = ar.constant(1e-20)
  const SALIENCE_WEIGHT = ar.constant(0.4)
  const FIXED_WEIGHT = ar.constant(0.1)
  const { plus, minus, times, div, abs, neg } = ar
  const lt = (a: T, b: T) => ar.cmp(a, b) < 0
  const gt = (a: T, b: T) => ar.cmp(a, b) > 0
  const isZero = (a: T) => ar.cmp(a, ZERO) === 0
  const lte = (a: T, b: T) => ar.cmp(a, b) <= 0
  const gte = (a: T, b: T) => ar.cmp(a, b) >= 0
  type S = Side<T>
  type E = Exchange<T>

  const issues = problem.issues
  // Actors in input order ('#A' lines): the order in which candidates are made decides ties.
  const actorOrder: string[] = [...(problem.actors ?? [])]
  for (const issue of issues)
    for (const a of issue.actors) if (!actorOrder.includes(a.party)) actorOrder.push(a.party)
  // Each issue's scale as the reference holds it: step = 100 / (max − min), x' = (x − min)·step.
  const scales = new Map(
    issues.map((i) => {
      const lower = ar.of(i.min)
      const delta = minus(ar.of(i.max), lower)
      return [i.id, { lower, step: isZero(delta) ? ZERO : div(HUNDRED, delta) }]
    }),
  )
  const scaleOf = (issue: string) => scales.get(issue) as { lower: T; step: T }
  const denorm = (issue: string, v: T) => {
    const { lower, step } = scaleOf(issue)
    return ar.toNumber(isZero(v) || isZero(step) ? lower : plus(div(v, step), lower))
  }
  // cells[issue][actor]: normalised position, salience, power, in the order of the input lines.
  const cells = new Map(
    issues.map((i) => {
      const { lower, step } = scaleOf(i.id)
      return [
        i.id,
        new Map<string, Cell<T>>(
          i.actors.map((a) => [
            a.party,
            { x: times(minus(ar.of(a.position), lower), step), s: ar.of(a.salience), c: ar.of(a.capability) },
          ]),
        ),
      ]
    }),
  )
  const cellOf = (issue: string, actor: string): Cell<T> => {
    const cell = cells.get(issue)?.get(actor)
    if (!cell) throw new Error(`exchange model: ${actor} has no position on ${issue}`)
    return cell
  }

  const denominators = new Map<string, T>()
  /** Each actor's x·s·c per issue at the start of the round, in the order of the sums. */
  const terms = new Map<string, Map<string, T>>()
  /** The same in float64, with s·c and Σ s·c, for a quick reading of which side of a position an NBS lies. */
  const approx = new Map<string, { terms: Map<string, number>; sc: Map<string, number>; den: number }>()
  const means = () => {
    const out = new Map<string, T>()
    for (const [issue, m] of cells) {
      let num = ZERO
      let den = ZERO
      const t = new Map<string, T>()
      const a = { terms: new Map<string, number>(), sc: new Map<string, number>(), den: 0 }
      for (const [actor, cell] of m) {
        const term = times(times(cell.x, cell.s), cell.c)
        t.set(actor, term)
        a.terms.set(actor, ar.toNumber(term))
        a.sc.set(actor, ar.toNumber(cell.s) * ar.toNumber(cell.c))
        num = plus(num, term)
        den = plus(den, times(cell.s, cell.c))
      }
      terms.set(issue, t)
      a.den = ar.toNumber(den)
      approx.set(issue, a)
      denominators.set(issue, den)
      out.set(issue, isZero(den) ? ZERO : div(num, den))
    }
    return out
  }
  const sumSc = (issue: string) => denominators.get(issue) ?? ZERO
  // Σ x·s·c over an issue's actors in input order: `x(actor)` where it gives one, else the start position.
  const weightedSum = (issue: string, x: (actor: string) => T | undefined) => {
    const t = terms.get(issue) as Map<string, T>
    let sum = ZERO
    for (const [a, cell] of cells.get(issue) as Map<string, Cell<T>>) {
      const moved = x(a)
      sum = plus(sum, moved === undefined ? (t.get(a) as T) : times(times(moved, cell.s), cell.c))
    }
    return sum
  }
  const inUnits = (m: Map<string, T>) => Object.fromEntries([...m].map(([id, v]) => [id, denorm(id, v)]))
  const positionsInUnits = () =>
    Object.fromEntries(
      [...cells].map(([id, m]) => [
        id,
        Object.fromEntries([...m].map(([a, cell]) => [a, denorm(id, cell.x)])),
      ]),
    )

  // The NBS of the supply issue with the exchange's updates applied and `side` at `position`.
  const adjustedNbs = (e: E, side: S, position: T) => {
    const updates = e.updates.get(side.supply)
    const num = weightedSum(side.supply, (a) => (a === side.actor ? position : updates?.get(a)))
    const den = sumSc(side.supply)
    return isZero(den) ? ZERO : div(num, den)
  }
  // How far `side` must move from `from` for the NBS of its supply issue to reach `target`. As in the
  // reference, the sum runs over every actor, `side` included at `from` or where an update put it.
  const moveForNbs = (e: E, side: S, from: T, target: T) => {
    const updates = e.updates.get(side.supply)
    const sum = weightedSum(side.supply, (a) => updates?.get(a) ?? (a === side.actor ? from : undefined))
    return div(minus(times(target, sumSc(side.supply)), sum), times(side.ss, side.cs))
  }
  const reverseMove = (side: S, ratio: T) => div(times(ratio, sumSc(side.supply)), times(side.cs, side.ss))
  const exchangeRatio = (side: S, delta: T) => div(times(times(delta, side.ss), side.cs), sumSc(side.supply))
  // "by exchange ratio": the other issue's ratio that equalises the gains.
  const byExchangeRatio = (supplier: S, ratio: T) =>
    times(div(plus(supplier.ss, supplier.opposite.sd), plus(supplier.sd, supplier.opposite.ss)), ratio)
  const eu = (side: S, demandRatio: T, supplyRatio: T) =>
    abs(minus(times(demandRatio, side.ss), times(supplyRatio, side.sd)))

  const isMoveValid = (side: S, move: T) => {
    if (!ar.isFinite(move) || gt(abs(move), HUNDRED) || lte(abs(move), EPSILON)) return false
    const to = plus(side.xs, move)
    if (lt(to, ZERO) || gt(to, HUNDRED)) return false
    if (
      gt(
        side.moves.reduce((a, b) => plus(a, b), ZERO),
        HUNDRED,
      )
    )
      return false
    let lo = side.moves[0] as T
    let hi = lo
    for (const m of side.moves) {
      if (lt(m, lo)) lo = m
      if (gt(m, hi)) hi = m
    }
    return (lt(lo, ZERO) && lt(hi, ZERO)) || (gt(lo, ZERO) && gt(hi, ZERO))
  }

  // adjustedNbs in float64: within about 1e-12 of the exact figure on the 0–100 scale.
  const approxNbs = (e: E, side: S, position: T) => {
    const a = approx.get(side.supply) as { terms: Map<string, number>; sc: Map<string, number>; den: number }
    const updates = e.updates.get(side.supply)
    let sum = 0
    for (const [actor, term] of a.terms) {
      const moved = actor === side.actor ? position : updates?.get(actor)
      sum += moved === undefined ? term : ar.toNumber(moved) * (a.sc.get(actor) as number)
    }
    return a.den === 0 ? 0 : sum / a.den
  }
  // Whether the NBS stays on one side of `x` as `self` moves from xs to y. Decided in float64 where both
  // distances are clearly away from 0 (the decimal figures cannot then differ in sign), else exactly.
  const nbsStaysOnOneSide = (e: E, self: S, x: T) => {
    const xf = ar.toNumber(x)
    const d0f = xf - approxNbs(e, self, self.xs)
    const d1f = xf - approxNbs(e, self, self.y)
    if (Math.abs(d0f) > 1e-9 && Math.abs(d1f) > 1e-9) return d0f > 0 === d1f > 0
    const d0 = minus(x, adjustedNbs(e, self, self.xs))
    const d1 = minus(x, adjustedNbs(e, self, self.y))
    return (gte(d0, ZERO) && gte(d1, ZERO)) || (lte(d0, ZERO) && lte(d1, ZERO))
  }

  const checkNbs = (e: E, self: S) => {
    const other = self.opposite
    const x = other.xd
    if (nbsStaysOnOneSide(e, self, x)) return
    // The move would carry the mean past the other actor's position: stop it where the mean reaches it.
    // (The later code of the reference takes that position itself as the length of the move; the expected
    // values, from commit 51dee664, move to the position: CDA on extra-investering goes 25 → 32, not 57.)
    const delta = abs(moveForNbs(e, self, self.xs, x))
    e.dp = exchangeRatio(self, delta)
    e.dq = byExchangeRatio(self, e.dp)
    other.move = abs(reverseMove(other, e.dq))
    self.move = delta
    if (gt(other.xs, self.xd)) other.move = neg(other.move)
    if (gt(self.xs, other.xd)) self.move = neg(self.move)
    other.moves.pop()
    self.moves.pop()
    other.moves.push(other.move)
    self.moves.push(self.move)
    other.y = plus(other.xs, other.move)
    self.y = plus(self.xs, self.move)
    e.gain = eu(other, e.dq, e.dp)
    e.gainF = ar.toNumber(e.gain)
    e.valid = isMoveValid(other, other.move) && isMoveValid(self, self.move)
  }

  const calculate = (e: E) => {
    const { i, j } = e
    e.dp = exchangeRatio(j, abs(minus(i.xd, j.xs)))
    e.dq = byExchangeRatio(j, e.dp)
    i.move = reverseMove(i, e.dq)
    j.move = abs(minus(i.xd, j.xs))
    if (gt(abs(i.move), abs(minus(j.xd, i.xs)))) {
      e.dq = exchangeRatio(i, abs(minus(j.xd, i.xs)))
      e.dp = byExchangeRatio(i, e.dq)
      i.move = abs(minus(j.xd, i.xs))
      j.move = reverseMove(j, e.dp)
    }
    if (gt(i.xs, j.xd)) i.move = neg(i.move)
    if (gt(j.xs, i.xd)) j.move = neg(j.move)
    i.moves.push(i.move)
    j.moves.push(j.move)
    i.y = plus(i.xs, i.move)
    j.y = plus(j.xs, j.move)
    e.gain = eu(i, e.dq, e.dp)
    e.gainF = ar.toNumber(e.gain)
    e.offered = e.gain
    e.valid = isMoveValid(i, i.move) && isMoveValid(j, j.move) && !lt(e.gain, EPSILON)
    if (e.valid) {
      checkNbs(e, i)
      checkNbs(e, j)
      e.valid = isMoveValid(i, i.move) && isMoveValid(j, j.move)
    }
  }

  const makeSide = (actor: string, supply: string, demand: string): S => {
    const sc = cellOf(supply, actor)
    const dc = cellOf(demand, actor)
    return {
      actor,
      supply,
      demand,
      xs: sc.x,
      ss: sc.s,
      cs: sc.c,
      xd: dc.x,
      sd: dc.s,
      start: sc.x,
      y: sc.x,
      move: ZERO,
      moves: [],
      opposite: undefined as unknown as S,
    }
  }
  const makeExchange = (a: string, b: string, p: string, q: string): E => {
    const ratio = (actor: string) => div(cellOf(p, actor).s, cellOf(q, actor).s)
    // The actor with the larger relative salience of p demands p (is `i`); the other supplies p.
    const [ia, ja] = lt(ratio(a), ratio(b)) ? [b, a] : [a, b]
    const i = makeSide(ia, q, p)
    const j = makeSide(ja, p, q)
    i.opposite = j
    j.opposite = i
    const e: E = {
      i,
      j,
      p,
      q,
      dp: ZERO,
      dq: ZERO,
      gain: ZERO,
      gainF: 0,
      offered: ZERO,
      valid: true,
      updates: new Map(),
    }
    calculate(e)
    return e
  }

  const setUpdate = (e: E, issue: string, actor: string, value: T) => {
    let m = e.updates.get(issue)
    if (m === undefined) {
      m = new Map()
      e.updates.set(issue, m)
    }
    m.set(actor, value)
  }
  const updateUpdates = (e: E, mover: S, issue: string, previous: T) => {
    const value = lte(mover.start, previous)
      ? lt(previous, mover.y)
        ? previous
        : mover.y
      : gt(previous, mover.y)
        ? previous
        : mover.y
    setUpdate(e, issue, mover.actor, value)
  }
  const sameActorSupply = (a: S, b: S) => a.actor === b.actor && a.supply === b.supply
  const sameActorDemand = (a: S, b: S) => a.actor === b.actor && a.demand === b.demand

  /** Brings candidate `e` up to date after `r` was realised. */
  const recalculate = (e: E, r: E) => {
    let recalc = false
    for (const side of [e.i, e.j]) {
      const source = sameActorSupply(side, r.i) ? r.i : sameActorSupply(side, r.j) ? r.j : undefined
      if (source !== undefined) {
        side.xs = source.y
        side.moves.push(source.moves.at(-1) as T)
        recalc = true
      }
    }
    if (recalc) {
      e.i.moves.pop()
      e.j.moves.pop()
    }
    for (const [mover, counterpart] of [
      [r.i, r.j],
      [r.j, r.i],
    ] as const) {
      if (sameActorDemand(counterpart, e.j) || sameActorDemand(counterpart, e.i)) {
        const previous = e.updates.get(counterpart.demand)?.get(mover.actor)
        if (previous !== undefined) updateUpdates(e, mover, counterpart.demand, previous)
        else setUpdate(e, counterpart.demand, mover.actor, mover.y)
        if (!recalc) {
          e.i.moves.pop()
          e.j.moves.pop()
          recalc = true
        }
      }
    }
    if (recalc) calculate(e)
  }

  const trace: ExchangeRound[] = []
  for (let round = 1; round <= rounds; round++) {
    const nbs = means()
    const startMeans = inUnits(nbs)
    const startPositions = positionsInUnits()
    // At or below the mean is the low side, as validation/README.md reads commit 51dee664. (The later code
    // of the reference puts an actor exactly at the mean on the high side; no validation case has one.)
    const low = (issue: string, actor: string) => lte(cellOf(issue, actor).x, nbs.get(issue) ?? ZERO)
    const candidates: E[] = []
    for (let a = 0; a < issues.length; a++) {
      for (let b = a + 1; b < issues.length; b++) {
        const p = (issues[a] as ForecastIssue).id
        const q = (issues[b] as ForecastIssue).id
        const groups: string[][] = [[], [], [], []] // A: high on both, B: low on p high on q, C: high on p low on q, D: low on both
        for (const actor of actorOrder) {
          if (!cells.get(p)?.has(actor) || !cells.get(q)?.has(actor)) continue
          groups[(low(p, actor) ? 1 : 0) | (low(q, actor) ? 2 : 0)]?.push(actor)
        }
        const [A, B, C, D] = groups as [string[], string[], string[], string[]]
        for (const i of A) for (const j of D) candidates.push(makeExchange(i, j, p, q))
        for (const i of B) for (const j of C) candidates.push(makeExchange(i, j, p, q))
      }
    }

    let list = candidates
    const realised: E[] = []
    const records: RealisedExchange[] = []
    while (list.length > 0) {
      // A stable sort, highest gain first: among equal gains the candidate standing first wins.
      list.sort((x, y) => y.gainF - x.gainF || ar.cmp(y.gain, x.gain))
      let r = list.shift() as E
      const next = list[0]
      if (
        random !== undefined &&
        next !== undefined &&
        lt(abs(minus(r.gain, next.gain)), TIE) &&
        random() >= 0.5
      ) {
        // The coin flip: the runner-up is realised and the winner goes to the end of the list.
        list.push(r)
        r = list.shift() as E
      }
      if (!r.valid) continue
      const kept: E[] = []
      for (const e of list) {
        if (!e.valid) continue
        recalculate(e, r)
        if (e.valid) kept.push(e)
      }
      list = kept
      realised.push(r)
      records.push({
        moves: [r.i, r.j].map((side) => ({
          actor: side.actor,
          issue: side.supply,
          from: denorm(side.supply, side.xs),
          to: denorm(side.supply, side.y),
          eu: ar.toNumber(r.offered),
        })),
        gain: ar.toNumber(r.gain),
      })
    }
    for (const r of realised) for (const side of [r.i, r.j]) cellOf(side.supply, side.actor).x = side.y
    const voting = inUnits(means())
    for (const r of realised) {
      for (const side of [r.i, r.j]) {
        // calculations.new_start_position, operation for operation.
        const weight = times(minus(ONE, side.ss), SALIENCE_WEIGHT)
        const moved = plus(times(weight, side.y), times(FIXED_WEIGHT, side.y))
        const stays = times(minus(minus(ONE, weight), FIXED_WEIGHT), side.start)
        cellOf(side.supply, side.actor).x = plus(moved, stays)
      }
    }
    trace.push({
      round,
      meanAtStart: startMeans,
      meanVoting: voting,
      positions: startPositions,
      exchanges: records,
    })
  }
  return { rounds: trace, finalMean: inUnits(means()), finalPositions: positionsInUnits() }
}
