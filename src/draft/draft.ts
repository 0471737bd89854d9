// Draft a scenario from claims and events. Pure: the articles arrive with their claims, the lexicon
// gives the parties, the issues and each issue's ordered options with the words that name them.
// Every drafted number cites the claims behind it; a number no claim supports stays empty (null) and
// is listed in `draft.empty`, never guessed. The rules are stated in `draft.rules` of the result.

import type { Claim, ExtractedEvent } from '../core/index.ts'
import type { CompiledLexicon, Lexicon, LexiconIssue } from '../extract/index.ts'
import { compileLexicon } from '../extract/index.ts'
import type { Evidence, Scenario } from '../scenario/index.ts'
import {
  type CompiledIssue,
  compileIssue,
  type DraftArticle,
  positionReading,
  type Reading,
  rejectionReading,
} from './readings.ts'

/** A number of a draft: its value, or null when no claim supports it. */
export interface DraftNumber {
  value: number | null
  evidence?: Evidence[]
  assumption?: string
}

export interface DraftStance {
  party: string
  issue: string
  position: DraftNumber
  salience: DraftNumber
  acceptable?: { min: number; max: number; evidence: Evidence[]; assumption: string }
}

export interface DraftCondition {
  id: string
  party: string
  issue: string
  requires: { issue: string; min?: number; max?: number }
  relation: 'after'
  min_days?: number
  summary: string
  evidence: Evidence[]
}

export interface DraftEvent {
  id: string
  date: string
  date_estimated: boolean
  date_basis?: string
  type: ExtractedEvent['type']
  participants: string[]
  initiator?: string
  summary: string
  evidence: Evidence[]
}

export interface DraftSource {
  id: string
  file: string
  title: string
  date?: string
  date_estimated: boolean
  date_basis?: string
  url?: string
}

/** A scenario with holes: the shape of a Scenario file, where an unsupported number is null. */
export interface DraftScenario {
  meta: { id: string; title: string; as_of: string | null; description: string }
  sources: DraftSource[]
  parties: { id: string; name: string; aliases: string[]; capability: DraftNumber }[]
  issues: { id: string; name: string; description: string; options: { label: string; position: number }[] }[]
  stances: DraftStance[]
  conditions: DraftCondition[]
  events: DraftEvent[]
  draft: { from: string; as_of?: string; rules: string[]; empty: { path: string; reason: string }[] }
}

export interface DraftInput {
  articles: readonly DraftArticle[]
  lexicon: Lexicon
  /** Party ids to model; default every party that is the actor of a claim. */
  parties?: readonly string[] | undefined
  /** Issue ids to model; default every issue with options on which a chosen party made a claim. */
  issues?: readonly string[] | undefined
  /** Only articles dated up to this day (YYYY-MM-DD); undated articles are then left out. */
  asOf?: string | undefined
  /** Where the claims came from, for `draft.from`. */
  from: string
  meta?: { id?: string; title?: string } | undefined
}

/** What a stance was drafted from, for reviewing and for `scenario update`. */
export interface StanceReadings {
  positions: Reading[]
  rejections: (Reading & { strong: boolean })[]
  /** Every claim of the party on the issue, for salience. */
  claims: { claim: Claim; article: DraftArticle }[]
}

export interface DraftResult {
  scenario: DraftScenario
  /** Articles left out, with why (after --as-of, undated). */
  excluded: { file: string; reason: string }[]
  readings: Map<string, StanceReadings>
}

/** A claim in the lead (the first quarter of its article) weighs this much more for salience. */
export const LEAD_BONUS = 0.5
/** At most this many quotes back a salience; the assumption gives the full count. */
const MAX_SALIENCE_QUOTES = 6

