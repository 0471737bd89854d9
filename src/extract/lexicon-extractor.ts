// The default extractor: sentences from wink-nlp, mentions from the lexicon, claims and events from
// general cue rules. Offline and deterministic.

import { newDiscourse, pronounMentions, quotedSpans } from './_reading.ts'
import { claimsInSentence, type SentenceContext } from './claims.ts'
import { eventsInSentence } from './events.ts'
import type { Extractor } from './extractor.ts'
import type { Lexicon } from './lexicon.ts'
import {
  actorMentions,
  type CompiledLexicon,
  compileLexicon,
  isPrepositional,
  issueMentions,
} from './mentions.ts'
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
  const discourse = newDiscourse()
  const context: SentenceContext = { previousIssues: [], discourse }
  const sentences = splitSentences(input.text)
  for (const [i, sentence] of sentences.entries()) {
    context.next = sentences[i + 1]?.text
    // The mentions are found once per sentence, for the claims and the events.
    const named = actorMentions(sentence.text, lex)
    const issues = issueMentions(sentence.text, lex)
    context.mentions = { text: sentence.text, actors: named, issues }
    const pronouns = pronounMentions(
      sentence.text,
      named,
      discourse,
      (m) => isPrepositional(sentence.text, m),
      quotedSpans(sentence.text, discourse.inQuote),
    )
    const claims = claimsInSentence(sentence, lex, context)
    out.claims.push(...claims)
    out.events.push(...eventsInSentence(sentence, lex, claims, input, pronouns, named))
    context.previousIssues = issues.filter((m) => !m.weak).map((m) => m.id)
  }
  return { claims: out.claims, events: talksBetweenSides(out.events, out.claims) }
}

/**
 * Talks are between the negotiating parties: when at least two of a talks event's participants take
 * positions in the article, the others (mediators, hosts) are left out of its sides.
 */
function talksBetweenSides(events: Extraction['events'], claims: Extraction['claims']): Extraction['events'] {
  const positioned = new Set(
    claims.filter((c) => c.act !== 'accept' || c.issue !== 'talks').map((c) => c.actor),
  )
  return events.map((e) => {
    if (e.type !== 'talks') return e
    const sides = e.participants.filter((p) => positioned.has(p))
    return sides.length >= 2 && sides.length < e.participants.length ? { ...e, participants: sides } : e
  })
}
