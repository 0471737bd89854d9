// Events from one sentence, with their sides (guidelines, section 5): the general types (calls, meetings,
// talks, strikes, agreements) by the cues below, and a case's own types ("aid_change", "sanctions") by
// the cues of its lexicon, read as one party's action towards others. Planned, expected or possible
// events are left out.
import * as chrono from 'chrono-node'
import type { Claim, EventType, ExtractedEvent, GeneralEventType } from '../core/index.ts'
import { namesDay } from '../ingest/index.ts'
import { HEDGE } from './_cues.ts'
import { isModifier, MAX_SENTENCE } from './claims.ts'
import {
  actorMentions,
  type CompiledLexicon,
  coordinated,
  isPrepositional,
  type Mention,
} from './mentions.ts'
import type { Sentence } from './sentences.ts'
import type { ExtractInput } from './types.ts'
import { wordPattern } from './words.ts'

const w = (s: string) => wordPattern(s)

const CUES: { type: GeneralEventType; re: RegExp }[] = [
  {
    type: 'call',
    re: w(
      '(?:phone|telephone|video)[- ](?:call|conversation)s?|(?:engaged in|held) (?:a|an|two|three|\\w+) (?:\\w+ )?(?:call|conversation)s?|spoke (?:by phone|on the phone|by telephone)|spoke (?:with|to) (?:[\\p{L}.’-]+ ){1,4}(?:by (?:phone|telephone)|on the phone)|call (?:between|with)',
    ),
  },
  { type: 'meeting', re: w('meetings?|met(?: with)?|summit|face-to-face talks|held talks with') },
  {
    type: 'talks',
    re: w(
      '(?:negotiations|talks|discussions|consultations) (?:in|at)(?= (?:the )?\\p{Lu})|round of (?:negotiations|talks)|(?:negotiations|talks|discussions) involving|indirect (?:talks|negotiations)|(?:talks|negotiations) (?:took place|were held|was held|opened|began) (?:in|at)',
    ),
  },
  {
    type: 'strike',
    re: w(
      '(?:strike|attack|assault)(?<=\\b(?:the|an?) (?:strike|attack|assault))(?= (?:on|against) )|(?:drone|missile|air|rocket|artillery)[- ](?:assault|attack|strike|barrage|raid)s?|airstrikes?|shelling|bombardment|launched (?:\\w+ ){0,4}(?:drones|missiles)|(?:drones?|missiles?|forces|troops|artillery) (?:struck|hit|attacked|shelled|bombed|pounded|targeted)',
    ),
  },
  {
    type: 'agreement',
    re: w(
      '(?:reached|signed|struck|concluded|sealed) (?:a|an|the) (?:\\w+ ){0,3}?(?:agreement|deal|accord|memorandum)',
    ),
  },
]

/** The cues of the event types looked for: the general ones, the lexicon's own before agreements. */
function cuesOf(lex: CompiledLexicon): { type: EventType; re: RegExp }[] {
  const general = CUES.filter((c) => lex.eventTypes.has(c.type))
  return [
    ...general.filter((c) => c.type !== 'agreement'),
    ...lex.eventCues,
    ...general.filter((c) => c.type === 'agreement'),
  ]
}

/** Words that make an event planned or hypothetical, when they come just before its cue. */
const NOT_YET =
  /\b(will|would|could|plans? to|planned|planning|expected to|expects to|scheduled|set to|upcoming|possible|potential|proposed|may(?!\s+\d)(?<!(?:\b(?:in|on|since|by|until|of|early|late|mid)|\d)\s+may)|might|hopes? to|intends? to|next)\b[^.]{0,40}$/i

