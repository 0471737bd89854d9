import type { Claim, ExtractedEvent } from '../core/index.ts'

export interface Extraction {
  claims: Claim[]
  events: ExtractedEvent[]
}

/** What an extractor reads: the cleaned text and, when known, the article's date. */
export interface ExtractInput {
  text: string
  /** The article's date and whether it is an estimate; relative days resolve only against a real date. */
  date?: { date: string; estimated: boolean } | undefined
}
