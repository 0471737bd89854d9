export { mulberry32 } from './random.ts'
export {
  type Distribution,
  pearson,
  type SensitivityOptions,
  type SensitivityReport,
  sensitivity,
  type UncertainInput,
  uncertainInputs,
} from './sensitivity.ts'