export const DRAFT_RULES = [
  'Parties: the actors of the claims (or the chosen ones), named as in the lexicon.',
  "Issues: the lexicon's issues with ordered options on which a chosen party made a claim (or the chosen ones).",
  "Position: the option a demand, proposal or acceptance names, read with the issue's option cues (nearest to the party's mention); a claim naming no option counts for the issue's default option; a condition holding the issue back places the party at its conditional option, and a condition requiring an issue places the party at the option it names there. The latest claim decides (by article date, then place in the article); earlier claims that agree with it, or narrow an ‘or beyond’ reading, join its evidence, and the first earlier claim that disagrees stops the search and is named in the assumption.",
  `Salience: 100 × the party's claim weight on the issue ÷ its largest claim weight on any issue, where a claim weighs 1, plus ${LEAD_BONUS} when it stands in the first quarter of its article.`,
  "Red line: a rejection in strong words (never, will not, rules out, non-negotiable, firmly, any, …) that names an option rules out that option and everything beyond it on the far side of the party's position; the acceptable range stops at the nearest option short of it.",
  "Conditions: every condition claim, relation 'after', with its minimum days; the required state is the option its words name for the required issue (at least it in the upper half of the scale, at most it in the lower half), else any settlement of that issue.",
  'Events: the extracted events, dated by the article when they carry no date of their own; the same type, day and participants in several articles is one event.',
  'Capability: no claim states one, so it stays empty unless a base scenario gives it.',
]

const key = (party: string, issue: string) => `${party}/${issue}`

/** A claim with the article it stands in. */
type ArticleClaim = { claim: Claim; article: DraftArticle }

/** The draft scenario the articles' claims and events support, with the readings behind each stance. */
export function draftScenario(input: DraftInput): DraftResult {
  const lex = compileLexicon(input.lexicon)
  const { articles, excluded } = articlesUpTo(input.articles, input.asOf)
  const claims = articles.flatMap((article) => article.claims.map((claim) => ({ claim, article })))
  const partyIds = chooseParties(input, claims)
  const chosen = new Set(partyIds)
  const issues = chooseIssues(input, claims, chosen)
  const compiled = new Map(issues.map((i) => [i.id, compileIssue(i)]))
  const readings = readStances(claims, chosen, compiled, lex)
  const stances = draftStances(issues, partyIds, readings, compiled)
  const conditions = draftConditions(claims, chosen, compiled, lex)
  const events = draftEvents(articles, chosen)
  const parties = partyIds.map((id) => draftParty(id, input.lexicon))
  const asOf = input.asOf ?? latestDate(articles)
  const cited = citedSources(stances, conditions, events)
  const scenario: DraftScenario = {
    meta: draftMeta(input, asOf, claims.length, articles.length),
    sources: articles.filter((a) => cited.has(a.id)).map(sourceOf),
    parties,
    issues: issues.map(draftIssue),
    stances,
    conditions,
    events,
    draft: {
      from: input.from,
      ...(input.asOf ? { as_of: input.asOf } : {}),
      rules: DRAFT_RULES,
      empty: listEmptyNumbers(stances, readings, parties, asOf),
    },
  }
  return { scenario, excluded, readings }
}

/** The articles dated up to `asOf` (all of them without it), and the others with why they are left out. */
function articlesUpTo(
  all: readonly DraftArticle[],
  asOf: string | undefined,
): { articles: DraftArticle[]; excluded: DraftResult['excluded'] } {
  const excluded: DraftResult['excluded'] = []
  const articles = all.filter((a) => {
    if (asOf === undefined) return true
    if (a.date === undefined) {
      excluded.push({ file: a.file, reason: 'undated, so it cannot be placed before --as-of' })
      return false
    }
    if (a.date.date > asOf) {
      excluded.push({ file: a.file, reason: `dated ${a.date.date}, after ${asOf}` })
      return false
    }
    return true
  })
  return { articles, excluded }
}

/** The party ids to model: the chosen ones, else the lexicon's actors that are the actor of a claim. */
function chooseParties(input: DraftInput, claims: readonly ArticleClaim[]): readonly string[] {
  const actorIds = new Set(claims.map((c) => c.claim.actor))
  return input.parties ?? input.lexicon.actors.map((a) => a.id).filter((id) => actorIds.has(id))
}

