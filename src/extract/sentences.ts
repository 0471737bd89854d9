// Sentences with their character offsets in the cleaned text. wink-nlp splits; each sentence is then
// found in the text, so offsets are exact, and a sentence that runs across a line break (a headline
// without a full stop, then the first paragraph) is cut there.

import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'

export interface Sentence {
  text: string
  /** Offset of the sentence's first character in the cleaned text. */
  start: number
}

let nlp: ReturnType<typeof winkNLP> | undefined

export function splitSentences(text: string): Sentence[] {
  nlp ??= winkNLP(model, ['sbd'])
  const out: Sentence[] = []
  let cursor = 0
  for (const paragraph of text.split(/\n/)) {
    const paragraphStart = text.indexOf(paragraph, cursor)
    cursor = paragraphStart + paragraph.length
    if (paragraph.trim() === '') continue
    let inner = 0
    for (const s of nlp.readDoc(paragraph).sentences().out() as string[]) {
      const at = paragraph.indexOf(s, inner)
      if (at < 0) continue
      inner = at + s.length
      const trimmed = s.trim()
      if (trimmed === '') continue
      out.push({ text: trimmed, start: paragraphStart + at + s.indexOf(trimmed) })
    }
  }
  return out
}
