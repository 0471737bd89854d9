export {
  type AnalysisOptions,
  analyzeScenario,
  type ForecastAnalysis,
  type FrontierAnalysis,
  type ScenarioAnalyses,
} from './analyze.ts'
