// The default extractor: sentences from wink-nlp, mentions from the lexicon, claims and events from
// general cue rules. Offline and deterministic.

import { newDiscourse } from './_reading.ts'
import { claimsInSentence, type SentenceContext } from './claims.ts'
import { eventsInSentence } from './events.ts'
import type { Extractor } from './extractor.ts'
import type { Lexicon } from './lexicon.ts'
import { type CompiledLexicon, compileLexicon, issueMentions } from './mentions.ts'
import { splitSentences } from './sentences.ts'
import type { ExtractInput, Extraction } from './types.ts'

/** The lexicon extractor; `eventTypes`, the case's, limits the events it looks for (eventTypesFor). */
export function lexiconExtractor(
  lexicon: Lexicon,
  options: { eventTypes?: readonly string[] } = {},
): Extractor {
  const lex: CompiledLexicon = compileLexicon(lexicon, options.eventTypes)
  return {
    name: 'lexicon',
    version: 1,
    extract: async (input) => extractWithLexicon(input, lex),
  }
}

export function extractWithLexicon(input: ExtractInput, lex: CompiledLexicon): Extraction {
  const out: Extraction = { claims: [], events: [] }
  const context: SentenceContext = { previousIssues: [], discourse: newDiscourse() }
  const sentences = splitSentences(input.text)
  for (const [i, sentence] of sentences.entries()) {
    context.next = sentences[i + 1]?.text
    const claims = claimsInSentence(sentence, lex, context)
    out.claims.push(...claims)
    out.events.push(...eventsInSentence(sentence, lex, claims, input))
    context.previousIssues = issueMentions(sentence.text, lex)
      .filter((m) => !m.weak)
      .map((m) => m.id)
  }
  return out
}
