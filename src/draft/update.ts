// Update a scenario from new articles: a reviewable change set ("RU position on energy_strikes
// 20 → 60"), each change with the claims behind it; the analyst accepts some, and the scenario text is
// rewritten with them, keeping its comments and recording each accepted change in `history`.
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml'
import { InputError } from '../core/index.ts'
import type { Lexicon } from '../extract/index.ts'
import type { Evidence, Scenario } from '../scenario/index.ts'
import {
  type DraftCondition,
  type DraftEvent,
  type DraftSource,
  type DraftStance,
  draftScenario,
  type StanceReadings,
  sourceOf,
} from './draft.ts'
import { lexiconFromScenario } from './lexicon.ts'
import type { DraftArticle } from './readings.ts'

/** A stance of the scenario being updated. */
type ScenarioStance = Scenario['stances'][number]

export type UpdateKind = 'position' | 'stance' | 'red_line' | 'condition' | 'contradiction' | 'event'

export interface ScenarioUpdate {
  id: string
  kind: UpdateKind
  party?: string
  issue?: string
  from?: number | string | null
  to?: number | string | null
  summary: string
  /** The claims behind the change, with their article's date. */
  evidence: (Evidence & { date?: string | undefined })[]
  /** What accepting the change writes. */
  write:
    | { stance: DraftStance }
    | { position: DraftStance['position'] }
    | { acceptable: NonNullable<DraftStance['acceptable']> }
    | { condition: DraftCondition }
    | { note: string }
    | { event: DraftEvent }
}

export interface UpdateSet {
  /** The articles read as new: not among the scenario's sources. */
  newArticles: { id: string; file: string; date?: string | undefined; claims: number }[]
  /** Articles the scenario already cites (same content), skipped. */
  known: number
  changes: ScenarioUpdate[]
  /** The sources the changes cite, added to the scenario with the changes accepted. */
  sources: DraftSource[]
  /** Parties and issues of the new claims that the scenario does not model. */
  unmodelledParties: string[]
  unmodelledIssues: string[]
}

/**
 * The changes new articles propose to a scenario. `knownHashes` are the content hashes of the
 * scenario's own sources: articles with those hashes are not new. Pure.
 */
export function proposeUpdates(
  scenario: Scenario,
  articles: readonly DraftArticle[],
  lexicon: Lexicon,
  options: { knownHashes?: ReadonlySet<string>; asOf?: string | undefined } = {},
): UpdateSet {
  const fresh = findNewArticles(scenario, articles, options.knownHashes)
  const parties = scenario.parties.map((p) => p.id)
  const drafted = draftScenario({
    articles: fresh,
    lexicon: lexiconFromScenario(scenario, lexicon),
    parties,
    issues: scenario.issues.map((i) => i.id),
    asOf: options.asOf,
    from: 'new articles',
  })
  const dates = new Map(fresh.map((a) => [a.id, a.date?.date]))
  const proposed = [
    ...proposeForStances(scenario, drafted.scenario.stances, dates),
    ...proposeContradictions(scenario, drafted.readings, dates),
    ...proposeConditions(scenario, drafted.scenario.conditions, dates),
    ...proposeEvents(scenario, drafted.scenario.events, dates),
  ]
  return {
    newArticles: fresh.map((a) => ({ id: a.id, file: a.file, date: a.date?.date, claims: a.claims.length })),
    known: articles.length - fresh.length,
    changes: proposed.map((c, i) => ({ id: `c${i + 1}`, ...c })),
    sources: fresh.map(sourceOf),
    unmodelledParties: listUnmodelledParties(fresh, parties),
    unmodelledIssues: listUnmodelledIssues(fresh, scenario),
  }
}

/** Day of each new article, by source id. */
type ArticleDates = ReadonlyMap<string, string | undefined>

