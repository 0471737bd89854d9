import { InputError } from '../../errors.ts'
import type { Issue, Scenario } from '../../scenario/index.ts'
import { type Actor, actorsOn } from './actors.ts'
import { type ForecastModel, forecastModels, type ModelResult } from './models.ts'

export interface IssueForecast {
  id: string
  name: string
  /** The parties with a stance on the issue. */
  parties: string[]
  models: Record<string, ModelResult & { option: string | null }>
}

export interface Forecast {
  models: string[]
  issues: IssueForecast[]
}

/** Runs the chosen models (all by default) on every issue of the scenario. */
export function forecast(scenario: Scenario, models: readonly ForecastModel[] = forecastModels): Forecast {
  return {
    models: models.map((m) => m.id),
    issues: scenario.issues.map((issue) => {
      const actors: Actor[] = actorsOn(scenario, issue.id)
      const byModel: IssueForecast['models'] = {}
      for (const model of models) {
        const r = model.run(actors)
        byModel[model.id] = {
          ...r,
          option: r.position === null ? null : nearestOption(issue, r.position).label,
        }
      }
      return { id: issue.id, name: issue.name, parties: actors.map((a) => a.party), models: byModel }
    }),
  }
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
