export {
  ANALYSIS_DEFAULTS,
  type AnalysisOptions,
  analyzeScenario,
  type ForecastAnalysis,
  type FrontierAnalysis,
  type ScenarioAnalyses,
} from './analyze.ts'
