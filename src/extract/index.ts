export {
  type Contradiction,
  findContradictions,
  type SourceDocument,
  warLengthMentions,
} from './contradictions.ts'
export { type Evaluation, evaluate, type Prf } from './evaluate.ts'
export type { Extractor } from './extractor.ts'
export { type GoldFile, GoldFileSchema, type ScoredFile, toGoldFile } from './gold.ts'
export { type Lexicon, LexiconFile, lexiconFrom, lexiconFromScenario, loadLexicon } from './lexicon.ts'
export { extractWithLexicon, lexiconExtractor } from './lexicon-extractor.ts'
export { findQuote, type LlmConfig, llmConfigFromEnv, llmExtractor } from './llm.ts'
export { type Sentence, splitSentences } from './sentences.ts'
export {
  ACTS,
  type Act,
  type Claim,
  EVENT_TYPES,
  type EventType,
  type ExtractedEvent,
  type ExtractInput,
  type Extraction,
  type Span,
} from './types.ts'
