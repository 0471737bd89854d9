// Which event types an extraction looks for: the case's list when given (parley.yaml `event_types`),
// else the general types and every type the lexicon gives cues for.
import { GENERAL_EVENT_TYPES } from '../core/index.ts'
import type { Lexicon } from './lexicon.ts'

export function eventTypesFor(lexicon: Lexicon, enabled?: readonly string[] | undefined): string[] {
  if (enabled !== undefined) return [...enabled]
  return [
    ...new Set([
      ...GENERAL_EVENT_TYPES,
      ...lexicon.events.filter((e) => e.cues.length > 0).map((e) => e.type),
    ]),
  ]
}

/** The event types of `enabled` that neither the extractor nor the lexicon has cues for. */
export function eventTypesWithoutCues(lexicon: Lexicon, enabled: readonly string[]): string[] {
  const cued = new Set<string>([
    ...GENERAL_EVENT_TYPES,
    ...lexicon.events.filter((e) => e.cues.length > 0).map((e) => e.type),
  ])
  return enabled.filter((t) => !cued.has(t))
}
