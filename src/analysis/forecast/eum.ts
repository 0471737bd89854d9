// Bueno de Mesquita's expected utility model in the reading of Scholz, Calbert & Smith (2011),
// "Unravelling Bueno De Mesquita's group decision model", J. Theoretical Politics 23(4), as coded by
// jmckib (bdm-scholz-expected-utility-model) and ported to Python 3 by dmasad. Matching that trace
// means matching that particular reading: other implementations that claim the Scholz reading differ
// from round 1 (validation/README.md, section EUM). The choices that decide the trace:
// - r is each actor's risk exponent, range = max − min of the input positions (fixed), and every
//   utility is evaluated with the evaluating actor's own r, also for other actors' utilities;
// - U_success = 2 − 4(0.5 − 0.5·|x_i − x_j|/range)^r, U_failure = 2 − 4(0.5 + 0.5·|x_i − x_j|/range)^r,
//   U_status quo = 2 − 4·0.5^r, and E(U_ij) = s_j(P_ij·U_s + (1 − P_ij)·U_f) + (1 − s_j)·U_s − q·U_sq;
// - P_ij = Σ_k max(0, c_k s_k (d_k(x_j)^{r_k} − d_k(x_i)^{r_k})) over a denominator that sums
//   |c_k s_k (d_k(x_b)^{r_k} − d_k(x_a)^{r_k})| over every actor k and ordered pair (a, b), as in
//   Scholz's code (so P_ij + P_ji is far below 1);
// - risk exponents are recomputed each round from the dangers D_i = Σ_{j≠i} E_i(U_ji) taken with every
//   r = 1: R_i = (2D_i − D_max − D_min)/(D_max − D_min), r_i = (1 − R_i/3)/(1 + R_i/3);
// - offers: b > a > 0, i loses a confrontation and moves to x_j; b > 0 > a and b > |a|, i compromises
//   to x_i + (x_j − x_i)|a/b|. The port's capitulation test compares b with |b| and never fires; that is
//   the default here ("reference"), and `capitulation: 'corrected'` compares b with |a| instead
//   (b > 0 > a and b < |a|: i capitulates to x_j);
// - an actor takes one offer per round: the nearest confrontation, else the compromise with the
//   smallest (|a|x_i + |b|x_j)/(|a| + |b|) (Scholz's special case), else the nearest capitulation; ties
//   go to the actor first in the input. All moves of a round are decided on the positions at its start.
// - the median is the held position with the smallest Σ_k c_k s_k |x_k − p|.
import { weightedMean } from './weighted-mean.ts'

export interface EumActor {
  name: string
  /** Capability (any scale: only its ratios matter). */
  c: number
  /** Salience on 0–1: the probability of resisting a challenge. */
  s: number
  x: number
}

export type OfferType = 'confrontation' | 'compromise' | 'capitulation'

interface Offer {
  type: OfferType
  j: number
  a: number
  b: number
  position: number
  /** What the choice among offers of this type minimises. */
  key: number
}

export interface EumMove {
  actor: string
  event: 'loses confrontation to' | 'compromises with' | 'capitulates to'
  counterpart: string
  /** The mover's (E_i(U_ij), E_i(U_ji)), as the reference log prints them. */
  log_values: [number, number]
  new_position: number
}

export interface EumRound {
  round: number
  /** Every actor's position at the end of the round (round 0: the input). */
  positions: Record<string, number>
  mean: number
  median: number
  moves: EumMove[]
  /** The risk exponents in force during the round (absent for round 0). */
  risk?: Record<string, number>
}

export interface EumOptions {
  rounds?: number
  q?: number
  capitulation?: 'reference' | 'corrected'
  /** 'last' keeps only the final round's entry (for callers that want the forecast alone). */
  trace?: 'all' | 'last'
}

const EVENT: Record<OfferType, EumMove['event']> = {
  confrontation: 'loses confrontation to',
  compromise: 'compromises with',
  capitulation: 'capitulates to',
}

