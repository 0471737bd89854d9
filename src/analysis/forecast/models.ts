// The forecasting models, by id. A model maps the actors on one issue to a predicted position on
// the 0–100 scale; iterative models also return their rounds.
import type { Actor } from './actors.ts'
import { weightedMean } from './weighted-mean.ts'
import { weightedMedian } from './weighted-median.ts'

export interface Round {
  round: number
  /** Every actor's position at the end of the round, by party id. */
  positions: Record<string, number>
  mean: number
  median: number
}

export interface ModelResult {
  /** The forecast, or null when no actor carries weight on the issue. */
  position: number | null
  /** Only for models that iterate. */
  rounds?: Round[]
}

export interface ForecastModel {
  id: string
  name: string
  description: string
  run(actors: readonly Actor[]): ModelResult
}

const positions = (actors: readonly Actor[]) => actors.map((a) => a.position)
const power = (actors: readonly Actor[]) => actors.map((a) => a.capability * a.salience)
const result = (position: number | undefined): ModelResult => ({ position: position ?? null })

export const compromise: ForecastModel = {
  id: 'compromise',
  name: 'Compromise (capability × salience weighted mean)',
  description:
    'Σ cᵢsᵢxᵢ / Σ cᵢsᵢ: each party pulls the outcome towards its position with its capability times its salience.',
  run: (actors) => result(weightedMean(positions(actors), power(actors))),
}

export const mean: ForecastModel = {
  id: 'mean',
  name: 'Mean (unweighted)',
  description: 'The plain mean of the positions: every party counts the same.',
  run: (actors) =>
    result(
      weightedMean(
        positions(actors),
        actors.map(() => 1),
      ),
    ),
}

export const median: ForecastModel = {
  id: 'median',
  name: 'Median (capability × salience weighted)',
  description:
    'The position at which the running capability × salience, in position order, first reaches half the total.',
  run: (actors) => result(weightedMedian(positions(actors), power(actors))),
}

export const forecastModels: readonly ForecastModel[] = [compromise, mean, median]
