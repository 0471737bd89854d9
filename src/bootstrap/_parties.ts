// Parties over all the articles. The gazetteer's countries and organisations, and the people and
// organisations of _runs.ts; each person and organisation joins the party its ties in the text vote
// for most (_evidence.ts), following the chain (a spokesman to his ministry, the ministry to its
// country); a person tied both to an organisation and to a state ties the organisation to that state.
import { readEvidence } from './_evidence.ts'
import type { Known } from './_gazetteer.ts'
import type { NameSpan, SentenceNames } from './_names.ts'
import { partyId, pickExamples } from './_proposal.ts'
import { classifyRuns } from './_runs.ts'
import type { TaggedSentence } from './_sentence.ts'
import type { ProposedParty } from './types.ts'

interface Entity {
  key: string
  kind: ProposedParty['kind']
  known?: Known
  /** Surface forms (names and aliases) with their counts. */
  forms: Map<string, number>
  demonyms: Map<string, number>
  /** Sentences of its mentions, once per mention. */
  mentions: number[]
  votes: Map<string, number>
  /** Sentences that tie it to another name. */
  ties: number[]
}

export interface PartyReading {
  parties: ProposedParty[]
  /** Per sentence, per word: 1 where a party, a person, an organisation or a news source is named. */
  named: Uint8Array[]
}

export function readParties(
  sentences: readonly TaggedSentence[],
  names: readonly SentenceNames[],
  articleNames: readonly string[],
  minCount: number,
  maxParties: number,
): PartyReading {
  const evidence = sentences.map((s, i) => readEvidence(s, names[i] as SentenceNames))
  const entityOf = classifyRuns(sentences, names, evidence)
  const entities = new Map<string, Entity>()
  const entity = (key: string, kind: Entity['kind'], known?: Known): Entity => {
    let e = entities.get(key)
    if (e === undefined) {
      e = { key, kind, forms: new Map(), demonyms: new Map(), mentions: [], votes: new Map(), ties: [] }
      if (known !== undefined) e.known = known
      entities.set(key, e)
    }
    return e
  }
  const keyOf = (span: NameSpan): string | undefined =>
    span.news ? undefined : span.known ? `known:${span.known.known.id}` : entityOf.get(span.surface)?.key
  const named = sentences.map((s) => new Uint8Array(s.tokens.length))

  names.forEach((n, si) => {
    n.title.forEach((isTitle, k) => {
      if (isTitle === 1) named[si]?.fill(1, k, k + 1)
    })
    for (const span of n.names) {
      const key = keyOf(span)
      if (key !== undefined || span.news) named[si]?.fill(1, span.first, span.last + 1)
      if (key === undefined || span.locative) continue
      const e = span.known
        ? entity(key, span.known.known.kind, span.known.known)
        : entity(key, entityOf.get(span.surface)?.kind ?? 'organisation')
      const demonym = span.known ? span.known.role === 'demonym' : entityOf.get(span.surface)?.demonym
      const forms = demonym ? e.demonyms : e.forms
      forms.set(span.surface, (forms.get(span.surface) ?? 0) + 1)
      e.mentions.push(si)
      // "the Trump administration", "the Doe government": a person's government is their party's.
      const after = sentences[si]?.tokens[span.last + 1]
      if (e.kind === 'person' && after !== undefined && /^(?:administration|government)$/.test(after.text)) {
        const form = `${span.surface} ${after.text}`
        e.forms.set(form, (e.forms.get(form) ?? 0) + 1)
      }
    }
  })
  // A headline is not read for names (_names.ts); the words of the names found elsewhere are marked in it.
  const nameWords = new Set([...entityOf.keys()].flatMap((surface) => surface.split(/\s+/)))
  sentences.forEach((s, si) => {
    if (!s.titleCase) return
    s.tokens.forEach((t, k) => {
      if (t.cap && nameWords.has(t.text)) named[si]?.fill(1, k, k + 1)
    })
  })
  names.forEach((n, si) => {
    for (const tie of evidence[si]?.ties ?? []) {
      const from = keyOf(n.names[tie.from] as NameSpan)
      const to = keyOf(n.names[tie.to] as NameSpan)
      const source = from === undefined ? undefined : entities.get(from)
      if (source === undefined || to === undefined || from === to || source.known) continue
      if (!entities.has(to)) continue
      source.votes.set(to, (source.votes.get(to) ?? 0) + 1)
      source.ties.push(si)
    }
  })
  tieOrganisationsThroughPeople(entities)
  const groups = new Map<string, Entity[]>()
  for (const e of entities.values()) {
    const root = rootOf(e, entities)
    groups.set(root.key, [...(groups.get(root.key) ?? []), e])
  }
  const parties = [...groups.entries()]
    .map(([key, members]) => toParty(entities.get(key) as Entity, members, sentences, articleNames))
    .filter((p) => p.count >= minCount)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, maxParties)
  // Ids and forms once each: a lexicon with an alias of two parties is invalid (issue 19, point 3).
  const ids = new Set<string>()
  const forms = new Set<string>()
  for (const p of parties) {
    let id = p.id
    for (let k = 2; ids.has(id); k++) id = `${p.id}_${k}`
    p.id = id
    ids.add(id)
    p.aliases = p.aliases.filter((a) => !forms.has(a))
    p.adjectives = p.adjectives.filter((a) => !forms.has(a) && !p.aliases.includes(a))
    for (const f of [...p.aliases, ...p.adjectives]) forms.add(f)
  }
  return { parties, named }
}

