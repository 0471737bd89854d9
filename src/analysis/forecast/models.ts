// The forecasting models, by id. A model reads a ForecastProblem and gives, for each issue, a position
// on the issue's scale; iterative models also give their rounds: entry 0 the input, entry k the state
// after round k (for the exchange model: the positions round k+1 starts from).
import type { Actor } from './actors.ts'
import { eum } from './eum.ts'
import { exchangeModel } from './exchange.ts'
import { nashBargaining } from './nbs.ts'
import type { ForecastIssue, ForecastProblem } from './problem.ts'
import { weightedMean } from './weighted-mean.ts'
import { weightedMedian } from './weighted-median.ts'

export interface Round {
  round: number
  /** Every actor's position at the end of the round, by party id. */
  positions: Record<string, number>
  /** The capability × salience weighted mean (the field's convention; DECIDE calls it NBS). */
  mean: number
  median: number
}

export interface ModelResult {
  /** The forecast, or null when no actor carries weight on the issue. */
  position: number | null
  /** Only for models that iterate. */
  rounds?: Round[]
}

export interface ModelOptions {
  rounds?: number
  /** EUM: the reference port's capitulation test (never fires) or the corrected one. */
  capitulation?: 'reference' | 'corrected'
  /** false: iterative models may leave out their rounds (the forecast alone, as sensitivity draws need). */
  roundSeries?: boolean
  /** Exchange model: break exact ties between the best gains at random (seeded by the caller). */
  random?: () => number
  /**
   * Exchange model: 'decimal' (default) computes as the reference does, in 28-digit decimals; 'float' is
   * about 9 times faster and can break ties between equal gains differently.
   */
  arithmetic?: 'decimal' | 'float'
}

export interface ForecastModel {
  id: string
  name: string
  description: string
  run(problem: ForecastProblem, options: ModelOptions): Map<string, ModelResult>
}

const positions = (actors: readonly Actor[]) => actors.map((a) => a.position)
const power = (actors: readonly Actor[]) => actors.map((a) => a.capability * a.salience)
const result = (position: number | undefined): ModelResult => ({ position: position ?? null })

/** A model that forecasts each issue on its own. */
function perIssue(
  id: string,
  name: string,
  description: string,
  fn: (issue: ForecastIssue, options: ModelOptions) => ModelResult,
): ForecastModel {
  return {
    id,
    name,
    description,
    run: (problem, options) => new Map(problem.issues.map((issue) => [issue.id, fn(issue, options)])),
  }
}

export const compromise = perIssue(
  'compromise',
  'Compromise (capability × salience weighted mean)',
  'Σ cᵢsᵢxᵢ / Σ cᵢsᵢ: each party pulls the outcome towards its position with its capability times its salience.',
  (issue) => result(weightedMean(positions(issue.actors), power(issue.actors))),
)

export const mean = perIssue(
  'mean',
  'Mean (unweighted)',
  'The plain mean of the positions: every party counts the same.',
  (issue) =>
    result(
      weightedMean(
        positions(issue.actors),
        issue.actors.map(() => 1),
      ),
    ),
)

export const median = perIssue(
  'median',
  'Median (capability × salience weighted)',
  'The position at which the running capability × salience, in position order, first reaches half the total.',
  (issue) => result(weightedMedian(positions(issue.actors), power(issue.actors))),
)

export const nbs = perIssue(
  'nbs',
  'Nash bargaining solution (generalised, powers cᵢsᵢ)',
  'argmax Σ cᵢsᵢ log(uᵢ(x) − dᵢ), uᵢ(x) = 1 − |x − xᵢ|/range, disagreement dᵢ = 0 (the far end of the scale).',
  (issue) => result(nashBargaining(issue.actors, issue.min, issue.max)),
)

export const eumModel = perIssue(
  'eum',
  'Expected utility model (Bueno de Mesquita; Scholz et al. 2011 reading)',
  'Challenges, risk exponents and offers, round after round; the forecast is the weighted mean after the last round.',
  (issue, options) => {
    if (issue.actors.length === 0) return { position: null }
    const trace = eum(
      issue.actors.map((a) => ({ name: a.party, c: a.capability, s: a.salience, x: a.position })),
      {
        rounds: options.rounds ?? 10,
        capitulation: options.capitulation ?? 'reference',
        trace: options.roundSeries === false ? 'last' : 'all',
      },
    )
    const rounds = trace.map((r) => ({
      round: r.round,
      positions: r.positions,
      mean: r.mean,
      median: r.median,
    }))
    const position = rounds.at(-1)?.mean ?? null
    return options.roundSeries === false ? { position } : { position, rounds }
  },
)

export const exchange: ForecastModel = {
  id: 'exchange',
  name: "Stokman's exchange model (Equal Gain)",
  description:
    'Actors trade concessions across pairs of issues with equal expected gains; the forecast is the mean the positions reach after the last round. Issues of one group (a DEU proposal) trade only with each other.',
  run(problem, options) {
    const out = new Map<string, ModelResult>()
    const groups = new Map<string, ForecastIssue[]>()
    for (const issue of problem.issues)
      groups.set(issue.group ?? '', [...(groups.get(issue.group ?? '') ?? []), issue])
    for (const issues of groups.values()) {
      const result = exchangeModel(
        { ...problem, issues },
        {
          rounds: options.rounds ?? 10,
          ...(options.random ? { random: options.random } : {}),
          ...(options.arithmetic ? { arithmetic: options.arithmetic } : {}),
        },
      )
      for (const issue of issues) {
        // Entry k: the positions round k+1 starts from (entry 0, the input); the last, after the final round.
        const starts = [
          ...result.rounds.map((r) => r.positions[issue.id] ?? {}),
          result.finalPositions[issue.id] ?? {},
        ]
        const means = [
          ...result.rounds.map((r) => r.meanAtStart[issue.id] ?? Number.NaN),
          result.finalMean[issue.id] ?? Number.NaN,
        ]
        const rounds = starts.map((positions, k) => {
          const xs = issue.actors.map((a) => positions[a.party] ?? a.position)
          return {
            round: k,
            positions,
            mean: means[k] as number,
            median: weightedMedian(xs, power(issue.actors)) ?? Number.NaN,
          }
        })
        out.set(issue.id, {
          position: issue.actors.length === 0 ? null : (rounds.at(-1)?.mean ?? null),
          rounds,
        })
      }
    }
    return out
  },
}

export const forecastModels: ForecastModel[] = [compromise, mean, median, nbs, eumModel, exchange]
