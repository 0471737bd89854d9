// Stokman's exchange model, Equal Gain variant without random rates (Stokman & van Oosten 1994;
// Dijkstra, van Assen & Stokman 2008), in the reading of foarsitter/decide-exchange-model's
// EqualGainModel (validation/README.md, section Exchange; facts read from its base.py, equalgain.py and
// calculations.py, rewritten here):
// - positions are rescaled to 0–100 with the issue's range; an issue's mean ("NBS" in DECIDE) is
//   Σ x·s·c / Σ s·c over the actors on it;
// - for every pair of issues (p, q), in input order, actors are grouped by side of each mean (an actor
//   at the mean counts as the low side); an actor above both means can exchange with one at or below
//   both, and one low on p and high on q with one high on p and low on q;
// - in an exchange each actor gives way on the issue it cares less about (relative salience) and gains
//   on the other; the moves are set so that both gain the same expected utility;
// - the candidate with the highest gain is realised, the others are updated or dropped, and this
//   repeats until no valid exchange is left; equal gains (relative difference < 1e-12, the program
//   computes with exact decimals) go to the candidate standing first in the list;
// - at the end of the round the mean of the voting positions is recorded, and an actor that moved on
//   an issue starts the next round from x + (0.1 + 0.4·(1 − s))·(y − x).
import type { ForecastIssue, ForecastProblem } from './problem.ts'

interface Cell {
  x: number
  s: number
  c: number
}

interface Side {
  actor: string
  supply: string
  demand: string
  /** Position on the supply issue, updated when another realised exchange moved this actor there. */
  xs: number
  ss: number
  cs: number
  /** Own position on the demand issue, as it was when the exchange was made. */
  xd: number
  sd: number
  /** Position on the supply issue at the start of the round. */
  start: number
  y: number
  move: number
  moves: number[]
  opposite: Side
}

