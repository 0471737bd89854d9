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
//
// The steps are written once, for either arithmetic, and take it with the run's state: the two
// arithmetics are in _exchange-arithmetic.ts, the state and the means in _exchange-state.ts, a round's
// candidates in _exchange-candidates.ts and a candidate's moves and gain in _exchange-gains.ts; this file
// runs the rounds.
import { type Arithmetic, decimalArithmetic, floatArithmetic } from './_exchange-arithmetic.ts'
import { candidatesOfRound, recalculate } from './_exchange-candidates.ts'
import {
  type Candidate,
  cellOf,
  computeMeans,
  createState,
  type ExchangeState,
  meansInUnits,
  positionsInUnits,
  type Side,
  toIssueUnits,
} from './_exchange-state.ts'
import type { ForecastProblem } from './problem.ts'

export { exactDecimal } from './_exchange-arithmetic.ts'

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

/** Stokman's exchange model on `problem`, round by round, in decimal arithmetic unless told otherwise. */
export function exchangeModel(problem: ForecastProblem, options: ExchangeOptions = {}): ExchangeResult {
  return options.arithmetic === 'float'
    ? run(problem, floatArithmetic, options)
    : run(problem, decimalArithmetic, options)
}

/** The model's rounds on `problem`, in arithmetic `ar`. */
function run<T>(
  problem: ForecastProblem,
  ar: Arithmetic<T>,
  { rounds = 10, random }: ExchangeOptions,
): ExchangeResult {
  const state = createState(problem, ar)
  const trace: ExchangeRound[] = []
  for (let round = 1; round <= rounds; round++) trace.push(playRound(state, round, random))
  return {
    rounds: trace,
    finalMean: meansInUnits(state, computeMeans(state)),
    finalPositions: positionsInUnits(state),
  }
}

/** One round: candidates from the means at its start, realised best first, then the new start positions. */
function playRound<T>(
  state: ExchangeState<T>,
  round: number,
  random: (() => number) | undefined,
): ExchangeRound {
  const nbs = computeMeans(state)
  const meanAtStart = meansInUnits(state, nbs)
  const positions = positionsInUnits(state)
  const { realised, records } = realiseExchanges(state, candidatesOfRound(state, nbs), random)
  for (const r of realised) for (const side of [r.i, r.j]) cellOf(state, side.supply, side.actor).x = side.y
  const meanVoting = meansInUnits(state, computeMeans(state))
  for (const r of realised)
    for (const side of [r.i, r.j]) cellOf(state, side.supply, side.actor).x = newStartPosition(state, side)
  return { round, meanAtStart, meanVoting, positions, exchanges: records }
}

/** Realises the best valid candidate and updates the others until none is left; returns them in that order. */
function realiseExchanges<T>(
  state: ExchangeState<T>,
  candidates: Candidate<T>[],
  random: (() => number) | undefined,
): { realised: Candidate<T>[]; records: RealisedExchange[] } {
  const { ar } = state
  // A stable sort, highest gain first: among equal gains the candidate standing first wins.
  const byGain = (x: Candidate<T>, y: Candidate<T>) => y.gainF - x.gainF || ar.cmp(y.gain, x.gain)
  let list = candidates
  const realised: Candidate<T>[] = []
  const records: RealisedExchange[] = []
  while (list.length > 0) {
    list.sort(byGain)
    let r = list.shift() as Candidate<T>
    const next = list[0]
    if (
      random !== undefined &&
      next !== undefined &&
      ar.lt(ar.abs(ar.minus(r.gain, next.gain)), state.tie) &&
      random() >= 0.5
    ) {
      // The coin flip: the runner-up is realised and the winner goes to the end of the list.
      list.push(r)
      r = list.shift() as Candidate<T>
    }
    if (!r.valid) continue
    const kept: Candidate<T>[] = []
    for (const e of list) {
      if (!e.valid) continue
      recalculate(state, e, r)
      if (e.valid) kept.push(e)
    }
    list = kept
    realised.push(r)
    records.push(recordOf(state, r))
  }
  return { realised, records }
}

/** The realised exchange `r` as reported, in the issues' own units. */
function recordOf<T>(state: ExchangeState<T>, r: Candidate<T>): RealisedExchange {
  const { ar } = state
  return {
    moves: [r.i, r.j].map((side) => ({
      actor: side.actor,
      issue: side.supply,
      from: toIssueUnits(state, side.supply, side.xs),
      to: toIssueUnits(state, side.supply, side.y),
      eu: ar.toNumber(r.offered),
    })),
    gain: ar.toNumber(r.gain),
  }
}

/** Where `side` starts the next round: calculations.new_start_position, operation for operation. */
function newStartPosition<T>(state: ExchangeState<T>, side: Side<T>): T {
  const { ar, one } = state
  const weight = ar.times(ar.minus(one, side.ss), state.salienceWeight)
  const moved = ar.plus(ar.times(weight, side.y), ar.times(state.fixedWeight, side.y))
  const stays = ar.times(ar.minus(ar.minus(one, weight), state.fixedWeight), side.start)
  return ar.plus(moved, stays)
}
