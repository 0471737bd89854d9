export { type Actor, actorsOn } from './actors.ts'
export { type Forecast, forecast, type IssueForecast, nearestOption, selectModels } from './forecast.ts'
export {
  compromise,
  type ForecastModel,
  forecastModels,
  type ModelResult,
  mean,
  median,
  type Round,
} from './models.ts'
export { weightedMean } from './weighted-mean.ts'
export { weightedMedian } from './weighted-median.ts'
