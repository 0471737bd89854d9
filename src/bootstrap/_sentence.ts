// One sentence as the bootstrap reads it: its words, its act cues and reporting verbs as word ranges,
// and whether it is a title-case headline.
import type { Act } from '../core/index.ts'
import { findActCues, findReportingVerbs } from '../extract/index.ts'
import { isTitleCase, type Token, tagWords } from './_tokens.ts'

export interface WordRange {
  /** Index of the first word. */
  first: number
  /** Index of the last word (inclusive). */
  last: number
}

export interface Cue extends WordRange {
  act: Act
  form: 'verb' | 'modal' | 'noun' | 'condition'
}

export interface TaggedSentence {
  /** Index of the article in the input. */
  article: number
  text: string
  tokens: Token[]
  titleCase: boolean
  cues: Cue[]
  reporting: WordRange[]
}

/** The words that a character span covers, or undefined if it covers none. */
export function wordRange(tokens: readonly Token[], start: number, end: number): WordRange | undefined {
  let first = -1
  let last = -1
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token
    if (t.end <= start || t.start >= end) continue
    if (first < 0) first = i
    last = i
  }
  return first < 0 ? undefined : { first, last }
}

export function tagSentence(article: number, text: string): TaggedSentence {
  const tokens = tagWords(text)
  const cues: Cue[] = []
  for (const c of findActCues(text)) {
    const range = wordRange(tokens, c.start, c.end)
    if (range !== undefined) cues.push({ ...range, act: c.act, form: c.form })
  }
  const reporting: WordRange[] = []
  for (const r of findReportingVerbs(text)) {
    const range = wordRange(tokens, r.start, r.end)
    if (range !== undefined) reporting.push(range)
  }
  return { article, text, tokens, titleCase: isTitleCase(tokens), cues, reporting }
}