/** The lexicon issues to model: the chosen ones, else those with options a chosen party made a claim on. */
function chooseIssues(
  input: DraftInput,
  claims: readonly ArticleClaim[],
  chosen: ReadonlySet<string>,
): LexiconIssue[] {
  const optioned = input.lexicon.issues.filter((i) => (i.options?.length ?? 0) >= 2)
  const spoken = new Set(
    claims
      .filter((c) => chosen.has(c.claim.actor))
      .flatMap((c) => [c.claim.issue, c.claim.condition_issue ?? '']),
  )
  const issueIds = input.issues ?? optioned.map((i) => i.id).filter((id) => spoken.has(id))
  return issueIds.map((id) => {
    const found = optioned.find((i) => i.id === id)
    if (found === undefined) throw new Error(`issue "${id}" has no ordered options in the lexicon`)
    return found
  })
}

/** The readings of each chosen party on each modelled issue it has a claim on (or makes conditional), by key. */
function readStances(
  claims: readonly ArticleClaim[],
  chosen: ReadonlySet<string>,
  compiled: ReadonlyMap<string, CompiledIssue>,
  lex: CompiledLexicon,
): Map<string, StanceReadings> {
  const readings = new Map<string, StanceReadings>()
  for (const { claim, article } of claims) {
    if (!chosen.has(claim.actor)) continue
    for (const issueId of new Set([claim.issue, claim.condition_issue].filter((x) => x !== undefined))) {
      const issue = compiled.get(issueId)
      if (issue === undefined) continue
      const k = key(claim.actor, issueId)
      const r = readings.get(k) ?? { positions: [], rejections: [], claims: [] }
      readings.set(k, r)
      r.claims.push({ claim, article })
      const p = positionReading(claim, article, issue, lex)
      if (p !== undefined) r.positions.push(p)
      const x = rejectionReading(claim, article, issue, lex)
      if (x !== undefined) r.rejections.push(x)
    }
  }
  return readings
}

/** Claim weights for salience: each stance's (by key), and each party's largest on any issue. */
interface SalienceWeights {
  stance: Map<string, number>
  largest: Map<string, number>
}

/** The claim weight of every stance of the readings, and the largest of each party. */
function weighClaims(readings: ReadonlyMap<string, StanceReadings>): SalienceWeights {
  const stance = new Map<string, number>()
  const largest = new Map<string, number>()
  for (const [k, r] of readings) {
    const w = r.claims.reduce((sum, c) => sum + claimWeight(c), 0)
    const party = k.slice(0, k.indexOf('/'))
    stance.set(k, w)
    largest.set(party, Math.max(largest.get(party) ?? 0, w))
  }
  return { stance, largest }
}

/** A stance for every issue and party (in that order) that has readings. */
function draftStances(
  issues: readonly LexiconIssue[],
  partyIds: readonly string[],
  readings: ReadonlyMap<string, StanceReadings>,
  compiled: ReadonlyMap<string, CompiledIssue>,
): DraftStance[] {
  const weights = weighClaims(readings)
  return issues.flatMap((issue) => {
    const c = compiled.get(issue.id) as CompiledIssue
    return partyIds.flatMap((party) => {
      const r = readings.get(key(party, issue.id))
      return r === undefined ? [] : [draftStance(party, c, r, weights)]
    })
  })
}

/** One party's stance on one issue: position, salience and, from strong rejections, the acceptable range. */
function draftStance(
  party: string,
  issue: CompiledIssue,
  r: StanceReadings,
  weights: SalienceWeights,
): DraftStance {
  const position = draftPosition(r.positions, issue)
  const stance: DraftStance = {
    party,
    issue: issue.id,
    position,
    salience: draftSalience(party, issue.id, r, weights),
  }
  const red = draftRedLine(position.value, r.rejections, issue)
  if (red !== undefined) stance.acceptable = red
  return stance
}

