export { type Agreement, compareWithCurated, type StanceAgreement } from './agreement.ts'
export {
  DRAFT_RULES,
  type DraftCondition,
  type DraftEvent,
  type DraftInput,
  type DraftNumber,
  type DraftResult,
  type DraftScenario,
  type DraftSource,
  type DraftStance,
  draftScenario,
  fillFromBase,
} from './draft.ts'
export {
  coverageWarnings,
  type LexiconCoverage,
  lexiconCoverage,
  lexiconFromScenario,
  termStem,
  termsFromName,
} from './lexicon.ts'
export {
  type CompiledIssue,
  compileIssue,
  type DraftArticle,
  positionOf,
  type Reading,
  STRONG_REJECTION,
} from './readings.ts'
export {
  proposeUpdates,
  type ScenarioUpdate,
  selectUpdates,
  type UpdateKind,
  type UpdateSet,
  writeUpdates,
} from './update.ts'