/** The articles the scenario does not cite yet (by content hash or file); a new one may not reuse a source id. */
function findNewArticles(
  scenario: Scenario,
  articles: readonly DraftArticle[],
  knownHashes: ReadonlySet<string> | undefined,
): DraftArticle[] {
  const knownFiles = new Set(scenario.sources.map((s) => s.file))
  const isKnown = (a: DraftArticle) =>
    (a.contentHash !== undefined && knownHashes?.has(a.contentHash)) || knownFiles.has(a.file)
  const fresh = articles.filter((a) => !isKnown(a))
  const taken = new Set(scenario.sources.map((s) => s.id))
  const clash = fresh.find((a) => taken.has(a.id))
  if (clash !== undefined)
    throw new InputError(`source id "${clash.id}" of ${clash.file} is already in the scenario`)
  return fresh
}

/** The evidence, each quote with the day of its article. */
function withDates(evidence: readonly Evidence[], dates: ArticleDates): ScenarioUpdate['evidence'] {
  return evidence.map((x) => ({ ...x, date: dates.get(x.source) }))
}

/** A position as the summaries print it: the number, and the label of the scenario's option there. */
function labelPosition(scenario: Scenario, issueId: string, v: number | null | undefined): string {
  const o = scenario.issues.find((i) => i.id === issueId)?.options.find((x) => x.position === v)
  return o === undefined ? String(v) : `${v} (“${o.label}”)`
}

/** What the drafted stances propose, in the draft's order: new stances, then per stance its position and red line. */
function proposeForStances(
  scenario: Scenario,
  stances: readonly DraftStance[],
  dates: ArticleDates,
): Omit<ScenarioUpdate, 'id'>[] {
  return stances.flatMap((d) => {
    const current = scenario.stances.find((s) => s.party === d.party && s.issue === d.issue)
    if (current === undefined) return d.position.value === null ? [] : [proposeStance(scenario, d, dates)]
    return [proposePosition(scenario, current, d, dates), proposeRedLine(current, d, dates)].filter(
      (x) => x !== undefined,
    )
  })
}

/** A drafted stance on which the scenario has none, proposed whole. */
function proposeStance(scenario: Scenario, d: DraftStance, dates: ArticleDates): Omit<ScenarioUpdate, 'id'> {
  return {
    party: d.party,
    issue: d.issue,
    kind: 'stance',
    from: null,
    to: d.position.value,
    summary: `new stance: ${d.party} on ${d.issue} at ${labelPosition(scenario, d.issue, d.position.value)}, salience ${d.salience.value} by the draft rule`,
    evidence: withDates(d.position.evidence ?? [], dates),
    write: { stance: d },
  }
}

/** The drafted position of a stance, when it differs from the scenario's. */
function proposePosition(
  scenario: Scenario,
  current: ScenarioStance,
  d: DraftStance,
  dates: ArticleDates,
): Omit<ScenarioUpdate, 'id'> | undefined {
  const was = current.position.value
  if (d.position.value === null || d.position.value === was) return undefined
  return {
    party: d.party,
    issue: d.issue,
    kind: 'position',
    from: was,
    to: d.position.value,
    summary: `${d.party} position on ${d.issue} ${was} → ${labelPosition(scenario, d.issue, d.position.value)}`,
    evidence: withDates(d.position.evidence ?? [], dates),
    write: { position: d.position },
  }
}

/** The drafted acceptable range of a stance, when it holds the stance's position and differs from the scenario's. */
function proposeRedLine(
  current: ScenarioStance,
  d: DraftStance,
  dates: ArticleDates,
): Omit<ScenarioUpdate, 'id'> | undefined {
  const now = d.position.value ?? current.position.value
  const red = d.acceptable
  const old = current.acceptable
  const holdsPosition = red !== undefined && red.min <= now && now <= red.max
  if (!holdsPosition || (old?.min === red.min && old?.max === red.max)) return undefined
  return {
    party: d.party,
    issue: d.issue,
    kind: 'red_line',
    from: old === undefined ? null : `${old.min}–${old.max}`,
    to: `${red.min}–${red.max}`,
    summary: `${d.party} red line on ${d.issue}: acceptable ${old === undefined ? 'none' : `${old.min}–${old.max}`} → ${red.min}–${red.max}`,
    evidence: withDates(red.evidence, dates),
    write: { acceptable: red },
  }
}

