// What parties and issues share in a proposal: their ids and their two example sentences.
import type { TaggedSentence } from './_sentence.ts'
import type { Example } from './types.ts'

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')

/** A party id from its name: "Hamas" → HAMAS, "Commerce Ministry" → COMMERCE_MINISTRY. */
export function partyId(name: string): string {
  const id = ascii(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return id === '' ? 'PARTY' : id
}

/** An issue id from its phrase: "rare earths" → rare_earths. */
export function issueId(phrase: string): string {
  const id = ascii(phrase)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return id === '' ? 'issue' : id
}

/**
 * Two example sentences from `candidates` (sentence indices, best first): from two articles when the
 * candidates span two, and never the same sentence twice.
 */
export function pickExamples(
  candidates: readonly number[],
  sentences: readonly TaggedSentence[],
  articleNames: readonly string[],
): Example[] {
  // A fragment ("to a statement from the ministry.", a line of a hard-wrapped page) shows little:
  // whole sentences first, in the order given.
  const whole = (i: number) =>
    (sentences[i]?.tokens.length ?? 0) >= 4 && /^[\p{Lu}“"‘'•(]/u.test(sentences[i]?.text ?? '')
  const ordered = [...candidates.filter(whole), ...candidates.filter((i) => !whole(i))]
  const picked: number[] = []
  for (const i of ordered) {
    if (picked.length === 0) picked.push(i)
    else if (sentences[i]?.article !== sentences[picked[0] as number]?.article) {
      picked.push(i)
      break
    }
  }
  if (picked.length === 1) {
    const other = ordered.find(
      (i) => i !== picked[0] && sentences[i]?.text !== sentences[picked[0] as number]?.text,
    )
    if (other !== undefined) picked.push(other)
  }
  return picked.map((i) => ({
    article: articleNames[sentences[i]?.article ?? 0] ?? '',
    sentence: (sentences[i]?.text ?? '').replace(/\s+/g, ' '),
  }))
}
