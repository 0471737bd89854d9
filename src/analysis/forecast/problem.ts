// What the forecasting models read: issues, each with its scale and the actors on it. A scenario, a
// BdM CSV, a DECIDE file or the DEU data all become a ForecastProblem.
import type { Scenario } from '../../scenario/index.ts'
import type { Actor } from './actors.ts'

export interface ForecastIssue {
  id: string
  name: string
  /** The issue's scale; positions are in its own units. */
  min: number
  max: number
  actors: Actor[]
  /** The real outcome, when known (DEU): for backtests. */
  outcome?: number
  /** Groups issues decided together (a DEU proposal); the exchange model trades within a group. */
  group?: string
}

export interface ForecastProblem {
  /** Where the problem comes from: a scenario id or a file. */
  source: string
  issues: ForecastIssue[]
  /** What stands for capability when the source has none ("none": every actor 1). */
  capability: string
  /** The actors in input order, where the source defines one (DECIDE '#A' lines). */
  actors?: string[]
}

/** A scenario's stances: capability from the party, salience on 0–1 (the scenario's 0–100 / 100). */
export function problemFromScenario(s: Scenario): ForecastProblem {
  return {
    source: s.meta.id,
    capability: 'scenario capabilities',
    issues: s.issues.map((issue) => ({
      id: issue.id,
      name: issue.name,
      min: 0,
      max: 100,
      actors: s.parties.flatMap((p) => {
        const st = s.stances.find((x) => x.party === p.id && x.issue === issue.id)
        return st === undefined
          ? []
          : [
              {
                party: p.id,
                capability: p.capability.value,
                position: st.position.value,
                salience: st.salience.value / 100,
              },
            ]
      }),
    })),
  }
}