/** The salience of a stance from its claim weight; see DRAFT_RULES. Cites the newest claims. */
function draftSalience(
  party: string,
  issue: string,
  r: StanceReadings,
  weights: SalienceWeights,
): DraftNumber {
  const w = weights.stance.get(key(party, issue)) ?? 0
  const top = weights.largest.get(party) ?? w
  const recent = [...r.claims].sort(byDateDesc).slice(0, MAX_SALIENCE_QUOTES)
  return {
    value: Math.round((100 * w) / top),
    evidence: dedupeEvidence(recent.map((x) => evidenceOf(x.claim, x.article))),
    assumption: `Drafted by rule: ${party}'s claim weight on ${issue} is ${fmt(w)} (${r.claims.length} claim${r.claims.length === 1 ? '' : 's'}), its largest on any issue ${fmt(top)}; 100 × ${fmt(w)} ÷ ${fmt(top)}.`,
  }
}

/** The ids of the sources that the stances, conditions and events cite. */
function citedSources(
  stances: readonly DraftStance[],
  conditions: readonly DraftCondition[],
  events: readonly DraftEvent[],
): Set<string> {
  const evidence = [
    ...stances.flatMap((s) => [
      ...(s.position.evidence ?? []),
      ...(s.salience.evidence ?? []),
      ...(s.acceptable?.evidence ?? []),
    ]),
    ...conditions.flatMap((c) => c.evidence),
    ...events.flatMap((e) => e.evidence),
  ]
  return new Set(evidence.map((e) => e.source))
}

/** A party as the lexicon names it, with its capability empty: no claim states one. */
function draftParty(id: string, lexicon: Lexicon): DraftScenario['parties'][number] {
  const actor = lexicon.actors.find((a) => a.id === id)
  return {
    id,
    name: actor?.name ?? id,
    aliases: (actor?.aliases ?? []).filter((a) => a !== actor?.name),
    capability: { value: null },
  }
}

/** A lexicon issue as the scenario lists it: name, description and the options' labels and positions. */
function draftIssue(issue: LexiconIssue): DraftScenario['issues'][number] {
  return {
    id: issue.id,
    name: issue.name ?? issue.id,
    description: issue.description,
    options: (issue.options ?? []).map((o) => ({ label: o.label, position: o.position })),
  }
}

/** The day of the newest dated article, or null when none is dated. */
function latestDate(articles: readonly DraftArticle[]): string | null {
  const dates = articles.flatMap((a) => (a.date === undefined ? [] : [a.date.date])).sort()
  return dates[dates.length - 1] ?? null
}

/** The draft's meta: its id and title (given or defaulted), its day, and how it was drafted. */
function draftMeta(
  input: DraftInput,
  asOf: string | null,
  claimCount: number,
  articleCount: number,
): DraftScenario['meta'] {
  return {
    id: input.meta?.id ?? 'draft',
    title: input.meta?.title ?? `Drafted from ${input.from}`,
    as_of: asOf,
    description: `Drafted by parley scenario draft from ${claimCount} claims in ${articleCount} articles${input.asOf ? ` up to ${input.asOf}` : ''}; review every number before use.`,
  }
}

/** The empty numbers of a draft, with why: positions no claim names, every capability, an undated as_of. */
function listEmptyNumbers(
  stances: readonly DraftStance[],
  readings: ReadonlyMap<string, StanceReadings>,
  parties: readonly DraftScenario['parties'][number][],
  asOf: string | null,
): DraftScenario['draft']['empty'] {
  const positions = stances.flatMap((s, i) => {
    if (s.position.value !== null) return []
    // Every stance is drafted from readings, so its readings are there.
    const r = readings.get(key(s.party, s.issue)) as StanceReadings
    return [{ path: `stances[${i}].position`, reason: emptyPositionReason(s.party, s.issue, r) }]
  })
  const capabilities = parties.map((_, i) => ({
    path: `parties[${i}].capability`,
    reason: 'no claim states a capability',
  }))
  const day = asOf === null ? [{ path: 'meta.as_of', reason: 'no article is dated' }] : []
  return [...positions, ...capabilities, ...day]
}

