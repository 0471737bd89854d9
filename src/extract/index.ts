export { type ActCue, findActCues, findReportingVerbs } from './acts.ts'
export {
  type Contradiction,
  findContradictions,
  type SourceDocument,
  warLengthMentions,
} from './contradictions.ts'
export { type Evaluation, evaluate, type Prf } from './evaluate.ts'
export { eventTypesFor, eventTypesWithoutCues } from './event-types.ts'
export type { Extractor } from './extractor.ts'
export { type GoldFile, GoldFileSchema, type ScoredFile, toGoldFile } from './gold.ts'
export {
  demonymsAmong,
  type Lexicon,
  type LexiconActor,
  type LexiconEvent,
  LexiconFile,
  type LexiconIssue,
  type LexiconOption,
  lexiconFrom,
  loadLexicon,
  parseLexicon,
} from './lexicon.ts'
export { extractWithLexicon, lexiconExtractor } from './lexicon-extractor.ts'
export { findQuote, type LlmConfig, llmConfigFromEnv, llmExtractor } from './llm.ts'
export {
  actorMentions,
  type CompiledLexicon,
  compileLexicon,
  phrasePattern,
} from './mentions.ts'
export { type RuleAlternative, ruleAlternatives, topLevelAlternatives } from './rules.ts'
export { type Sentence, splitSentences } from './sentences.ts'
export type { ExtractInput, Extraction } from './types.ts'
export { escapeRegExp, negatedCue, negatedInClause, wordPattern } from './words.ts'
