// Sentences with their character offsets in the cleaned text. wink-nlp splits; each sentence is then
// found in the text, so offsets are exact, and a sentence that runs across a paragraph break (a headline
// without a full stop, then the first paragraph) is cut there.
//
// Hard-wrapped text (a line broken mid-sentence, often with a tab or spaces before the next line) is read
// as one paragraph: the line breaks inside it become spaces for the splitter only, and every sentence's
// text is still the exact substring of the original, breaks included, so its quote stays verbatim.

import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'

export interface Sentence {
  text: string
  /** Offset of the sentence's first character in the cleaned text. */
  start: number
  /** The first sentence of its paragraph. */
  paragraph?: boolean
}

let nlp: ReturnType<typeof winkNLP> | undefined
let tagger: ReturnType<typeof winkNLP> | undefined

/** A word of a sentence with its universal part-of-speech tag ("VERB", "NOUN", "DET", …), from wink-nlp. */
export interface TaggedWord {
  start: number
  end: number
  pos: string
}

/** The words of `text` with their part-of-speech tags and offsets in `text`. */
export function tagWords(text: string): TaggedWord[] {
  tagger ??= winkNLP(model, ['sbd', 'pos'])
  const doc = tagger.readDoc(text)
  const words = doc.tokens().out() as string[]
  const tags = doc.tokens().out(tagger.its.pos) as string[]
  const out: TaggedWord[] = []
  let cursor = 0
  for (const [i, word] of words.entries()) {
    const at = text.indexOf(word, cursor)
    if (at < 0) continue
    cursor = at + word.length
    out.push({ start: at, end: cursor, pos: tags[i] ?? 'X' })
  }
  return out
}

/** A line that ends a sentence or stands alone: a full stop, a closing quote or bracket, a colon. */
const ENDS_SENTENCE = /[.!?:;”"’')\]]\s*$/
/** A continuation: starting with a lower-case word, a digit or a comma, indented or not. */
const CONTINUES = /^[ \t]*[\p{Ll}\d,;]/u
/** An indented line that goes on with a capitalised word, but not a byline, a dateline or a bracket. */
const INDENTED = /^[ \t]+(?!\[|\p{Lu}{2,}\b|By\b)\p{Lu}/u

/** Whether the break between `line` and `next` is a hard wrap inside one sentence. */
export function isHardWrap(line: string, next: string): boolean {
  if (line.trim() === '' || next.trim() === '') return false
  if (ENDS_SENTENCE.test(line)) return false
  return CONTINUES.test(next) || INDENTED.test(next)
}

/** Paragraphs as [start, end) spans of `text`, hard-wrapped lines joined. */
function paragraphs(text: string): [number, number][] {
  const spans: [number, number][] = []
  let start = 0
  let lineStart = 0
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart)
    const lineEnd = nl < 0 ? text.length : nl
    if (nl < 0) {
      spans.push([start, lineEnd])
      break
    }
    const nextEnd = text.indexOf('\n', nl + 1)
    const next = text.slice(nl + 1, nextEnd < 0 ? text.length : nextEnd)
    if (!isHardWrap(text.slice(lineStart, lineEnd), next)) {
      spans.push([start, lineEnd])
      start = nl + 1
    }
    lineStart = nl + 1
  }
  return spans
}

export function splitSentences(text: string): Sentence[] {
  nlp ??= winkNLP(model, ['sbd'])
  const out: Sentence[] = []
  for (const [from, to] of paragraphs(text)) {
    const original = text.slice(from, to)
    if (original.trim() === '') continue
    // Same length as the original, so an offset in one is an offset in the other.
    const flat = original.replace(/[\n\t]/g, ' ')
    let inner = 0
    let first = true
    for (const s of nlp.readDoc(flat).sentences().out() as string[]) {
      const at = flat.indexOf(s, inner)
      if (at < 0) continue
      inner = at + s.length
      const trimmed = s.trim()
      if (trimmed === '') continue
      const start = at + s.indexOf(trimmed)
      out.push({
        text: original.slice(start, start + trimmed.length),
        start: from + start,
        ...(first ? { paragraph: true } : {}),
      })
      first = false
    }
  }
  return out
}