/** The scenario source an article becomes. */
export function sourceOf(a: DraftArticle): DraftSource {
  return {
    id: a.id,
    file: a.file,
    title: a.title,
    ...(a.date ? { date: a.date.date } : {}),
    date_estimated: a.date?.estimated ?? false,
    ...(a.date?.basis ? { date_basis: a.date.basis } : {}),
    ...(a.url ? { url: a.url } : {}),
  }
}

function claimWeight({ claim, article }: ArticleClaim): number {
  const lead = article.text.length > 0 && claim.start < article.text.length / 4
  return 1 + (lead ? LEAD_BONUS : 0)
}

/** Newest first: by article date, then later in the article first. Undated articles come last. */
function byDateDesc(a: { claim: Claim; article: DraftArticle }, b: { claim: Claim; article: DraftArticle }) {
  const da = a.article.date?.date ?? ''
  const db = b.article.date?.date ?? ''
  if (da !== db) return da < db ? 1 : -1
  if (a.article.id !== b.article.id) return a.article.id < b.article.id ? 1 : -1
  return b.claim.start - a.claim.start
}

/** The position from its readings, newest first; see DRAFT_RULES. */
export function draftPosition(positions: readonly Reading[], issue: CompiledIssue): DraftNumber {
  if (positions.length === 0) return { value: null }
  const sorted = [...positions].sort(byDateDesc)
  const first = sorted[0] as Reading
  let lo = first.lo
  let hi = first.hi
  const used: Reading[] = [first]
  let stopped: Reading | undefined
  for (const r of sorted.slice(1)) {
    const nlo = Math.max(lo, r.lo)
    const nhi = Math.min(hi, r.hi)
    if (nlo > nhi) {
      stopped = r
      break
    }
    lo = nlo
    hi = nhi
    used.push(r)
  }
  const option = issue.options[lo]
  if (option === undefined) return { value: null }
  const words = used
    .map((r) =>
      r.via === 'default'
        ? 'names no option (the default)'
        : r.via === 'conditional'
          ? 'makes the issue conditional'
          : `“${r.phrase}”${r.via === 'at_least' ? ' (or beyond)' : ''}`,
    )
    .filter((w, i, all) => all.indexOf(w) === i)
  const older =
    stopped === undefined
      ? ''
      : ` An earlier claim (${stopped.article.id}${stopped.article.date ? `, ${stopped.article.date.date}` : ''}) read “${issue.options[stopped.lo]?.label}”${stopped.hi > stopped.lo ? ' or beyond' : ''}; the later claims supersede it.`
  const range =
    hi > lo ? ` The claims say “${option.label}” or beyond; the nearest, “${option.label}”, is taken.` : ''
  return {
    value: option.position,
    evidence: dedupeEvidence(used.map((r) => evidenceOf(r.claim, r.article))),
    assumption: `Drafted: read as “${option.label}” from ${words.join('; ')}.${range}${older}`,
  }
}

function emptyPositionReason(party: string, issue: string, r: StanceReadings): string {
  const acts = [...new Set(r.claims.map((c) => (c.claim.issue === issue ? c.claim.act : 'condition')))].join(
    ', ',
  )
  return `${party} has ${r.claims.length} claim${r.claims.length === 1 ? '' : 's'} on ${issue} (${acts}), but none names an option of it`
}