export function eventsInSentence(
  sentence: Sentence,
  lex: CompiledLexicon,
  claims: Claim[],
  input: ExtractInput,
  /** Pronouns and epithets resolved to parties ("He also met …"). */
  pronouns: Mention[] = [],
  /** The parties named in the sentence, when the caller has found them already. */
  named?: Mention[],
): ExtractedEvent[] {
  const text = sentence.text
  if (text.length > MAX_SENTENCE) return []
  // "the two heads of state" stands for both of its parties.
  const expanded = pronouns.flatMap((m) => (m.group === undefined ? [m] : [m, { ...m, id: m.group }]))
  const actors = [...(named ?? actorMentions(text, lex)), ...expanded].sort((a, b) => a.start - b.start)
  if (actors.length === 0) return []
  const hedge = HEDGE.exec(text)?.[0]?.toLowerCase()
  HEDGE.lastIndex = 0
  const events: ExtractedEvent[] = []
  // The date is parsed only for a sentence that has an event: chrono is the costliest step of the reading.
  let date: string | null | undefined
  const add = (type: EventType, participants: string[], initiator?: string) => {
    const sides = [...new Set(participants)].sort()
    const key = sides.join(',')
    if (sides.length < 2 || events.some((e) => e.type === type && e.participants.join(',') === key)) return
    // One agreement per sentence: the parties that agreed.
    if (type === 'agreement' && events.some((e) => e.type === type)) return
    if (date === undefined) date = eventDate(text, input)
    events.push({
      type,
      participants: sides,
      date,
      quote: text,
      start: sentence.start,
      end: sentence.start + text.length,
      ...(initiator ? { initiator } : {}),
      ...(hedge ? { hedge } : {}),
    })
  }

  for (const { type, re } of cuesOf(lex)) {
    for (const m of text.matchAll(re)) {
      const start = m.index
      const end = start + m[0].length
      if (NOT_YET.test(text.slice(Math.max(0, start - 45), start))) continue
      // "rejected talks in Castel", "boycotted the summit": an event refused did not take place.
      if (REFUSED.test(text.slice(Math.max(0, start - 30), start))) continue
      if (type === 'call' || type === 'meeting')
        for (const set of sides(text, actors, start, end)) add(type, set)
      else if (type === 'talks')
        add(
          type,
          actors.filter((a) => !isLocative(text, a)).map((a) => a.id),
        )
      else if (type === 'strike') {
        const { attacker, participants } = strikeSides(text, actors, start, end)
        add(type, participants, attacker)
      } else if (type !== 'agreement') {
        // A case's own type: one party's action towards others ("Washington paused military aid to Kyiv").
        const provider = actors.filter((a) => a.end <= start && !isPrepositional(text, a)).pop()
        add(
          type,
          actors
            .filter(
              (a) => !/\bwith\s+(?:\p{L}+\s+){0,3}$/u.test(text.slice(Math.max(0, a.start - 40), a.start)),
            )
            .map((a) => a.id),
          provider?.id,
        )
      } else
        add(
          type,
          actors.filter((a) => !isPrepositional(text, a)).map((a) => a.id),
        )
    }
  }

  // An accepted proposal is an agreement between the acceptor and the proposer ("Kyiv agreed to the
  // U.S. ceasefire proposal"); agreeing only to keep talking is not one (guidelines, section 5).
  const accepts = claims.filter((c) => c.act === 'accept' && c.issue !== 'talks')
  const joint = [...new Set(accepts.map((c) => c.actor))]
  const agreed =
    lex.eventTypes.has('agreement') && !NOT_YET.test(text.slice(0, 40)) && !ONLY_TO_KEEP_TALKING.test(text)
  if (joint.length >= 2 && agreed) add('agreement', joint)
  // "… accepted Castia's proposal": the proposal's owner is the other party.
  const owner = actors.find((a) => PROPOSAL_OWNED.test(text.slice(a.end, a.end + 40)))
  for (const accept of accepts) {
    const proposers = [
      ...claims.filter((c) => c.act === 'propose' && c.actor !== accept.actor).map((c) => c.actor),
      ...(owner !== undefined && owner.id !== accept.actor ? [owner.id] : []),
    ]
    // Without a proposal of another party, an accept is no agreement ("agreed despite objections from B"):
    // the other party is the proposer, or, when the accept is of a plan or a framework, the other party named.
    const ofAPlan = PLAN_AFTER.test(text.slice(accept.start - sentence.start))
    const others =
      proposers.length > 0
        ? proposers
        : ofAPlan
          ? actors
              .filter((a) => a.id !== accept.actor && !a.adjective)
              .map((a) => a.id)
              .slice(0, 1)
          : []
    if (agreed && others.length > 0) add('agreement', [accept.actor, ...others])
  }
  return events
}

