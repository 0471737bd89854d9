// The central data model's vocabulary: what a claim and an event are. Every layer speaks it, from the
// extractor that finds claims to the store, the scenario, the analyses and the dashboard.

/** The five acts of the extraction guidelines: what a party does to an issue. */
export const ACTS = ['demand', 'propose', 'accept', 'reject', 'condition'] as const
export type Act = (typeof ACTS)[number]

/**
 * The event types every case has, with the extractor's own cues (src/extract/events.ts). A case names
 * the types it uses in its parley.yaml and may add its own ("sanctions", "hostage_release"), whose cues
 * its lexicon gives (`events:`, docs/lexicon.md).
 */
export const GENERAL_EVENT_TYPES = ['call', 'meeting', 'talks', 'strike', 'agreement'] as const
export type GeneralEventType = (typeof GENERAL_EVENT_TYPES)[number]

/** An event type: a general one, or an id a case defines. */
export type EventType = string

/** What a party's new claim does against its earlier ones on an issue (src/analysis/moves). */
export const MOVE_KINDS = [
  'new_demand',
  'concession',
  'hardening',
  'reversal',
  'new_condition',
  'new_rejection',
] as const
export type MoveKind = (typeof MOVE_KINDS)[number]

/** Each kind of move as a reader says it, for the CLI and the dashboard. */
export const MOVE_LABELS: Record<MoveKind, string> = {
  new_demand: 'new demand',
  concession: 'concession',
  hardening: 'hardening',
  reversal: 'reversal',
  new_condition: 'new condition',
  new_rejection: 'new rejection',
}

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