/** The acceptable range from strong rejections; see DRAFT_RULES. Needs the party's position to know the side. */
function draftRedLine(
  position: number | null,
  rejections: readonly (Reading & { strong: boolean })[],
  issue: CompiledIssue,
): DraftStance['acceptable'] {
  if (position === null) return undefined
  const strong = rejections.filter((r) => r.strong)
  const at = issue.options.findIndex((o) => o.position === position)
  let min = 0
  let max = issue.options.length - 1
  const used: Reading[] = []
  for (const r of strong) {
    // A rejection of the party's own option contradicts it; it is no red line.
    if (r.lo > at) {
      max = Math.min(max, r.lo - 1)
      used.push(r)
    } else if (r.hi < at) {
      min = Math.max(min, r.hi + 1)
      used.push(r)
    }
  }
  if (used.length === 0 || (min === 0 && max === issue.options.length - 1)) return undefined
  const lo = issue.options[min]
  const hi = issue.options[max]
  if (lo === undefined || hi === undefined) return undefined
  return {
    min: lo.position,
    max: hi.position,
    evidence: dedupeEvidence(used.map((r) => evidenceOf(r.claim, r.article))),
    assumption: `Drafted: strong rejections of ${used
      .map((r) => `“${r.phrase}”`)
      .filter((w, i, a) => a.indexOf(w) === i)
      .join(', ')} rule out the options beyond “${min > 0 ? lo.label : hi.label}”.`,
  }
}

function draftConditions(
  claims: readonly { claim: Claim; article: DraftArticle }[],
  chosen: ReadonlySet<string>,
  compiled: ReadonlyMap<string, CompiledIssue>,
  lex: ReturnType<typeof compileLexicon>,
): DraftCondition[] {
  const out = new Map<string, DraftCondition>()
  for (const { claim, article } of claims) {
    if (claim.act !== 'condition' || claim.condition_issue === undefined || !chosen.has(claim.actor)) continue
    const held = compiled.get(claim.issue)
    const required = compiled.get(claim.condition_issue)
    if (held === undefined || required === undefined) continue
    const id = `${claim.actor}-${claim.issue}-after-${claim.condition_issue}`.toLowerCase().replace(/_/g, '-')
    const existing = out.get(id)
    const evidence = evidenceOf(claim, article)
    if (existing !== undefined) {
      existing.evidence = dedupeEvidence([...existing.evidence, evidence])
      if (claim.min_days !== undefined) existing.min_days = Math.max(existing.min_days ?? 0, claim.min_days)
      continue
    }
    const reading = positionReading(claim, article, required, lex)
    const option = reading === undefined ? undefined : required.options[reading.lo]
    const bound =
      option === undefined ? {} : option.position >= 50 ? { min: option.position } : { max: option.position }
    out.set(id, {
      id,
      party: claim.actor,
      issue: claim.issue,
      requires: { issue: claim.condition_issue, ...bound },
      relation: 'after',
      ...(claim.min_days === undefined ? {} : { min_days: claim.min_days }),
      summary: `${claim.actor} holds ${claim.issue} back until ${
        option === undefined
          ? `${claim.condition_issue} is settled`
          : `${claim.condition_issue} reaches “${option.label}”`
      }${claim.min_days ? ` (at least ${claim.min_days} days)` : ''}.`,
      evidence: [evidence],
    })
  }
  return [...out.values()]
}

function draftEvents(articles: readonly DraftArticle[], chosen: ReadonlySet<string>): DraftEvent[] {
  const out = new Map<string, DraftEvent>()
  for (const article of articles) {
    for (const e of article.events) {
      const participants = e.participants.filter((p) => chosen.has(p))
      const date = e.date ?? article.date?.date
      if (participants.length === 0 || date === undefined) continue
      const k = `${e.type}/${date}/${participants.join(',')}`
      const evidence = evidenceOf(e, article)
      const existing = out.get(k)
      if (existing !== undefined) {
        existing.evidence = dedupeEvidence([...existing.evidence, evidence])
        continue
      }
      // A day taken from the article is only an estimate of when the event happened.
      const estimated = e.date === null
      out.set(k, {
        id: `${e.type}-${date}-${participants.join('-')}`.toLowerCase(),
        date,
        date_estimated: estimated,
        ...(e.date === null
          ? { date_basis: `the date of article ${article.id}, which gives the event no day of its own` }
          : {}),
        type: e.type,
        participants,
        ...(e.initiator !== undefined && chosen.has(e.initiator) ? { initiator: e.initiator } : {}),
        summary: `${e.type[0]?.toUpperCase()}${e.type.slice(1).replace('_', ' ')}: ${participants.join(', ')}${e.initiator ? ` (initiated by ${e.initiator})` : ''}, as article ${article.id} reports it.`,
        evidence: [evidence],
      })
    }
  }
  // Ids stay unique when one day has two events of the same kind between the same parties.
  const seen = new Map<string, number>()
  return [...out.values()]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((e) => {
      const n = (seen.get(e.id) ?? 0) + 1
      seen.set(e.id, n)
      return n === 1 ? e : { ...e, id: `${e.id}-${n}` }
    })
}