export function eum(
  input: readonly EumActor[],
  { rounds = 10, q = 1, capitulation = 'reference', trace: keep = 'all' }: EumOptions = {},
): EumRound[] {
  const kept = (round: number) => keep === 'all' || round === rounds
  const n = input.length
  const c = input.map((a) => a.c)
  const s = input.map((a) => a.s)
  let x = input.map((a) => a.x)
  const range =
    x.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY) -
    x.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY)
  const trace: EumRound[] = kept(0) ? [summary(0, input, x, [])] : []
  if (n < 2 || !(range > 0)) {
    for (let k = 1; k <= rounds; k++) if (kept(k)) trace.push(summary(k, input, x, []))
    return trace
  }
  const pair = [0, 0]

  for (let round = 1; round <= rounds; round++) {
    // Risk exponents from the dangers, all computed with r = 1.
    const ones = new Array<number>(n).fill(1)
    const atOne = new Evaluator(c, s, x, ones, range, q)
    const danger = x.map((_, i) => {
      let d = 0
      for (let j = 0; j < n; j++) if (j !== i) d += atOne.eu(i, j, i) // i's view of j challenging i
      return d
    })
    const dMax = danger.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY)
    const dMin = danger.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY)
    const r = danger.map((d) => {
      const R = dMax === dMin ? 0 : (2 * d - dMax - dMin) / (dMax - dMin)
      return (1 - R / 3) / (1 + R / 3)
    })

    const ev = new Evaluator(c, s, x, r, range, q)
    const moves: EumMove[] = []
    const next = [...x]
    for (let i = 0; i < n; i++) {
      // One pass over the offers, keeping the best of each type (the first on a tie): the nearest
      // confrontation, the compromise with the smallest (|a|x_i + |b|x_j)/(|a| + |b|), the nearest capitulation.
      const xi = x[i] as number
      const bestOf: Record<OfferType, Offer | undefined> = {
        confrontation: undefined,
        compromise: undefined,
        capitulation: undefined,
      }
      for (let j = 0; j < n; j++) {
        if (x[j] === xi) continue
        ev.both(i, i, j, pair)
        const a = pair[0] as number // E_i(U_ij)
        const b = pair[1] as number // E_i(U_ji)
        const xj = x[j] as number
        let offer: Offer | undefined
        if (b > a && a > 0) offer = { type: 'confrontation', j, a, b, position: xj, key: Math.abs(xi - xj) }
        else if (b > 0 && 0 > a && b > Math.abs(a))
          offer = {
            type: 'compromise',
            j,
            a,
            b,
            position: xi + (xj - xi) * Math.abs(a / b),
            key: (Math.abs(a) * xi + Math.abs(b) * xj) / (Math.abs(a) + Math.abs(b)),
          }
        else if (b > 0 && 0 > a && b < Math.abs(capitulation === 'corrected' ? a : b))
          offer = { type: 'capitulation', j, a, b, position: xj, key: Math.abs(xi - xj) }
        if (offer !== undefined && offer.key < (bestOf[offer.type]?.key ?? Number.POSITIVE_INFINITY))
          bestOf[offer.type] = offer
      }
      const best = bestOf.confrontation ?? bestOf.compromise ?? bestOf.capitulation
      if (best === undefined) continue
      next[i] = best.position
      moves.push({
        actor: input[i]?.name ?? '',
        event: EVENT[best.type],
        counterpart: input[best.j]?.name ?? '',
        log_values: [best.a, best.b],
        new_position: best.position,
      })
    }
    x = next
    if (kept(round))
      trace.push({
        ...summary(round, input, x, moves),
        risk: Object.fromEntries(input.map((a, i) => [a.name, r[i] as number])),
      })
  }
  return trace
}

/** E_v(U_ij): actor v's estimate of i's expected utility of challenging j, at fixed positions and risk exponents. */
class Evaluator {
  private readonly n: number
  /** P[i·n + j]: the probability that x_i beats x_j. */
  private readonly P: number[]
  /** Each actor's utility of the status quo, 2 − 4·0.5^r_v. */
  private readonly statusQuo: number[]