/** Contradicted stances, in the scenario's order: a new rejection of the very option a stance holds. */
function proposeContradictions(
  scenario: Scenario,
  readings: ReadonlyMap<string, StanceReadings>,
  dates: ArticleDates,
): Omit<ScenarioUpdate, 'id'>[] {
  return scenario.stances.flatMap((current) => {
    const r = readings.get(`${current.party}/${current.issue}`)
    const issue = scenario.issues.find((i) => i.id === current.issue)
    if (r === undefined || issue === undefined) return []
    const at = issue.options.findIndex((o) => o.position === current.position.value)
    const against = r.rejections.filter((x) => x.lo <= at && at <= x.hi)
    if (at < 0 || against.length === 0) return []
    const first = against[0] as (typeof against)[number]
    return [
      {
        party: current.party,
        issue: current.issue,
        kind: 'contradiction',
        from: current.position.value,
        to: current.position.value,
        summary: `${current.party} rejects “${first.phrase}”, the option its stance on ${current.issue} holds (${labelPosition(scenario, current.issue, current.position.value)}); accepting records it in the stance's note`,
        evidence: withDates(
          against.map((x) => ({ source: x.article.id, quote: x.claim.quote })),
          dates,
        ),
        write: {
          note: `Contradicted by ${against.map((x) => `${x.article.id}${x.article.date ? ` (${x.article.date.date})` : ''}`).join(', ')}: ${current.party} rejects “${first.phrase}”.`,
        },
      },
    ]
  })
}

/** What identifies a condition across scenario and draft: its party, issue and required issue. */
const conditionKey = (c: { party: string; issue: string; requires: { issue: string } }) =>
  `${c.party}/${c.issue}/${c.requires.issue}`

/** The drafted conditions the scenario lacks, each with an id the scenario does not use yet. */
function proposeConditions(
  scenario: Scenario,
  conditions: readonly DraftCondition[],
  dates: ArticleDates,
): Omit<ScenarioUpdate, 'id'>[] {
  const known = new Set(scenario.conditions.map(conditionKey))
  const ids = new Set(scenario.conditions.map((c) => c.id))
  return conditions
    .filter((c) => !known.has(conditionKey(c)))
    .map((c) => {
      const id = takeUniqueId(c.id, ids)
      return {
        party: c.party,
        issue: c.issue,
        kind: 'condition',
        from: null,
        to: id,
        summary: `new condition: ${c.summary}`,
        evidence: withDates(c.evidence, dates),
        write: { condition: { ...c, id } },
      }
    })
}

/** What identifies an event across scenario and draft: its type, day and participants. */
const eventKey = (e: { type: string; date: string; participants: readonly string[] }) =>
  `${e.type}/${e.date}/${[...e.participants].sort().join(',')}`

/** The drafted events not on the scenario's timeline, each with an id the scenario does not use yet. */
function proposeEvents(
  scenario: Scenario,
  events: readonly DraftEvent[],
  dates: ArticleDates,
): Omit<ScenarioUpdate, 'id'>[] {
  const known = new Set(scenario.events.map(eventKey))
  const ids = new Set(scenario.events.map((e) => e.id))
  return events
    .filter((e) => !known.has(eventKey(e)))
    .map((e) => {
      const id = takeUniqueId(e.id, ids)
      return {
        kind: 'event',
        from: null,
        to: id,
        summary: `new event on ${e.date}${e.date_estimated ? ' (estimated)' : ''}: ${e.summary}`,
        evidence: withDates(e.evidence, dates),
        write: { event: { ...e, id } },
      }
    })
}

/** `id`, or else the first of `id-2`, `id-3`, … that is not taken; adds it to `taken`. */
function takeUniqueId(id: string, taken: Set<string>): string {
  let unique = id
  for (let n = 2; taken.has(unique); n++) unique = `${id}-${n}`
  taken.add(unique)
  return unique
}

/** The actors of the new claims that the scenario does not model, sorted. */
function listUnmodelledParties(fresh: readonly DraftArticle[], parties: readonly string[]): string[] {
  const unmodelled = new Set(
    fresh.flatMap((a) => a.claims.map((c) => c.actor)).filter((p) => !parties.includes(p)),
  )
  return [...unmodelled].sort()
}

