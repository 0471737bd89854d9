export { type Actor, actorsOn } from './actors.ts'
export { type CrossValidated, crossValidatedEnsemble, plainMedian, type Score, score } from './backtest.ts'
export { type EumActor, type EumMove, type EumRound, eum, heldMedian } from './eum.ts'
export {
  type ExchangeOptions,
  type ExchangeResult,
  type ExchangeRound,
  exchangeModel,
  type RealisedExchange,
} from './exchange.ts'
export {
  defaultModels,
  type Forecast,
  forecast,
  forecastProblem,
  type IssueForecast,
  nearestOption,
  type Repeated,
  repeatForecast,
  selectModels,
} from './forecast.ts'
export { detectFormat, type ForecastFormat, parseBdmCsv, parseDecide, parseDeu } from './formats.ts'
export {
  compromise,
  eumModel,
  exchange,
  type ForecastModel,
  forecastModels,
  type ModelOptions,
  type ModelResult,
  mean,
  median,
  nbs,
  type Round,
} from './models.ts'
export { NBS_DISAGREEMENT, nashBargaining } from './nbs.ts'
export { type ForecastIssue, type ForecastProblem, problemFromScenario } from './problem.ts'
export { weightedMean } from './weighted-mean.ts'
export { weightedMedian } from './weighted-median.ts'
