import type { Act } from '../core/index.ts'

export interface BootstrapArticle {
  /** A name for the article in examples (a file name). */
  name: string
  /** The article's text, without header lines. */
  text: string
}

export interface Example {
  article: string
  sentence: string
}

export interface ProposedParty {
  /** An ISO 3166-1 code for a country, an organisation's abbreviation, or a name in capitals. */
  id: string
  name: string
  kind: 'country' | 'organisation' | 'person'
  /** The forms that name the party in the articles, its people and organisations included. */
  aliases: string[]
  /** Demonyms found in the articles ("Chinese"). */
  adjectives: string[]
  /** Mentions of the party under any of its aliases and adjectives. */
  count: number
  examples: Example[]
}

export interface ProposedIssue {
  id: string
  name: string
  /** The noun phrases merged into the issue, most frequent first. */
  terms: string[]
  /** Sentences that tie one of the terms to an act cue. */
  count: number
  /** Sentences that name one of the terms, tied or not. */
  mentions: number
  /** Articles with such a sentence. */
  articles: number
  /** Those sentences by act of their cue. */
  acts: Partial<Record<Act, number>>
  examples: Example[]
}

export interface BootstrapResult {
  /** Most mentioned first. */
  parties: ProposedParty[]
  /** Best first: most sentences tying the issue to an act, then most sentences naming it, then most articles. */
  issues: ProposedIssue[]
}

export interface BootstrapOptions {
  /** The fewest mentions of a party, and the fewest act sentences of an issue, to propose it (2). */
  minCount?: number
  /** At most this many parties (20) and issues (20). */
  maxParties?: number
  maxIssues?: number
}
