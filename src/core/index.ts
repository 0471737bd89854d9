// The base layer: what every other layer shares. Nothing here imports Parley code, Node's modules or a
// library, so the dashboard bundles it as it is.

export { ANALYSIS_DEFAULTS, DEFAULT_STORE } from './defaults.ts'
export {
  formatCount,
  formatPath,
  formatProblem,
  INPUT_ERROR_CODES,
  InputError,
  type InputErrorCode,
  type InputErrorOptions,
  LocatedInputError,
  type LocatedProblem,
  numberProblem,
} from './errors.ts'
export { CASE_HEADER } from './protocol.ts'
export { safeHttpUrl } from './safe-url.ts'
export { MATCH_END, MATCH_START } from './search-marks.ts'
export { isCalendarDay, wholeNumber } from './values.ts'
export {
  ACTS,
  type Act,
  type Claim,
  type EventType,
  type ExtractedEvent,
  GENERAL_EVENT_TYPES,
  type GeneralEventType,
  MOVE_KINDS,
  MOVE_LABELS,
  type MoveKind,
  type Span,
} from './vocabulary.ts'
