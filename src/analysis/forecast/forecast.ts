import { InputError } from '../../core/index.ts'
import type { Issue, Scenario } from '../../scenario/index.ts'
import { type ForecastModel, forecastModels, type ModelOptions, type ModelResult } from './models.ts'
import { type ForecastProblem, problemFromScenario } from './problem.ts'

export interface IssueForecast {
  id: string
  name: string
  /** The parties with a stance on the issue. */
  parties: string[]
  models: Record<string, ModelResult & { option?: string | null }>
}

export interface Forecast {
  models: string[]
  issues: IssueForecast[]
}

/** Runs the chosen models (the default set when none is given) on every issue of a problem. */
export function forecastProblem(
  problem: ForecastProblem,
  models: readonly ForecastModel[] = defaultModels(),
  options: ModelOptions = {},
): Forecast {
  const results = models.map((m) => [m.id, m.run(problem, options)] as const)
  return {
    models: models.map((m) => m.id),
    issues: problem.issues.map((issue) => ({
      id: issue.id,
      name: issue.name,
      parties: issue.actors.map((a) => a.party),
      models: Object.fromEntries(
        results.map(([id, byIssue]) => [id, byIssue.get(issue.id) ?? { position: null }]),
      ),
    })),
  }
}

/** A scenario's forecast, each position with the nearest option's label. */
export function forecast(
  scenario: Scenario,
  models: readonly ForecastModel[] = defaultModels(),
  options: ModelOptions = {},
): Forecast {
  const f = forecastProblem(problemFromScenario(scenario), models, options)
  for (const [k, issue] of f.issues.entries()) {
    const scale = scenario.issues[k] as Issue
    for (const r of Object.values(issue.models))
      r.option = r.position === null ? null : nearestOption(scale, r.position).label
  }
  return f
}

/** The models run when none is chosen: the three simple ones (the iterative ones are asked for by name). */
export function defaultModels(): ForecastModel[] {
  return selectModels(['compromise', 'mean', 'median'])
}

/** The option closest to a position on the issue's scale; the lower one on a tie. */
export function nearestOption(issue: Issue, position: number): Issue['options'][number] {
  let best = issue.options[0] as Issue['options'][number]
  for (const option of issue.options) {
    if (Math.abs(option.position - position) < Math.abs(best.position - position)) best = option
  }
  return best
}

/** The models with the given ids, in the order given; throws on an unknown id. */
export function selectModels(ids: readonly string[]): ForecastModel[] {
  return ids.map((id) => {
    const model = forecastModels.find((m) => m.id === id)
    if (model === undefined) {
      throw new InputError(
        `unknown model "${id}"; expected one of: ${forecastModels.map((m) => m.id).join(', ')}`,
      )
    }
    return model
  })
}

export interface Repeated {
  mean: number
  variance: number
  min: number
  max: number
}

/**
 * Runs one model `repetitions` times with the given (seeded) random source and summarises each issue's
 * forecast: mean, population variance, min and max. Only models that draw on `random` vary between
 * runs (the exchange model, whose exact ties then go either way).
 */
export function repeatForecast(
  problem: ForecastProblem,
  model: ForecastModel,
  options: ModelOptions & { repetitions: number; random: () => number },
): Record<string, Repeated> {
  const values = new Map<string, number[]>()
  for (let k = 0; k < options.repetitions; k++) {
    for (const [issue, r] of model.run(problem, { ...options, roundSeries: false })) {
      if (r.position === null) continue
      values.set(issue, [...(values.get(issue) ?? []), r.position])
    }
  }
  return Object.fromEntries(
    [...values].map(([issue, xs]) => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length
      return [
        issue,
        {
          mean,
          variance,
          min: xs.reduce((a, b) => Math.min(a, b)),
          max: xs.reduce((a, b) => Math.max(a, b)),
        },
      ]
    }),
  )
}
