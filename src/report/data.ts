// Everything a report shows, computed from one scenario by the library's analyses.
import { analyzeConditions, type ConditionsReport } from '../analysis/conditions/index.ts'
import {
  type Forecast,
  forecast,
  forecastModels,
  NBS_DISAGREEMENT,
  selectModels,
} from '../analysis/forecast/index.ts'
import {
  frontierPair,
  type ScenarioFrontier,
  scenarioFrontier,
  type Zopa,
  zopa,
} from '../analysis/packages/index.ts'
import { mulberry32, type SensitivityReport, sensitivity } from '../analysis/sensitivity/index.ts'
import { type ConditionLayout, layoutConditions } from '../charts/index.ts'
import { type EvidenceSummary, type Scenario, summarizeEvidence } from '../scenario/index.ts'

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

export interface ReportOptions {
  draws?: number
  seed?: number
  rounds?: number
}

export async function reportData(s: Scenario, options: ReportOptions = {}): Promise<ReportData> {
  const rounds = options.rounds ?? 10
  const seed = options.seed ?? 1
  const conditions = analyzeConditions(s)
  let frontier: ScenarioFrontier | null = null
  let frontierNote = ''
  const pair = frontierPair(s)
  if (pair.length === 2) {
    frontier = scenarioFrontier(s, { parties: pair })
    frontierNote = frontier.red_lines_ignored ?? ''
  } else frontierNote = 'no two parties hold stances on a common issue'
  return {
    scenario: s,
    evidence: summarizeEvidence(s),
    forecast: forecast(s, forecastModels, { rounds }),
    nbsDisagreement: NBS_DISAGREEMENT,
    rounds,
    sensitivity: sensitivity(s, {
      draws: options.draws ?? 1000,
      seed,
      random: mulberry32(seed),
      models: selectModels(['compromise', 'median', 'nbs', 'eum']),
      rounds,
    }),
    zopa: zopa(s),
    frontier,
    frontierNote,
    conditions,
    layout: await layoutConditions(s, conditions),
  }
}
