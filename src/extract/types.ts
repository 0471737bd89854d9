export const ACTS = ['demand', 'propose', 'accept', 'reject', 'condition'] as const
export type Act = (typeof ACTS)[number]

export const EVENT_TYPES = ['call', 'meeting', 'talks', 'strike', 'agreement', 'aid_change'] as const
export type EventType = (typeof EVENT_TYPES)[number]

/** A verbatim span of the cleaned text: `text.slice(start, end) === quote`. */
export interface Span {
  quote: string
  start: number
  end: number
}

export interface Claim extends Span {
  actor: string
  act: Act
  issue: string
  /** Only for `condition`: what must come first. */
  condition_issue?: string
  /** "at least 60 days" on a condition. */
  min_days?: number
  /** "alleged", "reportedly", … when the sentence hedges. */
  hedge?: string
}

export interface ExtractedEvent extends Span {
  type: EventType
  /** Sorted party ids. */
  participants: string[]
  /** YYYY-MM-DD when the article fixes the day, else null. */
  date: string | null
  initiator?: string
  hedge?: string
}

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
