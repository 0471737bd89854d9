// Which proper-noun runs are people and which are organisations, on the evidence of all their
// occurrences (_evidence.ts). A run is a person when a title stands before it or in its appositive, or
// when a name of two words or more speaks; an organisation when its head is one ("Ministry"), when it
// has officials or a spokesman, or when a one-word name speaks. A one-word run that is a word of
// exactly one person's name is that person ("Doe" for "Jane Doe"); a demonym of an organisation's
// one-word name is that organisation's adjective ("Sylvanian" of "Sylvania").
import type { SentenceEvidence } from './_evidence.ts'
import type { NameSpan, SentenceNames } from './_names.ts'
import type { TaggedSentence } from './_sentence.ts'

export interface RunEntity {
  key: string
  kind: 'person' | 'organisation'
  /** The run is a demonym of the entity ("Sylvanian"). */
  demonym?: boolean
}

interface RunTotals {
  titled: boolean
  speaks: boolean
  agent: boolean
  organisation: boolean
  words: string[]
}

/** Each run's person or organisation, decided on the evidence of all its occurrences. */
export function classifyRuns(
  sentences: readonly TaggedSentence[],
  names: readonly SentenceNames[],
  evidence: readonly SentenceEvidence[],
): Map<string, RunEntity> {
  const totals = new Map<string, RunTotals>()
  names.forEach((n, si) => {
    for (const [i, e] of evidence[si]?.runs ?? []) {
      const span = n.names[i] as NameSpan
      // Words in lower case, so that "Al-Thani" is a part of "Mohammed al-Thani".
      const words = (sentences[si]?.tokens ?? [])
        .slice(span.first, span.last + 1)
        .filter((w) => /\p{L}/u.test(w.text))
        .map((w) => w.lower)
      const t = totals.get(span.surface) ?? {
        titled: false,
        speaks: false,
        agent: false,
        organisation: false,
        words,
      }
      t.titled ||= e.titled
      t.speaks ||= e.speaks
      t.agent ||= e.agent
      t.organisation ||= e.organisation
      totals.set(span.surface, t)
    }
  })
  const out = new Map<string, RunEntity>()
  // People of two words or more first, the longest first, so that "Jane Doe" joins "Jane Q. Doe".
  const people = [...totals.entries()]
    .filter(([, t]) => t.words.length >= 2 && !t.organisation && (t.titled || t.speaks))
    .sort((a, b) => b[1].words.length - a[1].words.length)
  const full: { surface: string; words: string[] }[] = []
  for (const [surface, t] of people) {
    const same = full.find((p) => t.words.every((w) => p.words.includes(w)))
    if (same === undefined) full.push({ surface, words: t.words })
    out.set(surface, { key: `person:${same?.surface ?? surface}`, kind: 'person' })
  }
  for (const [surface, t] of totals) {
    if (out.has(surface)) continue
    if (t.words.length === 1) {
      const word = t.words[0] ?? ''
      const owners = full.filter((p) => p.words.includes(word))
      if (owners.length === 1 && !t.organisation) {
        out.set(surface, { key: `person:${owners[0]?.surface}`, kind: 'person' })
        continue
      }
      if (owners.length > 1) continue
    }
    if (t.titled && !t.organisation) out.set(surface, { key: `person:${surface}`, kind: 'person' })
    else if (t.organisation || t.agent || (t.speaks && t.words.length === 1))
      out.set(surface, { key: `organisation:${surface}`, kind: 'organisation' })
  }
  // A demonym of a name the gazetteer does not know: "Sylvanian" of "Sylvania", "Freedonian officials".
  for (const [surface, t] of totals) {
    if (t.words.length !== 1) continue
    const base = [...out.entries()].find(
      ([name, e]) => e.kind === 'organisation' && !name.includes(' ') && isDemonymOf(surface, name),
    )
    if (base !== undefined) out.set(surface, { key: base[1].key, kind: 'organisation', demonym: true })
  }
  return out
}

/** Whether `word` is a demonym of `name`: its stem and an ending such as -n, -ian, -ese, -i, -ish. */
function isDemonymOf(word: string, name: string): boolean {
  if (name.length < 4 || word === name) return false
  const stem = name.replace(/[aeiouy]$/, '')
  return word.startsWith(stem) && /^(?:n|an|ian|ean|ese|i|ish|ic)$/.test(word.slice(stem.length))
}