interface Exchange {
  i: Side
  j: Side
  p: string
  q: string
  dp: number
  dq: number
  gain: number
  /** The gain as computed before an NBS-crossing cut (what the reference logs as each move's eu). */
  offered: number
  valid: boolean
  /** Positions of other actors moved by realised exchanges this round, per issue, as this exchange sees them. */
  updates: Map<string, Map<string, number>>
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

const TIE = 1e-12
/** The reference computes with exact decimals: comparisons that are exact ties there (a mean of 50 with an
 * actor at 50, salience ratios 0.6/0.3 and 0.8/0.4) are read as ties here too, within this relative margin. */
const EXACT = 1e-9
const lessThan = (a: number, b: number) => a < b - EXACT * Math.max(1, Math.abs(a), Math.abs(b))

export interface ExchangeOptions {
  rounds?: number
  /**
   * Breaks exact ties between the best two gains at random, as the stock program does with its coin
   * flip; without it, the candidate standing first wins (the deterministic reading of the validation).
   */
  random?: () => number
}

export function exchangeModel(
  problem: ForecastProblem,
  { rounds = 10, random }: ExchangeOptions = {},
): ExchangeResult {
  const issues = problem.issues
  // Actors in input order ('#A' lines): the order in which candidates are made decides ties.
  const actorOrder: string[] = [...(problem.actors ?? [])]
  for (const issue of issues)
    for (const a of issue.actors) if (!actorOrder.includes(a.party)) actorOrder.push(a.party)
  const scale = new Map(issues.map((i) => [i.id, i]))
  const norm = (issue: ForecastIssue, x: number) =>
    issue.max === issue.min ? 0 : ((x - issue.min) * 100) / (issue.max - issue.min)
  const denorm = (issue: ForecastIssue, v: number) =>
    issue.max === issue.min ? issue.min : (v * (issue.max - issue.min)) / 100 + issue.min
  // cells[issue][actor]: normalised position, salience, power
  const cells = new Map(
    issues.map((i) => [
      i.id,
      new Map(i.actors.map((a) => [a.party, { x: norm(i, a.position), s: a.salience, c: a.capability }])),
    ]),
  )

  const denominators = new Map<string, number>()
  const means = () => {
    const out = new Map<string, number>()
    for (const [issue, m] of cells) {
      let num = 0
      let den = 0
      for (const cell of m.values()) {
        num += cell.x * cell.s * cell.c
        den += cell.s * cell.c
      }
      denominators.set(issue, den)
      out.set(issue, den === 0 ? 0 : num / den)
    }
    return out
  }
  const inUnits = (m: Map<string, number>) =>
    Object.fromEntries([...m].map(([id, v]) => [id, denorm(scale.get(id) as ForecastIssue, v)]))
  const positionsInUnits = () =>
    Object.fromEntries(
      [...cells].map(([id, m]) => [
        id,
        Object.fromEntries([...m].map(([a, cell]) => [a, denorm(scale.get(id) as ForecastIssue, cell.x)])),
      ]),
    )

  // NBS of the supply issue with the exchange's updates applied and `side` at `position`.
  const adjustedNbs = (e: Exchange, side: Side, position: number) => {
    const m = cells.get(side.supply) as Map<string, Cell>
    const updates = e.updates.get(side.supply)
    let num = 0
    for (const [a, cell] of m) {
      const x = a === side.actor ? position : (updates?.get(a) ?? cell.x)
      num += x * cell.s * cell.c
    }
    const den = denominators.get(side.supply) ?? 0
    return den === 0 ? 0 : num / den
  }
  // The position of `side` at which the NBS of its supply issue equals `target`.
  const positionForNbs = (e: Exchange, side: Side, target: number) => {
    const m = cells.get(side.supply) as Map<string, Cell>
    const updates = e.updates.get(side.supply)
    let others = 0
    for (const [a, cell] of m) if (a !== side.actor) others += (updates?.get(a) ?? cell.x) * cell.s * cell.c
    return (target * (denominators.get(side.supply) ?? 0) - others) / (side.cs * side.ss)
  }
  const sumSc = (issue: string) => denominators.get(issue) ?? 0
  const reverseMove = (side: Side, ratio: number) => (ratio * sumSc(side.supply)) / (side.cs * side.ss)
  // "by exchange ratio": the other issue's ratio that equalises the gains.
  const byExchangeRatio = (supplier: Side, ratio: number) =>
    ((supplier.ss + supplier.opposite.sd) / (supplier.sd + supplier.opposite.ss)) * ratio
  const eu = (side: Side, demandRatio: number, supplyRatio: number) =>
    Math.abs(demandRatio * side.ss - supplyRatio * side.sd)

  const isMoveValid = (side: Side, move: number) => {
    if (Math.abs(move) > 100 || Math.abs(move) <= 1e-10) return false
    if (side.xs + move < 0 || side.xs + move > 100) return false
    if (side.moves.reduce((a, b) => a + b, 0) > 100) return false
    const lo = Math.min(...side.moves)
    const hi = Math.max(...side.moves)
    return (lo < 0 && hi < 0) || (lo > 0 && hi > 0)
  }

  const checkNbs = (e: Exchange, self: Side) => {
    const other = self.opposite
    const nbs0 = adjustedNbs(e, self, self.xs)
    const nbs1 = adjustedNbs(e, self, self.y)
    const x = other.xd
    // Exact comparisons here: a tolerance, even 1e-12, changes round 5 of the sample case.
    if ((x - nbs0 >= 0 && x - nbs1 >= 0) || (x - nbs0 <= 0 && x - nbs1 <= 0)) return
    // The move would carry the mean past the other actor's position: stop it where the mean reaches it.
    // (The later code of the reference takes that position itself as the length of the move; the expected
    // values, from commit 51dee664, move to the position: CDA on extra-investering goes 25 → 32, not 57.)
    const delta = Math.abs(positionForNbs(e, self, x) - self.xs)
    e.dp = (delta * self.ss * self.cs) / sumSc(self.supply)
    e.dq = byExchangeRatio(self, e.dp)
    other.move = Math.abs(reverseMove(other, e.dq))
    self.move = delta
    if (other.xs > self.xd) other.move *= -1
    if (self.xs > other.xd) self.move *= -1
    other.moves.pop()
    self.moves.pop()
    other.moves.push(other.move)
    self.moves.push(self.move)
    other.y = other.xs + other.move
    self.y = self.xs + self.move
    e.gain = eu(other, e.dq, e.dp)
    e.valid = isMoveValid(other, other.move) && isMoveValid(self, self.move)
  }

  const calculate = (e: Exchange) => {
    const { i, j } = e
    e.dp = (Math.abs(i.xd - j.xs) * j.ss * j.cs) / sumSc(j.supply)
    e.dq = byExchangeRatio(j, e.dp)
    i.move = reverseMove(i, e.dq)
    j.move = Math.abs(i.xd - j.xs)
    if (Math.abs(i.move) > Math.abs(j.xd - i.xs)) {
      e.dq = (Math.abs(j.xd - i.xs) * i.ss * i.cs) / sumSc(i.supply)
      e.dp = byExchangeRatio(i, e.dq)
      i.move = Math.abs(j.xd - i.xs)
      j.move = reverseMove(j, e.dp)
    }
    if (i.xs > j.xd) i.move *= -1
    if (j.xs > i.xd) j.move *= -1
    i.moves.push(i.move)
    j.moves.push(j.move)
    i.y = i.xs + i.move
    j.y = j.xs + j.move
    e.gain = eu(i, e.dq, e.dp)
    e.offered = e.gain
    e.valid = isMoveValid(i, i.move) && isMoveValid(j, j.move) && e.gain >= 1e-10
    if (e.valid) {
      checkNbs(e, i)
      checkNbs(e, j)
      e.valid = isMoveValid(i, i.move) && isMoveValid(j, j.move)
    }
  }

  const cellOf = (issue: string, actor: string): Cell => {
    const cell = cells.get(issue)?.get(actor)
    if (!cell) throw new Error(`exchange model: ${actor} has no position on ${issue}`)
    return cell
  }
  const makeSide = (actor: string, supply: string, demand: string): Side => {
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
      move: 0,
      moves: [],
      opposite: undefined as unknown as Side,
    }
  }
  const makeExchange = (a: string, b: string, p: string, q: string): Exchange => {
    const s = (actor: string, issue: string) => cellOf(issue, actor).s
    // The actor with the larger relative salience of p demands p (is `i`); the other supplies p.
    const [ia, ja] = lessThan(s(a, p) * s(b, q), s(b, p) * s(a, q)) ? [b, a] : [a, b]
    const i = makeSide(ia, q, p)
    const j = makeSide(ja, p, q)
    i.opposite = j
    j.opposite = i
    const e: Exchange = { i, j, p, q, dp: 0, dq: 0, gain: 0, offered: 0, valid: true, updates: new Map() }
    calculate(e)
    return e
  }

