// The exchange model's state during a run (exchange.ts): each actor's normalised position, salience and
// capability per issue, the sums of the issue means at the start of the round, and the candidate
// exchanges of a round with their two sides.
import type { Arithmetic } from './_exchange-arithmetic.ts'
import type { ForecastIssue, ForecastProblem } from './problem.ts'

export interface Cell<T> {
  x: T
  s: T
  c: T
}

/** An issue's scale as the reference holds it: step = 100 / (max − min), x' = (x − min)·step. */
interface Scale<T> {
  lower: T
  step: T
}

/** An issue's terms, s·c and Σ s·c in float64: a quick reading of which side of a position an NBS lies. */
export interface ApproxSums {
  terms: Map<string, number>
  sc: Map<string, number>
  den: number
}

export interface ExchangeState<T> {
  ar: Arithmetic<T>
  zero: T
  one: T
  hundred: T
  // The reference compares with the floats 1e-10 (and 1e-20 for coin-flip ties), and weighs the reset
  // with its SALIENCE_WEIGHT 0.4 and FIXED_WEIGHT 0.1, all made Decimal from floats.
  epsilon: T
  tie: T
  salienceWeight: T
  fixedWeight: T
  issues: ForecastIssue[]
  /** Actors in input order ('#A' lines): the order in which candidates are made decides ties. */
  actorOrder: string[]
  scales: Map<string, Scale<T>>
  /** cells[issue][actor]: normalised position, salience, power, in the order of the input lines. */
  cells: Map<string, Map<string, Cell<T>>>
  /** Σ s·c per issue at the start of the round. */
  denominators: Map<string, T>
  /** Each actor's x·s·c per issue at the start of the round, in the order of the sums. */
  terms: Map<string, Map<string, T>>
  approx: Map<string, ApproxSums>
}

export interface Side<T> {
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

/** A candidate exchange: `i` demands p and supplies q, `j` the reverse. */
export interface Candidate<T> {
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

/** The state at the start of a run: the problem's positions on 0–100, before any sums. */
export function createState<T>(problem: ForecastProblem, ar: Arithmetic<T>): ExchangeState<T> {
  const issues = problem.issues
  const actorOrder: string[] = [...(problem.actors ?? [])]
  for (const issue of issues)
    for (const a of issue.actors) if (!actorOrder.includes(a.party)) actorOrder.push(a.party)
  const zero = ar.of(0)
  const hundred = ar.of(100)
  const scales = new Map(
    issues.map((i) => {
      const lower = ar.of(i.min)
      const delta = ar.minus(ar.of(i.max), lower)
      return [i.id, { lower, step: ar.isZero(delta) ? zero : ar.div(hundred, delta) }]
    }),
  )
  const cells = new Map(
    issues.map((i) => {
      const { lower, step } = scales.get(i.id) as Scale<T>
      return [
        i.id,
        new Map<string, Cell<T>>(
          i.actors.map((a) => [
            a.party,
            {
              x: ar.times(ar.minus(ar.of(a.position), lower), step),
              s: ar.of(a.salience),
              c: ar.of(a.capability),
            },
          ]),
        ),
      ]
    }),
  )
  return {
    ar,
    zero,
    one: ar.of(1),
    hundred,
    epsilon: ar.constant(1e-10),
    tie: ar.constant(1e-20),
    salienceWeight: ar.constant(0.4),
    fixedWeight: ar.constant(0.1),
    issues,
    actorOrder,
    scales,
    cells,
    denominators: new Map(),
    terms: new Map(),
    approx: new Map(),
  }
}

/** The cell of `actor` on `issue`; a candidate is only made for actors on both its issues. */
export function cellOf<T>(state: ExchangeState<T>, issue: string, actor: string): Cell<T> {
  const cell = state.cells.get(issue)?.get(actor)
  if (!cell) throw new Error(`exchange model: ${actor} has no position on ${issue}`)
  return cell
}

/** A normalised position `v` back in the issue's own units. */
export function toIssueUnits<T>(state: ExchangeState<T>, issue: string, v: T): number {
  const { ar } = state
  const { lower, step } = state.scales.get(issue) as Scale<T>
  return ar.toNumber(ar.isZero(v) || ar.isZero(step) ? lower : ar.plus(ar.div(v, step), lower))
}

/** Every issue's mean ("NBS" in DECIDE), Σ x·s·c / Σ s·c, keeping its sums as the round's start sums. */
export function computeMeans<T>(state: ExchangeState<T>): Map<string, T> {
  const { ar, zero } = state
  const out = new Map<string, T>()
  for (const [issue, m] of state.cells) {
    let num = zero
    let den = zero
    const t = new Map<string, T>()
    const a: ApproxSums = { terms: new Map<string, number>(), sc: new Map<string, number>(), den: 0 }
    for (const [actor, cell] of m) {
      const term = ar.times(ar.times(cell.x, cell.s), cell.c)
      t.set(actor, term)
      a.terms.set(actor, ar.toNumber(term))
      a.sc.set(actor, ar.toNumber(cell.s) * ar.toNumber(cell.c))
      num = ar.plus(num, term)
      den = ar.plus(den, ar.times(cell.s, cell.c))
    }
    state.terms.set(issue, t)
    a.den = ar.toNumber(den)
    state.approx.set(issue, a)
    state.denominators.set(issue, den)
    out.set(issue, ar.isZero(den) ? zero : ar.div(num, den))
  }
  return out
}

/** Σ s·c over the actors of `issue`, at the start of the round. */
export function sumSc<T>(state: ExchangeState<T>, issue: string): T {
  return state.denominators.get(issue) ?? state.zero
}

/**
 * Σ x·s·c over the actors of `issue` in input order: `actor` at `position`, the others where `updates`
 * put them, else at their start position.
 */
export function weightedSum<T>(
  state: ExchangeState<T>,
  issue: string,
  actor: string,
  position: T,
  updates: Map<string, T> | undefined,
): T {
  const { ar } = state
  const t = state.terms.get(issue) as Map<string, T>
  let sum = state.zero
  for (const [a, cell] of state.cells.get(issue) as Map<string, Cell<T>>) {
    const moved = a === actor ? position : updates?.get(a)
    sum = ar.plus(sum, moved === undefined ? (t.get(a) as T) : ar.times(ar.times(moved, cell.s), cell.c))
  }
  return sum
}

/** Per issue, a mean in the issue's own units. */
export function meansInUnits<T>(state: ExchangeState<T>, means: Map<string, T>): Record<string, number> {
  return Object.fromEntries([...means].map(([id, v]) => [id, toIssueUnits(state, id, v)]))
}

/** Every actor's current position per issue, in the issue's own units. */
export function positionsInUnits<T>(state: ExchangeState<T>): Record<string, Record<string, number>> {
  return Object.fromEntries(
    [...state.cells].map(([id, m]) => [
      id,
      Object.fromEntries([...m].map(([a, cell]) => [a, toIssueUnits(state, id, cell.x)])),
    ]),
  )
}