  constructor(
    c: readonly number[],
    private readonly s: readonly number[],
    private readonly x: readonly number[],
    private readonly r: readonly number[],
    private readonly range: number,
    private readonly q: number,
  ) {
    const n = x.length
    this.n = n
    // D[k·n + a] = (|x_k − x_a| / range)^{r_k}: each actor's distance to each held position, raised once.
    const D = new Array<number>(n * n).fill(0)
    const cs = new Array<number>(n).fill(0)
    for (let k = 0; k < n; k++) {
      cs[k] = (c[k] as number) * (s[k] as number)
      for (let a = 0; a < n; a++)
        D[k * n + a] = power(Math.abs((x[k] as number) - (x[a] as number)) / range, r[k] as number)
    }
    // The denominator of every probability: Σ_k Σ_a Σ_b |c_k s_k (D_kb − D_ka)| (each unordered pair twice).
    let allVotes = 0
    for (let k = 0; k < n; k++) {
      let sum = 0
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++) sum += Math.abs((D[k * n + b] as number) - (D[k * n + a] as number))
      allVotes += 2 * Math.abs(cs[k] as number) * sum
    }
    // Σ_k max(0, c_k s_k (D_kj − D_ki)) / allVotes.
    this.P = new Array<number>(n * n).fill(0)
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (x[i] === x[j]) continue
        let votes = 0
        for (let k = 0; k < n; k++)
          votes += Math.max(0, (cs[k] as number) * ((D[k * n + j] as number) - (D[k * n + i] as number)))
        this.P[i * n + j] = votes / allVotes
      }
    }
    this.statusQuo = r.map((rv) => 2 - 4 * power(0.5, rv))
  }

  eu(v: number, i: number, j: number): number {
    const d = Math.abs((this.x[i] as number) - (this.x[j] as number)) / this.range
    const rv = this.r[v] as number
    return this.expected(v, i, j, 2 - 4 * power(0.5 - 0.5 * d, rv), 2 - 4 * power(0.5 + 0.5 * d, rv))
  }

  /** E_v(U_ij) and E_v(U_ji) into out[0], out[1]: they share the distance, hence v's utilities. */
  both(v: number, i: number, j: number, out: number[]): void {
    const d = Math.abs((this.x[i] as number) - (this.x[j] as number)) / this.range
    const rv = this.r[v] as number
    const success = 2 - 4 * power(0.5 - 0.5 * d, rv)
    const failure = 2 - 4 * power(0.5 + 0.5 * d, rv)
    out[0] = this.expected(v, i, j, success, failure)
    out[1] = this.expected(v, j, i, success, failure)
  }

  private expected(v: number, i: number, j: number, success: number, failure: number): number {
    const p = this.P[i * this.n + j] as number
    const sj = this.s[j] as number
    return (
      sj * (p * success + (1 - p) * failure) + (1 - sj) * success - this.q * (this.statusQuo[v] as number)
    )
  }
}

/** b^e, without a call to pow for the exponent 1 that every danger computation uses. */
function power(b: number, e: number): number {
  return e === 1 ? b : b ** e
}

function summary(round: number, input: readonly EumActor[], x: number[], moves: EumMove[]): EumRound {
  const w = input.map((a) => a.c * a.s)
  return {
    round,
    positions: Object.fromEntries(input.map((a, i) => [a.name, x[i] as number])),
    mean: weightedMean(x, w) ?? Number.NaN,
    median: heldMedian(x, w),
    moves,
  }
}

/** The held position p with the smallest Σ_k w_k |x_k − p| (the lowest such p on a tie). */
export function heldMedian(x: readonly number[], w: readonly number[]): number {
  let best = Number.NaN
  let bestCost = Number.POSITIVE_INFINITY
  for (const p of [...new Set(x)].sort((a, b) => a - b)) {
    let cost = 0
    for (let k = 0; k < x.length; k++) cost += (w[k] as number) * Math.abs((x[k] as number) - p)
    if (cost < bestCost - 1e-12) {
      best = p
      bestCost = cost
    }
  }
  return best
}
