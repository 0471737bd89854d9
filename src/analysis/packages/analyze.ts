// The frontier analysis of a domain: the Pareto frontier and its solution points, each decoded into
// a package. The disagreement point is stated with the Nash and KS points: the parties' reservation
// values (0 in GENIUS files without one), or each party's worst utility in the domain (NegMAS's choice).
import { bestUtilities, type Domain, decode, worstUtilities } from './domain.ts'
import { enumeratedFrontier, enumerateOutcomes } from './enumerate.ts'
import { type Frontier, type FrontierPoint, paretoFrontier } from './frontier.ts'
import { distanceToIdeal, geniusKalai, kalaiSmorodinsky, maxWelfare, nashPoint } from './solutions.ts'

export type Disagreement = 'reservation' | 'minimum'

export interface SolutionPoint {
  utilities: number[]
  outcome: Record<string, string | number>
}

export interface FrontierReport {
  parties: string[]
  outcomes: number
  pareto: { count: number; outcomes: number; points: SolutionPoint[] }
  nash: (SolutionPoint & { product: number; disagreement: number[]; disagreement_basis: Disagreement }) | null
  ks: (SolutionPoint & { disagreement: number[]; best: number[] }) | null
  kalai: SolutionPoint | null
  welfare: SolutionPoint | null
  opposition: number | null
  capped: boolean
  method: Frontier['method']
}

export function analyzeFrontier(
  d: Domain,
  { disagreement = 'reservation' as Disagreement, cap = 4_000_000 } = {},
): FrontierReport {
  let frontier = paretoFrontier(d, { cap })
  if (frontier.capped && frontier.outcomes <= 20_000_000) frontier = enumeratedFrontier(d)
  const dPoint = disagreement === 'minimum' ? worstUtilities(d) : d.reservation
  const best = bestUtilities(d)
  const point = (p: FrontierPoint | undefined): SolutionPoint | null =>
    p === undefined ? null : { utilities: p.utilities, outcome: decode(d, p.outcome) }
  const nash = nashPoint(frontier.points, dPoint)
  const ks = kalaiSmorodinsky(frontier.points, dPoint, best)
  return {
    parties: d.parties.map((p) => p.id),
    outcomes: frontier.outcomes,
    pareto: {
      count: frontier.points.length,
      outcomes: frontier.points.reduce((n, p) => n + p.outcomes, 0),
      points: frontier.points.map((p) => point(p) as SolutionPoint),
    },
    nash:
      nash === undefined
        ? null
        : {
            ...(point(nash) as SolutionPoint),
            product: nash.utilities.reduce((prod, u, i) => prod * (u - (dPoint[i] ?? 0)), 1),
            disagreement: dPoint,
            disagreement_basis: disagreement,
          },
    ks: ks === undefined ? null : { ...(point(ks) as SolutionPoint), disagreement: dPoint, best },
    kalai: point(geniusKalai(frontier.points)),
    welfare: point(maxWelfare(frontier.points)),
    opposition: opposition(d, frontier, best),
    capped: frontier.capped,
    method: frontier.method,
  }
}

/**
 * The smallest distance from any outcome to (1, …, 1). When no party can exceed 1, a dominating
 * outcome is never farther, so the minimum lies on the frontier; otherwise every outcome is checked.
 */
function opposition(d: Domain, frontier: Frontier, best: number[]): number | null {
  if (best.every((b) => b <= 1 + 1e-12)) {
    return frontier.points.length === 0
      ? null
      : frontier.points.reduce((m, p) => Math.min(m, distanceToIdeal(p.utilities)), Number.POSITIVE_INFINITY)
  }
  if (frontier.outcomes > 20_000_000) return null
  const e = enumerateOutcomes(d)
  let min = Number.POSITIVE_INFINITY
  for (let n = 0; n < e.count; n++)
    min = Math.min(min, distanceToIdeal(e.utilities.map((u) => u[n] as number)))
  return Number.isFinite(min) ? min : null
}
