// The candidate exchanges of a round (exchange.ts): made for every pair of issues from the actors' sides
// of the two means, and brought up to date each time another candidate is realised (equalgain.py of
// foarsitter/decide-exchange-model, rewritten here).
import { calculate } from './_exchange-gains.ts'
import type { Candidate, ExchangeState, Side } from './_exchange-state.ts'
import { cellOf } from './_exchange-state.ts'
import type { ForecastIssue } from './problem.ts'

/** Whether `actor` is on the low side of the mean of `issue`. */
function isLow<T>(state: ExchangeState<T>, nbs: Map<string, T>, issue: string, actor: string): boolean {
  // At or below the mean is the low side, as validation/README.md reads commit 51dee664. (The later code
  // of the reference puts an actor exactly at the mean on the high side; no validation case has one.)
  return state.ar.lte(cellOf(state, issue, actor).x, nbs.get(issue) ?? state.zero)
}

/** Every candidate of the round, issue pairs in input order, from the means `nbs` at its start. */
export function candidatesOfRound<T>(state: ExchangeState<T>, nbs: Map<string, T>): Candidate<T>[] {
  const { issues, cells } = state
  const candidates: Candidate<T>[] = []
  for (let a = 0; a < issues.length; a++) {
    for (let b = a + 1; b < issues.length; b++) {
      const p = (issues[a] as ForecastIssue).id
      const q = (issues[b] as ForecastIssue).id
      const groups: string[][] = [[], [], [], []] // A: high on both, B: low on p high on q, C: high on p low on q, D: low on both
      for (const actor of state.actorOrder) {
        if (!cells.get(p)?.has(actor) || !cells.get(q)?.has(actor)) continue
        groups[(isLow(state, nbs, p, actor) ? 1 : 0) | (isLow(state, nbs, q, actor) ? 2 : 0)]?.push(actor)
      }
      const [A, B, C, D] = groups as [string[], string[], string[], string[]]
      for (const i of A) for (const j of D) candidates.push(makeCandidate(state, i, j, p, q))
      for (const i of B) for (const j of C) candidates.push(makeCandidate(state, i, j, p, q))
    }
  }
  return candidates
}

/** One side of a candidate: `actor` gives way on `supply` and gains on `demand`, from its start positions. */
function makeSide<T>(state: ExchangeState<T>, actor: string, supply: string, demand: string): Side<T> {
  const sc = cellOf(state, supply, actor)
  const dc = cellOf(state, demand, actor)
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
    move: state.zero,
    moves: [],
    opposite: undefined as unknown as Side<T>,
  }
}

/** The candidate exchange between actors `a` and `b` on issues `p` and `q`, with its moves calculated. */
function makeCandidate<T>(state: ExchangeState<T>, a: string, b: string, p: string, q: string): Candidate<T> {
  const { ar, zero } = state
  const ratioA = ar.div(cellOf(state, p, a).s, cellOf(state, q, a).s)
  const ratioB = ar.div(cellOf(state, p, b).s, cellOf(state, q, b).s)
  // The actor with the larger relative salience of p demands p (is `i`); the other supplies p.
  const [ia, ja] = ar.lt(ratioA, ratioB) ? [b, a] : [a, b]
  const i = makeSide(state, ia, q, p)
  const j = makeSide(state, ja, p, q)
  i.opposite = j
  j.opposite = i
  const e: Candidate<T> = {
    i,
    j,
    p,
    q,
    dp: zero,
    dq: zero,
    gain: zero,
    gainF: 0,
    offered: zero,
    valid: true,
    updates: new Map(),
  }
  calculate(state, e)
  return e
}

/** Records in `e` that `actor` stands at `value` on `issue`. */
function setUpdate<T>(e: Candidate<T>, issue: string, actor: string, value: T): void {
  let m = e.updates.get(issue)
  if (m === undefined) {
    m = new Map()
    e.updates.set(issue, m)
  }
  m.set(actor, value)
}

/** Records in `e` the farther of `previous` and the new position of `mover`, seen from its start. */
function updateUpdates<T>(
  state: ExchangeState<T>,
  e: Candidate<T>,
  mover: Side<T>,
  issue: string,
  previous: T,
): void {
  const { ar } = state
  const value = ar.lte(mover.start, previous)
    ? ar.lt(previous, mover.y)
      ? previous
      : mover.y
    : ar.gt(previous, mover.y)
      ? previous
      : mover.y
  setUpdate(e, issue, mover.actor, value)
}

/** Whether `a` and `b` are the same actor giving way on the same issue. */
function sameActorSupply<T>(a: Side<T>, b: Side<T>): boolean {
  return a.actor === b.actor && a.supply === b.supply
}

/** Whether `a` and `b` are the same actor gaining on the same issue. */
function sameActorDemand<T>(a: Side<T>, b: Side<T>): boolean {
  return a.actor === b.actor && a.demand === b.demand
}

/** Brings candidate `e` up to date after `r` was realised. */
export function recalculate<T>(state: ExchangeState<T>, e: Candidate<T>, r: Candidate<T>): void {
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
      if (previous !== undefined) updateUpdates(state, e, mover, counterpart.demand, previous)
      else setUpdate(e, counterpart.demand, mover.actor, mover.y)
      if (!recalc) {
        e.i.moves.pop()
        e.j.moves.pop()
        recalc = true
      }
    }
  }
  if (recalc) calculate(state, e)
}
