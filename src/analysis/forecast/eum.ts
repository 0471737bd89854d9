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
}

const EVENT: Record<OfferType, EumMove['event']> = {
  confrontation: 'loses confrontation to',
  compromise: 'compromises with',
  capitulation: 'capitulates to',
}

export function eum(
  input: readonly EumActor[],
  { rounds = 10, q = 1, capitulation = 'reference' }: EumOptions = {},
): EumRound[] {
  const n = input.length
  const c = input.map((a) => a.c)
  const s = input.map((a) => a.s)
  let x = input.map((a) => a.x)
  const range = Math.max(...x) - Math.min(...x)
  const trace: EumRound[] = [summary(0, input, x, [])]
  if (n < 2 || !(range > 0)) {
    for (let k = 1; k <= rounds; k++) trace.push(summary(k, input, x, []))
    return trace
  }

  for (let round = 1; round <= rounds; round++) {
    // Risk exponents from the dangers, all computed with r = 1.
    const ones = new Array<number>(n).fill(1)
    const atOne = evaluator(c, s, x, ones, range, q)
    const danger = x.map((_, i) => {
      let d = 0
      for (let j = 0; j < n; j++) if (j !== i) d += atOne.eu(i, j, i) // i's view of j challenging i
      return d
    })
    const dMax = Math.max(...danger)
    const dMin = Math.min(...danger)
    const r = danger.map((d) => {
      const R = dMax === dMin ? 0 : (2 * d - dMax - dMin) / (dMax - dMin)
      return (1 - R / 3) / (1 + R / 3)
    })

    const ev = evaluator(c, s, x, r, range, q)
    const moves: EumMove[] = []
    const next = [...x]
    for (let i = 0; i < n; i++) {
      const offers: { type: OfferType; j: number; a: number; b: number; position: number }[] = []
      for (let j = 0; j < n; j++) {
        if (x[j] === x[i]) continue
        const a = ev.eu(i, i, j) // E_i(U_ij)
        const b = ev.eu(i, j, i) // E_i(U_ji)
        const xi = x[i] as number
        const xj = x[j] as number
        if (b > a && a > 0) offers.push({ type: 'confrontation', j, a, b, position: xj })
        else if (b > 0 && 0 > a && b > Math.abs(a))
          offers.push({ type: 'compromise', j, a, b, position: xi + (xj - xi) * Math.abs(a / b) })
        else if (b > 0 && 0 > a && b < Math.abs(capitulation === 'corrected' ? a : b))
          offers.push({ type: 'capitulation', j, a, b, position: xj })
      }
      const nearest = (list: typeof offers) => argmin(list, (o) => Math.abs((x[i] as number) - o.position))
      const confrontations = offers.filter((o) => o.type === 'confrontation')
      const compromises = offers.filter((o) => o.type === 'compromise')
      const best =
        confrontations.length > 0
          ? nearest(confrontations)
          : compromises.length > 0
            ? argmin(
                compromises,
                (o) =>
                  (Math.abs(o.a) * (x[i] as number) + Math.abs(o.b) * (x[o.j] as number)) /
                  (Math.abs(o.a) + Math.abs(o.b)),
              )
            : nearest(offers.filter((o) => o.type === 'capitulation'))
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
    trace.push({
      ...summary(round, input, x, moves),
      risk: Object.fromEntries(input.map((a, i) => [a.name, r[i] as number])),
    })
  }
  return trace
}

/** E_v(U_ij): actor v's estimate of i's expected utility of challenging j, at fixed positions and risk exponents. */
function evaluator(c: number[], s: number[], x: number[], r: number[], range: number, q: number) {
  const n = x.length
  // D[k·n + a] = (|x_k − x_a| / range)^{r_k}: each actor's distance to each held position, raised once.
  const D = new Float64Array(n * n)
  const cs = new Float64Array(n)
  for (let k = 0; k < n; k++) {
    cs[k] = (c[k] as number) * (s[k] as number)
    for (let a = 0; a < n; a++)
      D[k * n + a] = (Math.abs((x[k] as number) - (x[a] as number)) / range) ** (r[k] as number)
  }
  // The denominator of every probability: Σ_k Σ_a Σ_b |c_k s_k (D_kb − D_ka)|.
  let allVotes = 0
  for (let k = 0; k < n; k++) {
    let sum = 0
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) sum += Math.abs((D[k * n + b] as number) - (D[k * n + a] as number))
    allVotes += Math.abs(cs[k] as number) * sum
  }
  // P[i·n + j]: the probability that x_i beats x_j, Σ_k max(0, c_k s_k (D_kj − D_ki)) / allVotes.
  const P = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (x[i] === x[j]) continue
      let votes = 0
      for (let k = 0; k < n; k++)
        votes += Math.max(0, (cs[k] as number) * ((D[k * n + j] as number) - (D[k * n + i] as number)))
      P[i * n + j] = votes / allVotes
    }
  }
  return {
    eu(v: number, i: number, j: number): number {
      const rv = r[v] as number
      const d = Math.abs((x[i] as number) - (x[j] as number)) / range
      const p = P[i * n + j] as number
      const success = 2 - 4 * (0.5 - 0.5 * d) ** rv
      const failure = 2 - 4 * (0.5 + 0.5 * d) ** rv
      const statusQuo = 2 - 4 * 0.5 ** rv
      const sj = s[j] as number
      return sj * (p * success + (1 - p) * failure) + (1 - sj) * success - q * statusQuo
    },
  }
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

function argmin<T>(list: readonly T[], key: (t: T) => number): T | undefined {
  let best: T | undefined
  let bestKey = Number.POSITIVE_INFINITY
  for (const t of list) {
    const k = key(t)
    if (k < bestKey) {
      best = t
      bestKey = k
    }
  }
  return best
}
