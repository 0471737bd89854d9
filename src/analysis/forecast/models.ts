// The forecasting models, by id. A model reads a ForecastProblem and gives, for each issue, a position
// on the issue's scale; iterative models also give their rounds: entry 0 the input, entry k the state
// after round k (for the exchange model: the positions round k+1 starts from).
import type { Actor } from './actors.ts'
import { eum } from './eum.ts'
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
      { rounds: options.rounds ?? 10, capitulation: options.capitulation ?? 'reference' },
    )
    const rounds = trace.map((r) => ({
      round: r.round,
      positions: r.positions,
      mean: r.mean,
      median: r.median,
    }))
    return { position: rounds.at(-1)?.mean ?? null, rounds }
  },
)

export const forecastModels: ForecastModel[] = [compromise, mean, median, nbs, eumModel]

/** Registers a model defined in another module (the exchange model), keeping one list. */
export function registerModel(model: ForecastModel): void {
  if (!forecastModels.some((m) => m.id === model.id)) forecastModels.push(model)
}
