// Words of a sentence with their part of speech (wink-nlp's English model), lemma and offsets. The
// model's entity recogniser finds dates and numbers, not people or organisations, so names are read
// from proper-noun runs (src/bootstrap/_names.ts) and issues from noun phrases (_issues.ts).
import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'

export interface Token {
  text: string
  lower: string
  /** wink's lemma, lower case ("tariffs" → "tariff"). */
  lemma: string
  /** Universal POS tag: NOUN, PROPN, ADJ, VERB, ADP, DET, PRON, PUNCT … */
  pos: string
  start: number
  end: number
  /** Starts with an upper-case letter. */
  cap: boolean
  /** Two letters or more, all upper case ("NATO", "POISONS"). */
  allCaps: boolean
  /** No space between this word and the one before ("rare-earth", "China's"). */
  joined: boolean
}

let nlp: ReturnType<typeof winkNLP> | undefined

export function tagWords(sentence: string): Token[] {
  nlp ??= winkNLP(model, ['pos'])
  const its = nlp.its
  const doc = nlp.readDoc(sentence)
  const texts = doc.tokens().out()
  // wink's typings do not accept its.lemma (an addon reader) where they accept its.pos; both read the same.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[]
  const tags = doc.tokens().out(its.pos) as string[]
  const tokens: Token[] = []
  let cursor = 0
  texts.forEach((text, i) => {
    const at = sentence.indexOf(text, cursor)
    if (at < 0) return
    const joined = at === cursor && tokens.length > 0
    cursor = at + text.length
    tokens.push({
      text,
      lower: text.toLowerCase(),
      lemma: (lemmas[i] ?? text).toLowerCase(),
      pos: tags[i] ?? 'X',
      start: at,
      end: at + text.length,
      cap: /^\p{Lu}/u.test(text),
      allCaps: /^\p{Lu}[\p{Lu}.]+$/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text),
      joined,
    })
  })
  return tokens
}

/**
 * A headline or a label in title case ("Trade Talks in London End with a Plan"): its longer words are
 * capitalised, verbs and common nouns too, where a sentence full of names ("Norwegian Fisheries
 * Minister Kari Lund proposed new quotas") still has them in lower case. Names are not looked for in
 * a headline, since every word looks like one.
 */
export function isTitleCase(tokens: readonly Token[]): boolean {
  const words = tokens.slice(1).filter((t) => /^\p{L}{4,}/u.test(t.text))
  if (words.length < 3) return false
  return words.filter((t) => t.cap).length / words.length >= 0.85
}
