// The act cues of a sentence as spans, for readers that have no lexicon yet (src/bootstrap): the verbs,
// modals, nouns and condition markers of `_cues.ts`, a negated propose or accept read as a reject, as
// the claims do, and the reporting verbs ("said", "announced") that make their subject a speaker.
import type { Act } from '../core/index.ts'
import { findConditionCues, findCues, REPORTING } from './_cues.ts'
import { negatedCue } from './words.ts'

export interface ActCue {
  act: Act
  /** A condition marker ("only if", "on the condition that") is a cue of its own form. */
  form: 'verb' | 'modal' | 'noun' | 'condition'
  start: number
  end: number
}

/** Every act cue in `sentence`, in order of their start. */
export function findActCues(sentence: string): ActCue[] {
  const cues: ActCue[] = findCues(sentence).map((c) => ({
    act: (c.act === 'propose' || c.act === 'accept') && negatedCue(sentence, c.start) ? 'reject' : c.act,
    form: c.form,
    start: c.start,
    end: c.end,
  }))
  for (const c of findConditionCues(sentence))
    cues.push({ act: 'condition', form: 'condition', start: c.start, end: c.end })
  return cues.sort((a, b) => a.start - b.start)
}

/** The spans of the reporting verbs in `sentence` ("said", "told", "made clear"). */
export function findReportingVerbs(sentence: string): { start: number; end: number }[] {
  return [...sentence.matchAll(REPORTING)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
}