/**
 * Willingness, or agreeing only to keep working or talking, is no agreement (guidelines, section 5:
 * "agreeing only to keep talking is not one").
 */
const ONLY_TO_KEEP_TALKING =
  /\b(?:ready|willing|prepared|open) to\b|\bagree(?:s|d)? to (?:work|continue|keep|hold|discuss|negotiate|talk|meet)\b/i

/**
 * The sides of a strike: its attacker (the subject, or a party's adjective before the weapon: "Russian
 * drones", "an Arlandian attack") and its target ("on X", "against X"); with neither, the two parties named.
 */
function strikeSides(
  text: string,
  actors: Mention[],
  start: number,
  end: number,
): { attacker?: string; participants: string[] } {
  const weapon = (a: Mention) =>
    a.adjective === true &&
    /^[\s-]*(?:[\p{L}-]+\s+){0,1}(?:attacks?|strikes?|airstrikes?|drones?|missiles?)\b/iu.test(
      text.slice(a.end, a.end + 30),
    )
  // "Castia deplored the strike on X": the subject of a bare noun is not its attacker.
  const bare = /^(?:strike|attack|assault)$/i.test(text.slice(start, end))
  const subject = bare
    ? undefined
    : actors.filter((a) => a.end <= start + 1 && (a.adjective || !isPrepositional(text, a))).pop()?.id
  const attacker = subject ?? actors.find(weapon)?.id
  const on = /^\s+(?:on|against|targeting|at)\s+/i.exec(text.slice(end))
  const target = on ? actors.find((a) => a.start >= end && a.start <= end + on[0].length + 30)?.id : undefined
  if (attacker !== undefined && target !== undefined && attacker !== target)
    return { attacker, participants: [attacker, target] }
  const all = [...new Set(actors.map((a) => a.id))]
  return { ...(attacker !== undefined ? { attacker } : {}), participants: all.length === 2 ? all : [] }
}

const REFUSED =
  /\b(?:reject\w*|refus\w*|boycott\w*|cancel\w*|postpon\w*|call\w* off|skipp\w*|snubb\w*)\s+(?:the\s+|a\s+|any\s+)?(?:[\p{L}-]+\s+)?$/iu

const PLAN_AFTER =
  /\b(?:accept\w*|agree\w*|approv\w*|endors\w*)\b[^,;]{0,40}\b(?:proposal|plan|framework|offer|initiative)\b/i

