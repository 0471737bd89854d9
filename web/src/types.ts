// The API's answers, typed from the library's own types.
import type { ConditionsReport } from '../../src/analysis/conditions/index.ts'
import type { Forecast } from '../../src/analysis/forecast/index.ts'
import type { ScenarioFrontier, Zopa } from '../../src/analysis/packages/index.ts'
import type { SensitivityReport } from '../../src/analysis/sensitivity/index.ts'
import type { Contradiction } from '../../src/extract/index.ts'
import type { EvidenceSummary, Scenario } from '../../src/scenario/index.ts'
import type {
  Counts,
  DocumentSummary,
  StoredClaim,
  StoredDocument,
  StoredEvent,
} from '../../src/store/index.ts'

export type {
  ConditionsReport,
  Contradiction,
  DocumentSummary,
  Forecast,
  Scenario,
  ScenarioFrontier,
  SensitivityReport,
  StoredClaim,
  StoredDocument,
  StoredEvent,
  Zopa,
}

export interface ScenarioAnswer {
  file: string
  scenario: Scenario
  evidence: EvidenceSummary
}
export interface HealthAnswer {
  status: string
  store: string
  scenario: string
  counts: Counts
}
export type ForecastAnswer = Forecast & { nbs_disagreement: string }
