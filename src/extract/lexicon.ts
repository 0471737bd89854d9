// The lexicon: which words name which party, which issue and which kind of event. It is data
// (lexicons/*.yaml, or a scenario's aliases), never code; docs/lexicon.md describes every key. The
// format extends the extraction vocabulary (vocabulary.json): an issue is either its description or
// {description, terms, weak_terms}. It is read like a scenario: every problem located at once.
import { z } from 'zod'
import { LocatedInputError } from '../core/index.ts'
import { readErrorReason, readLocated, readTextFile } from '../locate/index.ts'
import { checkLexicon } from './_lexicon-rules.ts'

const Text = z.string({ error: 'expected text' }).trim().min(1, { error: 'expected non-empty text' })
/** A word or phrase; an empty one would match everywhere. */
const Phrase = z.string({ error: 'expected a phrase (text)' }).trim().min(1, { error: 'expected a phrase' })
const Phrases = z.array(Phrase, { error: 'expected a list of phrases' })

/**
 * One ordered option of an issue, with the phrases that name it in a claim, for drafting a scenario
 * from claims (src/draft/). `default`: a demand or proposal that names no option places the
 * party here ("calls for a referendum"). `conditional`: a party that makes the issue conditional on
 * another sits here ("a ceasefire only once preconditions are met").
 */
const OptionEntry = z.strictObject({
  label: Text,
  position: z
    .number({ error: 'expected a position, a number 0–100' })
    .min(0, { error: 'expected 0–100' })
    .max(100, { error: 'expected 0–100' }),
  cues: Phrases.default([]),
  /** Phrases that name this option or any beyond it ("territorial concessions": this much or more). */
  at_least_cues: Phrases.default([]),
  default: z.boolean({ error: 'expected true or false' }).optional(),
  conditional: z.boolean({ error: 'expected true or false' }).optional(),
})

const IssueEntry = z.union(
  [
    Text,
    z.strictObject({
      description: Text,
      /** A short name, for a drafted scenario. */
      name: Text.optional(),
      /** Words or phrases that name the issue; a trailing * matches any word ending ("territor*"). */
      terms: Phrases.default([]),
      /** Terms that count only when no other issue is named in the same span ("talks", "land"). */
      weak_terms: Phrases.default([]),
      /** The issue's ordered options (increasing position), with their cues. */
      options: z.array(OptionEntry, { error: 'expected a list of options' }).optional(),
    }),
  ],
  { error: 'expected a description, or a mapping with description and terms' },
)

const ActorEntry = z.strictObject({
  name: Text,
  aliases: Phrases.default([]),
  /** Adjectives ("Russian") name the party only before a noun such as officials, forces, President. */
  adjectives: Phrases.optional(),
})

/** A kind of event: its description alone (the vocabulary.json form), or with the phrases that name it. */
const EventEntry = z.union([Text, z.strictObject({ description: Text.optional(), cues: Phrases })], {
  error: 'expected a description, or a mapping with description and cues',
})

export const LexiconFile = z.strictObject({
  /** The format's name and version: `parley-lexicon/1` (or `parley-vocabulary/1` for vocabulary.json). */
  schema: z.string({ error: 'expected text' }).optional(),
  about: z.string({ error: 'expected text' }).optional(),
  actors: z.record(z.string(), ActorEntry, { error: 'expected a mapping of party ids to parties' }),
  issues: z.record(z.string(), IssueEntry, { error: 'expected a mapping of issue ids to issues' }),
  /**
   * Act id → what it means, as in vocabulary.json. The acts themselves are fixed (ACTS in src/core);
   * these descriptions are read for the record and not used by the extractors.
   */
  acts: z.record(z.string(), Text, { error: 'expected a mapping of act ids to descriptions' }).optional(),
  /** Event type id → its description, or {description, cues}: the phrases that name such an event. */
  events: z
    .record(z.string(), EventEntry, { error: 'expected a mapping of event types to descriptions or cues' })
    .optional(),
})

export interface LexiconActor {
  id: string
  name: string
  aliases: string[]
  adjectives: string[]
}
export interface LexiconOption {
  label: string
  position: number
  cues: string[]
  atLeastCues: string[]
  default?: boolean
  conditional?: boolean
}
export interface LexiconIssue {
  id: string
  description: string
  name?: string
  terms: string[]
  weakTerms: string[]
  options?: LexiconOption[]
}
/** A kind of event the lexicon names, with the phrases that name it (none for a description alone). */
export interface LexiconEvent {
  type: string
  description?: string
  cues: string[]
}
export interface Lexicon {
  actors: LexiconActor[]
  issues: LexiconIssue[]
  events: LexiconEvent[]
}

/** Demonyms and other adjectives, for lexicons that do not list `adjectives` apart. */
const ADJECTIVE = /^[A-Z][a-z]+(ian|ean|ish|can|ch)$/

/** The names among `names` that read as demonyms ("Russian", "Ukrainian", "French"). */
export function demonymsAmong(names: readonly string[]): string[] {
  return names.filter((x) => ADJECTIVE.test(x))
}

export function lexiconFrom(file: z.infer<typeof LexiconFile>): Lexicon {
  return {
    actors: Object.entries(file.actors).map(([id, a]) => {
      const adjectives = a.adjectives ?? demonymsAmong(a.aliases)
      const aliases = [a.name, ...a.aliases.filter((x) => !adjectives.includes(x))]
      return { id, name: a.name, aliases: [...new Set(aliases)], adjectives }
    }),
    issues: Object.entries(file.issues).map(([id, entry]) =>
      typeof entry === 'string'
        ? { id, description: entry, terms: [id.replace(/_/g, ' ')], weakTerms: [] }
        : {
            id,
            description: entry.description,
            ...(entry.name === undefined ? {} : { name: entry.name }),
            terms: entry.terms,
            weakTerms: entry.weak_terms,
            ...(entry.options === undefined ? {} : { options: entry.options.map(optionFrom) }),
          },
    ),
    events: Object.entries(file.events ?? {}).map(([type, entry]) =>
      typeof entry === 'string'
        ? { type, description: entry, cues: [] }
        : {
            type,
            ...(entry.description === undefined ? {} : { description: entry.description }),
            cues: entry.cues,
          },
    ),
  }
}

function optionFrom(o: z.infer<typeof OptionEntry>): LexiconOption {
  return {
    label: o.label,
    position: o.position,
    cues: o.cues,
    atLeastCues: o.at_least_cues,
    ...(o.default ? { default: true } : {}),
    ...(o.conditional ? { conditional: true } : {}),
  }
}

/**
 * Validates lexicon text (YAML or JSON). Throws LocatedInputError listing every problem: the schema's,
 * and the rules of a lexicon (options in increasing order, labels, terms and aliases each used once).
 */
export function parseLexicon(text: string, options: { file: string }): Lexicon {
  const file = readLocated(text, LexiconFile, {
    file: options.file,
    expected: 'a lexicon with actors and issues',
    check: (_, raw) => checkLexicon(raw),
  })
  return lexiconFrom(file)
}

/** Reads a lexicon file (YAML or JSON, the vocabulary.json format or its extension). */
export async function loadLexicon(file: string): Promise<Lexicon> {
  let text: string
  try {
    // A regular file of at most 20 MB (PARLEY_MAX_FILE_MB raises it): a FIFO or a device is refused unread.
    text = await readTextFile(file)
  } catch (error) {
    const reason = readErrorReason(error)
    throw new LocatedInputError([
      { file, line: 0, column: 0, path: '', message: `cannot read the lexicon: ${reason}` },
    ])
  }
  return parseLexicon(text, { file })
}