const PROPOSAL_OWNED = /^[’']s\s+(?:[\p{L}-]+\s+){0,2}?(?:proposal|plan|framework|offer|initiative)\b/u

/** Where a "with …" list of counterparts ends: a clause, a time or a purpose. */
const WITH_LIST_END =
  /[;.]|\b(?:after|before|to|where|which|who|during|following|amid|about|regarding|over|on|in)\s/

/**
 * The sides of a call or meeting, one set per counterpart: "between A and B", or the subject with each
 * party of its "with …" list ("talked with Castian envoys and, later, Borvian delegates").
 */
function sides(text: string, actors: Mention[], start: number, end: number): string[][] {
  const ids = pairSides(text, actors, start, end)
  const subject = ids[ids.length - 1]
  const withAt = /\bwith(?:\s|$)/i.exec(text.slice(start, end + 40))
  if (subject === undefined || withAt === null || ids.length !== 2) return [ids]
  const from = start + withAt.index + withAt[0].length
  const stop = WITH_LIST_END.exec(text.slice(from + 1, from + 160))
  const to = stop === null ? Math.min(text.length, from + 160) : from + 1 + stop.index
  const partners = [...new Set(actors.filter((a) => a.start >= from && a.end <= to).map((a) => a.id))]
  const sets = partners.filter((id) => id !== subject).map((id) => [subject, id])
  return sets.length > 0 ? sets : [ids]
}

/** The sides of a call or meeting: "between A and B", or the subject and "with B". */
function pairSides(text: string, actors: Mention[], start: number, end: number): string[] {
  const after = text.slice(end, end + 110)
  const between =
    /^[^,;]{0,30}?\bbetween\b([^;]*?)(?:,|$|\b(?:in|on|failed|ended|has|have|was|were|came)\b)/i.exec(after)
  if (between) {
    const from = end + (between.index ?? 0)
    const to = from + between[0].length
    const inside = actors.filter((a) => a.start >= from && a.end <= to).map((a) => a.id)
    if (new Set(inside).size >= 2) return inside
  }
  const ids: string[] = []
  const inside = text.slice(start, end)
  const withInside = /\bwith(?:\s|$)/i.exec(inside)
  const withMatch = withInside ? null : /^[^,.;]{0,40}?\bwith\b/i.exec(after)
  if (withInside) {
    const from = start + withInside.index + withInside[0].length
    const partner = actors.find((a) => a.start >= from && a.start <= from + 60)
    if (partner) ids.push(partner.id)
  } else if (withMatch) {
    const from = end + withMatch[0].length
    const partner = actors.find((a) => a.start >= from && a.start <= from + 50)
    if (partner) ids.push(partner.id)
  } else {
    const partner = actors.find((a) => a.start >= end && a.start <= end + 25)
    if (partner && /^\s+(?:with\s+)?$/.test(text.slice(end, partner.start).replace(/\b(the|a)\b/g, '')))
      ids.push(partner.id)
  }
  const subjects = actors.filter((a) => a.end <= start && !isPrepositional(text, a) && !isModifier(text, a))
  const subject = subjects.pop()
  if (subject) {
    ids.push(subject.id)
    // "US President Donald Trump and Russian President Vladimir Putin recently engaged in a call".
    // Walk back over the list the subject ends ("A and B", "A, B and C"), past its own titles.
    let last = subject
    for (let other = subjects.pop(); other !== undefined; other = subjects.pop()) {
      if (other.id === last.id && /^[\s\p{L}.’'-]*$/u.test(text.slice(other.end, last.start))) {
        last = other
        continue
      }
      if (!coordinated(text, other, last)) break
      ids.push(other.id)
      last = other
    }
  } else {
    // "Following a meeting with Zelensky, Trump halted …": the main clause's subject comes after.
    const comma = text.indexOf(',', end)
    const later = comma >= 0 ? actors.find((a) => a.start > comma && !isPrepositional(text, a)) : undefined
    if (later) ids.push(later.id)
  }
  return ids
}

/** "in Saudi Arabia", "in Moscow": a place where talks are held is not a side. */
function isLocative(text: string, m: Mention): boolean {
  return /\b(?:in|at|near|across|throughout)\s+(?:the\s+)?$/i.test(
    text.slice(Math.max(0, m.start - 20), m.start),
  )
}

/** The day the sentence fixes for its event: an explicit date, or a weekday resolved against a real (not estimated) article date. */
function eventDate(text: string, input: ExtractInput): string | null {
  const reference = input.date && !input.date.estimated ? new Date(`${input.date.date}T12:00:00Z`) : undefined
  for (const r of chrono.parse(text, reference ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })) {
    if (!namesDay(r.text, { weekday: true })) continue
    if (!/\b(?:19|20)\d{2}\b/.test(r.text) && reference === undefined) continue
    if (r.end !== undefined && r.end !== null && r.end.get('day') !== r.start.get('day')) continue // a range
    const y = r.start.get('year')
    const m = r.start.get('month')
    const d = r.start.get('day')
    if (y && m && d) return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  }
  return null
}

/** The lexical patterns of this file by name, for the audit of rules (`rules.ts`). */
export const EVENT_RULES: readonly { name: string; re: RegExp }[] = [
  ...CUES.map((c) => ({ name: `event ${c.type}`, re: c.re })),
  { name: 'not yet', re: NOT_YET },
  { name: 'only to keep talking', re: ONLY_TO_KEEP_TALKING },
]