/** The issues (held or required) of the new claims that the scenario does not model, sorted. */
function listUnmodelledIssues(fresh: readonly DraftArticle[], scenario: Scenario): string[] {
  return [...new Set(fresh.flatMap((a) => a.claims.flatMap((c) => [c.issue, c.condition_issue ?? c.issue])))]
    .filter((i) => !scenario.issues.some((x) => x.id === i))
    .sort()
}

/** Which changes to accept: every one, or a list of ids. Unknown ids are an error. */
export function selectUpdates(set: UpdateSet, accept: 'all' | readonly string[]): ScenarioUpdate[] {
  if (accept === 'all') return set.changes
  const unknown = accept.filter((id) => !set.changes.some((c) => c.id === id))
  if (unknown.length > 0)
    throw new InputError(
      `no change ${unknown.join(', ')} in this change set; it has ${set.changes.map((c) => c.id).join(', ') || 'none'}`,
    )
  return set.changes.filter((c) => accept.includes(c.id))
}

/**
 * The scenario text with the accepted changes written in place (comments kept), the sources they cite
 * added, and one `history` entry per change: which change, from which claims, accepted on `acceptedOn`.
 */
export function writeUpdates(
  text: string,
  set: UpdateSet,
  accepted: readonly ScenarioUpdate[],
  acceptedOn: string,
): string {
  const doc = parseDocument(text)
  if (doc.errors.length > 0) throw new InputError(`the scenario does not parse: ${doc.errors[0]?.message}`)
  const list = (name: string): YAMLSeq => {
    const existing = doc.get(name)
    if (isSeq(existing)) return existing
    const seq = doc.createNode([]) as YAMLSeq
    doc.set(name, seq)
    return seq
  }
  const stanceOf = (party: string, issue: string): YAMLMap => {
    const found = list('stances').items.find(
      (item): item is YAMLMap => isMap(item) && item.get('party') === party && item.get('issue') === issue,
    )
    if (found === undefined) throw new InputError(`no stance of ${party} on ${issue} in the scenario`)
    return found
  }
  const cited = new Set<string>()
  for (const c of accepted) {
    for (const e of c.evidence) cited.add(e.source)
    const w = c.write
    if ('stance' in w) list('stances').add(doc.createNode(w.stance))
    else if ('position' in w)
      stanceOf(c.party ?? '', c.issue ?? '').set('position', doc.createNode(w.position))
    else if ('acceptable' in w)
      stanceOf(c.party ?? '', c.issue ?? '').set('acceptable', doc.createNode(w.acceptable))
    else if ('note' in w) {
      const stance = stanceOf(c.party ?? '', c.issue ?? '')
      const before = stance.get('note')
      stance.set('note', typeof before === 'string' ? `${before} ${w.note}` : w.note)
    } else if ('condition' in w) list('conditions').add(doc.createNode(w.condition))
    else list('events').add(doc.createNode(w.event))
  }
  const sources = list('sources')
  const added = set.sources.filter((s) => cited.has(s.id))
  for (const s of added) sources.add(doc.createNode(s))
  // The scenario now stands as of its newest source.
  const asOf = doc.getIn(['meta', 'as_of'])
  const newest = added
    .map((s) => s.date ?? '')
    .sort()
    .pop()
  if (newest && (typeof asOf !== 'string' || newest > asOf)) doc.setIn(['meta', 'as_of'], newest)
  const history = list('history')
  for (const c of accepted) {
    history.add(
      doc.createNode({
        change: c.id,
        kind: c.kind,
        summary: c.summary,
        ...(c.from === undefined ? {} : { from: c.from }),
        ...(c.to === undefined ? {} : { to: c.to }),
        evidence: c.evidence.map((e) => ({ source: e.source, quote: e.quote })),
        accepted: acceptedOn,
      }),
    )
  }
  // A JSON scenario stays JSON (which YAML readers read too); a YAML one keeps its comments and layout.
  if (text.trimStart().startsWith('{')) return `${JSON.stringify(doc.toJS(), null, 2)}\n`
  return doc.toString({ lineWidth: 0 })
}
