// Every analysis of one scenario, with one set of defaults: the dashboard's API, the report and the
// summary of `parley start` all read their figures from here, so that they agree. Each analysis is
// computed when it is first read and kept: a view that shows the forecasts computes no frontier.
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
import { ANALYSIS_DEFAULTS, InputError } from '../core/index.ts'
import { type EvidenceSummary, type Scenario, summarizeEvidence } from '../scenario/index.ts'

export interface AnalysisOptions {
  rounds?: number | undefined
  draws?: number | undefined
  seed?: number | undefined
  /** The two parties of the frontier; by default the pair `frontierPair` picks. */
  parties?: readonly string[] | undefined
}

/** The forecasts, with the disagreement point the NBS assumes, said in words. */
export type ForecastAnalysis = Forecast & { nbs_disagreement: string }

/** The frontier of two parties, or null with the reason when no two parties share an issue. */
export interface FrontierAnalysis {
  frontier: ScenarioFrontier | null
  /** Why there is no frontier, or which red lines it ignores; '' when neither. */
  note: string
}

export interface ScenarioAnalyses {
  readonly scenario: Scenario
  /** The options in force, defaults filled in. */
  readonly options: { rounds: number; draws: number; seed: number }
  readonly evidence: EvidenceSummary
  readonly forecasts: ForecastAnalysis
  readonly sensitivity: SensitivityReport
  readonly zopa: Zopa
  readonly frontier: FrontierAnalysis
  readonly conditions: ConditionsReport
}

/** The analyses of `s`, each computed on first reading. */
export function analyzeScenario(s: Scenario, options: AnalysisOptions = {}): ScenarioAnalyses {
  const rounds = options.rounds ?? ANALYSIS_DEFAULTS.rounds
  const draws = options.draws ?? ANALYSIS_DEFAULTS.draws
  const seed = options.seed ?? ANALYSIS_DEFAULTS.seed
  const parties = options.parties
  return lazily({
    scenario: () => s,
    options: () => ({ rounds, draws, seed }),
    evidence: () => summarizeEvidence(s),
    forecasts: () => ({ ...forecast(s, forecastModels, { rounds }), nbs_disagreement: NBS_DISAGREEMENT }),
    sensitivity: () =>
      sensitivity(s, {
        draws,
        seed,
        random: mulberry32(seed),
        models: selectModels([...ANALYSIS_DEFAULTS.sensitivityModels]),
        rounds,
      }),
    zopa: () => zopa(s),
    frontier: () => frontierOf(s, parties),
    conditions: () => analyzeConditions(s),
  })
}

/** The frontier of the named parties (a bad name is the caller's input error), or of the pair that shares most. */
function frontierOf(s: Scenario, parties: readonly string[] | undefined): FrontierAnalysis {
  const pair = parties === undefined ? frontierPair(s) : [...parties]
  if (parties === undefined && pair.length < 2)
    return { frontier: null, note: 'no two parties hold stances on a common issue' }
  try {
    const frontier = scenarioFrontier(s, { parties: pair })
    return { frontier, note: frontier.red_lines_ignored ?? '' }
  } catch (error) {
    // The frontier's RangeErrors name what the request got wrong: an unknown party, no shared issue.
    if (error instanceof RangeError) throw new InputError(error.message)
    throw error
  }
}

/** An object whose every property is computed by its function on first reading, then kept. */
function lazily<T extends object>(compute: { [K in keyof T]: () => T[K] }): T {
  const out = {} as T
  for (const key of Object.keys(compute) as (keyof T)[]) {
    Object.defineProperty(out, key, {
      enumerable: true,
      get() {
        const value = compute[key]()
        Object.defineProperty(out, key, { value, enumerable: true })
        return value
      },
      configurable: true,
    })
  }
  return out
}
