// Alternating offers between two time-dependent concession strategies (Faratin, Sierra & Jennings
// 1998; as in GENIUS's TimeDependentAgent): at time t ∈ [0, 1] a party's target is
//
//   target(t) = Pmin + (Pmax − Pmin) · (1 − t^(1/e)),
//
// with Pmax its best utility and Pmin its reservation value. The exponent is named: e = 0.2 Boulware
// (concedes late), e = 1 linear, e = 2 Conceder (concedes early). A proposer offers the package whose
// utility for it is closest above its target, the best for the other among those; a receiver accepts
// an offer worth at least its own target at that time.

import type { FrontierReport } from './analyze.ts'
import { bestUtilities, type Domain, decode } from './domain.ts'
import { enumerateOutcomes } from './enumerate.ts'

export const STRATEGIES = { boulware: 0.2, linear: 1, conceder: 2 } as const

export interface SimulationResult {
  parties: [string, string]
  exponents: [number, number]
  rounds: number
  agreement: {
    round: number
    /** Who proposed the accepted offer. */
    proposer: string
    utilities: [number, number]
    outcome: Record<string, string | number>
    distance_to_pareto: number | null
    distance_to_nash: number | null
  } | null
}

export function simulate(
  d: Domain,
  exponents: [number, number],
  frontier: FrontierReport | null,
  rounds = 100,
): SimulationResult {
  if (d.parties.length !== 2) throw new RangeError('the simulation needs exactly two parties')
  const e = enumerateOutcomes(d)
  const best = bestUtilities(d)
  const [ua, ub] = e.utilities as [Float64Array, Float64Array]
  const target = (p: 0 | 1, t: number) => {
    const pmin = d.reservation[p] ?? 0
    return pmin + ((best[p] ?? 1) - pmin) * (1 - t ** (1 / exponents[p]))
  }
  const own = (p: 0 | 1) => (p === 0 ? ua : ub)
  const offer = (p: 0 | 1, t: number): number => {
    const mine = own(p)
    const theirs = own(p === 0 ? 1 : 0)
    const goal = target(p, t)
    let pick = -1
    for (let k = 0; k < e.count; k++) {
      const u = mine[k] as number
      if (u < goal - 1e-12) continue
      if (
        pick < 0 ||
        u < (mine[pick] as number) - 1e-12 ||
        (Math.abs(u - (mine[pick] as number)) <= 1e-12 && (theirs[k] as number) > (theirs[pick] as number))
      )
        pick = k
    }
    return pick
  }
  const parties: [string, string] = [d.parties[0]?.id ?? 'a', d.parties[1]?.id ?? 'b']
  for (let r = 0; r < rounds; r++) {
    const t = rounds === 1 ? 1 : r / (rounds - 1)
    const proposer = (r % 2) as 0 | 1
    const receiver = (1 - proposer) as 0 | 1
    const k = offer(proposer, t)
    if (k < 0) continue
    if ((own(receiver)[k] as number) >= target(receiver, t) - 1e-12) {
      const utilities: [number, number] = [ua[k] as number, ub[k] as number]
      const outcome = decode(d, e.digits.subarray(k * d.issues.length, (k + 1) * d.issues.length))
      const dist = (p: number[]) => Math.hypot(utilities[0] - (p[0] ?? 0), utilities[1] - (p[1] ?? 0))
      return {
        parties,
        exponents,
        rounds,
        agreement: {
          round: r + 1,
          proposer: parties[proposer],
          utilities,
          outcome,
          distance_to_pareto:
            frontier && frontier.pareto.points.length > 0
              ? frontier.pareto.points.reduce(
                  (m, p) => Math.min(m, dist(p.utilities)),
                  Number.POSITIVE_INFINITY,
                )
              : null,
          distance_to_nash: frontier?.nash ? dist(frontier.nash.utilities) : null,
        },
      }
    }
  }
  return { parties, exponents, rounds, agreement: null }
}