export function evidenceOf(span: { quote: string }, article: DraftArticle): Evidence {
  return { source: article.id, quote: span.quote.trim() }
}

function dedupeEvidence(list: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>()
  return list.filter((e) => {
    const k = `${e.source}\u0000${e.quote}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1))

/**
 * Fills a draft's empty numbers from a base scenario (capabilities; positions and saliences of the
 * same stance), each marked as taken from it, and drops what is still empty, so the result loads and
 * the analyses can run on it. What was filled or dropped is listed in `draft.empty`.
 */
export function fillFromBase(draft: DraftScenario, base: Scenario, baseName: string): DraftScenario {
  const from = (what: string, b: { assumption?: string | undefined; evidence?: Evidence[] | undefined }) =>
    `From the base scenario ${baseName}, where ${what} rests on ${
      b.assumption !== undefined ? `the assumption: ${b.assumption}` : `${b.evidence?.length ?? 0} quote(s)`
    }`
  const empty: DraftScenario['draft']['empty'] = []
  const parties = draft.parties.flatMap((p, i) => {
    if (p.capability.value !== null) return [p]
    const known = base.parties.find((x) => x.id === p.id)
    if (known === undefined) {
      empty.push({
        path: `parties[${i}]`,
        reason: `dropped: ${p.id}'s capability is in no claim and not in the base`,
      })
      return []
    }
    empty.push({ path: `parties[${i}].capability`, reason: `filled from the base scenario ${baseName}` })
    return [{ ...p, capability: { value: known.capability.value, assumption: from('it', known.capability) } }]
  })
  const kept = new Set(parties.map((p) => p.id))
  const stances = draft.stances.flatMap((s, i) => {
    if (!kept.has(s.party)) return []
    if (s.position.value !== null) return [s]
    const known = base.stances.find((x) => x.party === s.party && x.issue === s.issue)
    if (known === undefined) {
      empty.push({
        path: `stances[${i}]`,
        reason: `dropped: no claim names an option of ${s.issue} for ${s.party}, and the base has no such stance`,
      })
      return []
    }
    empty.push({ path: `stances[${i}].position`, reason: `filled from the base scenario ${baseName}` })
    const position = { value: known.position.value, assumption: from('it', known.position) }
    const inRange =
      s.acceptable === undefined || (s.acceptable.min <= position.value && position.value <= s.acceptable.max)
    if (!inRange)
      empty.push({ path: `stances[${i}].acceptable`, reason: 'dropped: the base position lies outside it' })
    return [
      {
        party: s.party,
        issue: s.issue,
        position,
        salience: s.salience,
        ...(inRange && s.acceptable ? { acceptable: s.acceptable } : {}),
      },
    ]
  })
  const conditions = draft.conditions.filter((c) => kept.has(c.party))
  const events = draft.events
    .map((e) => ({ ...e, participants: e.participants.filter((p) => kept.has(p)) }))
    .filter((e) => e.participants.length > 0)
    .map((e) => (e.initiator !== undefined && !kept.has(e.initiator) ? omitInitiator(e) : e))
  return { ...draft, parties, stances, conditions, events, draft: { ...draft.draft, empty } }
}

function omitInitiator(e: DraftEvent): DraftEvent {
  const { initiator, ...rest } = e
  return rest
}