  const updateUpdates = (e: Exchange, mover: Side, issue: string, previous: number) => {
    const value =
      mover.start <= previous
        ? previous < mover.y
          ? previous
          : mover.y
        : previous > mover.y
          ? previous
          : mover.y
    setUpdate(e, issue, mover.actor, value)
  }
  const setUpdate = (e: Exchange, issue: string, actor: string, value: number) => {
    let m = e.updates.get(issue)
    if (m === undefined) {
      m = new Map()
      e.updates.set(issue, m)
    }
    m.set(actor, value)
  }
  const sameActorSupply = (a: Side, b: Side) => a.actor === b.actor && a.supply === b.supply
  const sameActorDemand = (a: Side, b: Side) => a.actor === b.actor && a.demand === b.demand

  /** Brings candidate `e` up to date after `r` was realised; returns whether it is still valid. */
  const recalculate = (e: Exchange, r: Exchange) => {
    let invalidI = false
    let invalidJ = false
    for (const [side, flag] of [
      [e.i, 'i'],
      [e.j, 'j'],
    ] as const) {
      const source = sameActorSupply(side, r.i) ? r.i : sameActorSupply(side, r.j) ? r.j : undefined
      if (source !== undefined) {
        side.xs = source.y
        side.moves.push(source.moves.at(-1) as number)
        if (flag === 'i') invalidI = true
        else invalidJ = true
      }
    }
    let recalc = invalidI || invalidJ
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
    const low = (issue: string, actor: string) =>
      !lessThan(nbs.get(issue) ?? 0, cells.get(issue)?.get(actor)?.x ?? 0)
    const candidates: Exchange[] = []
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
    const realised: Exchange[] = []
    const records: RealisedExchange[] = []
    while (list.length > 0) {
      const tied = (x: Exchange, y: Exchange) =>
        Math.abs(x.gain - y.gain) <= TIE * Math.max(Math.abs(x.gain), Math.abs(y.gain))
      list.sort((x, y) => (tied(x, y) ? 0 : y.gain - x.gain))
      let r = list.shift() as Exchange
      if (random !== undefined && list.length > 0 && tied(r, list[0] as Exchange) && random() >= 0.5) {
        // The coin flip: the runner-up is realised and the winner goes to the end of the list.
        list.push(r)
        r = list.shift() as Exchange
      }
      if (!r.valid) continue
      const kept: Exchange[] = []
      for (const e of list) {
        if (!e.valid) continue
        recalculate(e, r)
        if (e.valid) kept.push(e)
      }
      list = kept
      realised.push(r)
      const unitsOf = (side: Side, v: number) => denorm(scale.get(side.supply) as ForecastIssue, v)
      records.push({
        moves: [r.i, r.j].map((side) => ({
          actor: side.actor,
          issue: side.supply,
          from: unitsOf(side, side.xs),
          to: unitsOf(side, side.y),
          eu: r.offered,
        })),
        gain: r.gain,
      })
    }
    for (const r of realised) {
      for (const side of [r.i, r.j]) cellOf(side.supply, side.actor).x = side.y
    }
    const voting = inUnits(means())
    for (const r of realised) {
      for (const side of [r.i, r.j]) {
        const cell = cellOf(side.supply, side.actor)
        cell.x = side.start + (0.1 + 0.4 * (1 - side.ss)) * (side.y - side.start)
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
