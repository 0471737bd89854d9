// Everything a report shows: the scenario's analyses (src/analyze, the same as the dashboard's) and the
// layout of its condition graph.
import type { ConditionsReport } from '../analysis/conditions/index.ts'
import type { Forecast } from '../analysis/forecast/index.ts'
import type { ScenarioFrontier, Zopa } from '../analysis/packages/index.ts'
import type { SensitivityReport } from '../analysis/sensitivity/index.ts'
import { type AnalysisOptions, analyzeScenario } from '../analyze/index.ts'
import { type ConditionLayout, layoutConditions } from '../charts/index.ts'
import type { EvidenceSummary, Scenario } from '../scenario/index.ts'

export interface ReportData {
  scenario: Scenario
  evidence: EvidenceSummary
  forecast: Forecast
  nbsDisagreement: string
  rounds: number
  sensitivity: SensitivityReport
  zopa: Zopa
  /** Null when no two parties share an issue; `frontierNote` says why. */
  frontier: ScenarioFrontier | null
  frontierNote: string
  conditions: ConditionsReport
  layout: ConditionLayout
}

export type ReportOptions = Pick<AnalysisOptions, 'draws' | 'seed' | 'rounds'>

export async function reportData(s: Scenario, options: ReportOptions = {}): Promise<ReportData> {
  const a = analyzeScenario(s, options)
  return {
    scenario: s,
    evidence: a.evidence,
    forecast: a.forecasts,
    nbsDisagreement: a.forecasts.nbs_disagreement,
    rounds: a.options.rounds,
    sensitivity: a.sensitivity,
    zopa: a.zopa,
    frontier: a.frontier.frontier,
    frontierNote: a.frontier.note,
    conditions: a.conditions,
    layout: await layoutConditions(s, a.conditions),
  }
}