/**
 * "Blue House spokesman Ana Kim" and "Freedonian presidential spokesman Ana Kim": the organisation
 * belongs to the state. A state is in the gazetteer or has a demonym in the articles.
 */
function tieOrganisationsThroughPeople(entities: Map<string, Entity>): void {
  const isState = (e: Entity) => e.known !== undefined || e.demonyms.size > 0
  for (const person of entities.values()) {
    if (person.kind !== 'person') continue
    const targets = [...person.votes.keys()].map((k) => entities.get(k) as Entity)
    const known = targets.filter(isState)
    for (const org of targets.filter((t) => t.kind === 'organisation' && !isState(t))) {
      for (const k of known)
        org.votes.set(k.key, (org.votes.get(k.key) ?? 0) + (person.votes.get(k.key) ?? 0))
    }
  }
}

/** The party an entity speaks for: the target of most votes, followed to an entity with none. */
function rootOf(e: Entity, entities: Map<string, Entity>): Entity {
  const seen = new Set<string>()
  let current = e
  for (;;) {
    seen.add(current.key)
    let best: string | undefined
    let most = 0
    for (const [key, n] of current.votes) {
      if (n > most) {
        best = key
        most = n
      }
    }
    const next = best === undefined ? undefined : entities.get(best)
    if (next === undefined || seen.has(next.key)) return current
    current = next
  }
}

function toParty(
  root: Entity,
  members: Entity[],
  sentences: readonly TaggedSentence[],
  articleNames: readonly string[],
): ProposedParty {
  const byCount = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([f]) => f)
  const ordered = [root, ...members.filter((m) => m !== root)]
  const name = root.known?.name ?? byCount(root.forms)[0] ?? root.key
  const aliases = [
    ...new Set([...(root.known ? [root.known.name] : []), ...ordered.flatMap((m) => byCount(m.forms))]),
  ]
  const adjectives = [...new Set(ordered.flatMap((m) => byCount(m.demonyms)))]
  const ties = members.flatMap((m) => m.ties)
  const mentions = members.flatMap((m) => m.mentions)
  return {
    id: root.known?.id ?? partyId(name),
    name,
    // A party with a demonym that the gazetteer does not know is most likely a country.
    kind: root.known === undefined && root.demonyms.size > 0 ? 'country' : root.kind,
    aliases,
    adjectives,
    count: mentions.length,
    examples: pickExamples([...ties, ...[...mentions].sort((a, b) => a - b)], sentences, articleNames),
  }
}
