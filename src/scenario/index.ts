export { type EvidenceSummary, summarizeEvidence } from './evidence.ts'
export { collapseWhitespace, loadScenario, type ParseOptions, parseScenario, resolveSource } from './load.ts'
export { allEvidence, checkReferences, type Problem } from './references.ts'
export {
  AcceptableRange,
  Condition,
  ConditionRelation,
  DivisionItem,
  Event,
  EventType,
  Evidence,
  Grounded,
  Id,
  Issue,
  IssueOption,
  Party,
  Scenario,
  Source,
  Stance,
} from './schema.ts'
export { applyWhatIf, WhatIfChange, WhatIfChanges, WhatIfField } from './whatif.ts'
