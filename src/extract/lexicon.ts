// The lexicon: which words name which party and which issue. It is data (lexicons/*.yaml, or a
// scenario's aliases), never code. The format extends the extraction vocabulary
// (vocabulary.json): an issue is either its description or {description, terms, weak_terms}.
import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { z } from 'zod'
import { InputError } from '../core/index.ts'

/**
 * One ordered option of an issue, with the phrases that name it in a claim, for drafting a scenario
 * from claims (src/draft/). `default`: a demand or proposal that names no option places the
 * party here ("calls for a referendum"). `conditional`: a party that makes the issue conditional on
 * another sits here ("a ceasefire only once preconditions are met").
 */
const OptionEntry = z.strictObject({
  label: z.string(),
  position: z.number().min(0).max(100),
  cues: z.array(z.string()).default([]),
  /** Phrases that name this option or any beyond it ("territorial concessions": this much or more). */
  at_least_cues: z.array(z.string()).default([]),
  default: z.boolean().optional(),
  conditional: z.boolean().optional(),
})

const IssueEntry = z.union([
  z.string(),
  z.strictObject({
    description: z.string(),
    /** A short name, for a drafted scenario. */
    name: z.string().optional(),
    /** Words or phrases that name the issue; a trailing * matches any word ending ("territor*"). */
    terms: z.array(z.string()).default([]),
    /** Terms that count only when no other issue is named in the same span ("talks", "land"). */
    weak_terms: z.array(z.string()).default([]),
    /** The issue's ordered options (increasing position), with their cues. */
    options: z.array(OptionEntry).optional(),
  }),
])

const ActorEntry = z.strictObject({
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  /** Adjectives ("Russian") name the party only before a noun such as officials, forces, President. */
  adjectives: z.array(z.string()).optional(),
})

export const LexiconFile = z.object({
  schema: z.string().optional(),
  about: z.string().optional(),
  actors: z.record(z.string(), ActorEntry),
  issues: z.record(z.string(), IssueEntry),
  acts: z.record(z.string(), z.string()).optional(),
  events: z.record(z.string(), z.string()).optional(),
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
export interface Lexicon {
  actors: LexiconActor[]
  issues: LexiconIssue[]
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

/** Reads a lexicon (YAML or JSON, the vocabulary.json format or its extension). */
export async function loadLexicon(file: string): Promise<Lexicon> {
  let raw: unknown
  try {
    raw = parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new InputError(`${file}: cannot read the lexicon: ${(error as Error).message}`)
  }
  const parsed = LexiconFile.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new InputError(`${file} ${issue?.path.join('.')}: ${issue?.message}`)
  }
  return lexiconFrom(parsed.data)
}
