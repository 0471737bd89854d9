// What moved: the claims dated in a window, compared with each party's earlier claims on the same
// issue. Each claim's position is read with the drafting rules (the lexicon's ordered options, see
// src/draft/readings.ts), so a move has a direction; whether it is a concession or a
// hardening is judged against the other parties' latest positions on that issue.

import type { Claim, MoveKind } from '../../core/index.ts'
import { type CompiledIssue, compileIssue, positionOf } from '../../draft/index.ts'
import type { Lexicon, LexiconIssue } from '../../extract/index.ts'
import { type CompiledLexicon, compileLexicon } from '../../extract/index.ts'

/** A claim as the store gives it: with its id, its article and the article's date. */
export interface DatedClaim extends Claim {
  id: number
  documentId: number
  title: string | null
  date: string | null
  dateEstimated: boolean
}

/** Where a claim puts its party on an issue: an option (or that option and beyond) and its position. */
export interface Placement {
  option: string
  position: number
  /** "or beyond": the claim names this option as a floor. */
  atLeast: boolean
}

export interface TrajectoryPoint {
  claimId: number
  date: string | null
  dateEstimated: boolean
  act: Claim['act']
  placement?: Placement | undefined
  quote: string
}

export interface Move {
  kind: MoveKind
  party: string
  issue: string
  /** The other issue of a condition. */
  conditionIssue?: string | undefined
  date: string
  dateEstimated: boolean
  act: Claim['act']
  /** The claim that moved, with its quote and article. */
  claim: DatedClaim
  from?: (Placement & { date: string | null; quote: string; act: Claim['act'] }) | undefined
  to?: Placement | undefined
  /** One line a reader takes in at once: "RU accepted on energy strikes on 18 March 2025". */
  summary: string
}

export interface MovesInput {
  /** Claims from `since` on, in date order. */
  recent: readonly DatedClaim[]
  /** Earlier claims of the same parties and issues, in date order. */
  earlier: readonly DatedClaim[]
  since: string
  lexicon: Lexicon
  /** Build the trajectories (default true); without them the report's list is empty. */
  trajectories?: boolean | undefined
}

export interface MovesReport {
  since: string
  moves: Move[]
  /** Per party and issue touched since `since`: every claim in date order, with its placement. */
  trajectories: { party: string; issue: string; points: TrajectoryPoint[] }[]
}

interface State {
  acts: Set<Claim['act']>
  /** The last demand, proposal or acceptance, with where it placed the party. */
  lastStance?: { act: Claim['act']; claim: DatedClaim; placement?: Placement | undefined } | undefined
  /** The party's latest act on the issue was a rejection. */
  lastWasReject: boolean
  lastDirection?: number | undefined
  conditions: Set<string>
  placement?: Placement | undefined
}

const STANCE_ACTS = new Set<Claim['act']>(['demand', 'propose', 'accept'])

/** What moved since a date, and the trajectories behind it. Pure: the claims come from the caller. */
export function movesSince(input: MovesInput): MovesReport {
  const lex = compileLexicon(input.lexicon)
  const issues = new Map(input.lexicon.issues.map((i) => [i.id, i]))
  const compiled = new Map(
    input.lexicon.issues.filter((i) => (i.options?.length ?? 0) >= 2).map((i) => [i.id, compileIssue(i)]),
  )
  // Per issue, per party.
  const states = new Map<string, Map<string, State>>()
  const stateOf = (party: string, issue: string) => {
    let byParty = states.get(issue)
    if (byParty === undefined) {
      byParty = new Map()
      states.set(issue, byParty)
    }
    let s = byParty.get(party)
    if (s === undefined) {
      s = { acts: new Set(), conditions: new Set(), lastWasReject: false }
      byParty.set(party, s)
    }
    return s
  }
  const trajectories = new Map<string, MovesReport['trajectories'][number]>()
  const moves: Move[] = []
  const all = [
    ...input.earlier.map((c) => ({ c, recent: false })),
    ...input.recent.map((c) => ({ c, recent: true })),
  ]
  const withTrajectories = input.trajectories ?? true
  // Every claim's point, per party and issue; a trajectory is kept for the pairs the window touches.
  const points = new Map<string, TrajectoryPoint[]>()
  for (const { c, recent } of all) {
    const state = stateOf(c.actor, c.issue)
    const placement = place(c, compiled.get(c.issue), lex)
    const key = `${c.actor}\0${c.issue}`
    if (withTrajectories) {
      let list = points.get(key)
      if (list === undefined) {
        list = []
        points.set(key, list)
      }
      list.push({
        claimId: c.id,
        date: c.date,
        dateEstimated: c.dateEstimated,
        act: c.act,
        placement,
        quote: c.quote,
      })
      if (recent && !trajectories.has(key))
        trajectories.set(key, { party: c.actor, issue: c.issue, points: list })
    }
    const move = recent && c.date !== null ? judge(c, state, placement, othersOn(c, states)) : undefined
    if (move !== undefined)
      moves.push({
        ...move,
        party: c.actor,
        issue: c.issue,
        ...(c.condition_issue ? { conditionIssue: c.condition_issue } : {}),
        date: c.date as string,
        dateEstimated: c.dateEstimated,
        act: c.act,
        claim: c,
        summary: summarize(move, c, issues),
      })
    remember(c, state, placement)
  }
  return { since: input.since, moves, trajectories: [...trajectories.values()] }
}

function place(c: Claim, issue: CompiledIssue | undefined, lex: CompiledLexicon): Placement | undefined {
  if (issue === undefined || !STANCE_ACTS.has(c.act)) return undefined
  const p = positionOf(c, issue, lex)
  const option = p === undefined ? undefined : issue.options[p.lo]
  if (p === undefined || option === undefined) return undefined
  return { option: option.label, position: option.position, atLeast: p.hi > p.lo }
}

/** The other parties' latest positions on the claim's issue. */
function othersOn(c: Claim, states: Map<string, Map<string, State>>): number[] {
  const out: number[] = []
  for (const [party, s] of states.get(c.issue) ?? [])
    if (party !== c.actor && s.placement !== undefined) out.push(s.placement.position)
  return out
}

type Judged = Pick<Move, 'kind' | 'from' | 'to'>

function judge(
  c: DatedClaim,
  s: State,
  placement: Placement | undefined,
  others: number[],
): Judged | undefined {
  if (c.act === 'condition') {
    const k = c.condition_issue ?? ''
    return s.conditions.has(k) ? undefined : { kind: 'new_condition' }
  }
  const last = s.lastStance
  if (c.act === 'reject') {
    if (last !== undefined && (last.act === 'accept' || last.act === 'propose') && !s.lastWasReject)
      return { kind: 'reversal', from: fromOf(last) }
    return s.acts.has('reject') ? undefined : { kind: 'new_rejection' }
  }
  if (c.act === 'accept' && s.lastWasReject) return { kind: 'reversal', to: placement }
  const from = last?.placement
  if (
    last !== undefined &&
    placement !== undefined &&
    from !== undefined &&
    placement.position !== from.position
  ) {
    const direction = Math.sign(placement.position - from.position)
    if (s.lastDirection !== undefined && direction === -s.lastDirection)
      return { kind: 'reversal', from: fromOf(last), to: placement }
    if (others.length > 0) {
      const mean = others.reduce((a, b) => a + b, 0) / others.length
      const closer = Math.abs(placement.position - mean) < Math.abs(from.position - mean)
      return { kind: closer ? 'concession' : 'hardening', from: fromOf(last), to: placement }
    }
    return { kind: 'concession', from: fromOf(last), to: placement }
  }
  if (c.act === 'accept' && !s.acts.has('accept')) return { kind: 'concession', to: placement }
  if ((c.act === 'demand' || c.act === 'propose') && !s.acts.has('demand') && !s.acts.has('propose'))
    return { kind: 'new_demand', to: placement }
  return undefined
}

function fromOf(last: NonNullable<State['lastStance']>): Move['from'] {
  if (last.placement === undefined)
    return {
      option: '',
      position: Number.NaN,
      atLeast: false,
      date: last.claim.date,
      quote: last.claim.quote,
      act: last.act,
    }
  return { ...last.placement, date: last.claim.date, quote: last.claim.quote, act: last.act }
}

function remember(c: DatedClaim, s: State, placement: Placement | undefined): void {
  if (c.act === 'condition') s.conditions.add(c.condition_issue ?? '')
  if (c.act === 'reject') s.lastWasReject = true
  if (STANCE_ACTS.has(c.act)) {
    s.lastWasReject = false
    const previous = s.lastStance?.placement
    if (placement !== undefined && previous !== undefined && placement.position !== previous.position)
      s.lastDirection = Math.sign(placement.position - previous.position)
    s.lastStance = { act: c.act, claim: c, placement }
    if (placement !== undefined) s.placement = placement
  }
  s.acts.add(c.act)
}

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
)

/** "18 March 2025", or "around 18 March 2025" for an estimated date. */
export function dayText(date: string, estimated: boolean): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${estimated ? 'around ' : ''}${d} ${MONTHS[(m ?? 1) - 1]} ${y}`
}

function summarize(move: Judged, c: DatedClaim, issues: Map<string, LexiconIssue>): string {
  const name = (id: string) => (issues.get(id)?.name ?? id.replaceAll('_', ' ')).toLowerCase()
  const when = c.dateEstimated ? dayText(c.date ?? '', true) : `on ${dayText(c.date ?? '', false)}`
  const option = (p: Placement | undefined) => (p ? `${p.option}${p.atLeast ? ' or beyond' : ''}` : '')
  const fromTo = move.from?.option && move.to ? ` (${move.from.option} → ${option(move.to)})` : ''
  const issue = name(c.issue)
  switch (move.kind) {
    case 'new_demand':
      return `${c.actor} made a ${c.act === 'propose' ? 'proposal' : 'demand'} on ${issue} ${when}${move.to ? `: ${option(move.to)}` : ''}`
    case 'concession':
      return c.act === 'accept' && fromTo === ''
        ? `${c.actor} moved on ${issue} ${when}: accepted${move.to ? ` ${option(move.to)}` : ''}`
        : `${c.actor} moved on ${issue} ${when}${fromTo}`
    case 'hardening':
      return `${c.actor} hardened on ${issue} ${when}${fromTo}`
    case 'reversal':
      return `${c.actor} reversed on ${issue} ${when}: ${move.from?.act === 'accept' ? 'accepted' : move.from?.act === 'propose' ? 'proposed' : 'rejected'} before, ${c.act === 'accept' ? 'accepted' : c.act === 'reject' ? 'rejected' : c.act === 'propose' ? 'proposed' : 'demanded'} now${fromTo}`
    case 'new_condition':
      return `${c.actor} made ${issue} conditional on ${name(c.condition_issue ?? '')} ${when}${c.min_days ? ` (${c.min_days} days)` : ''}`
    case 'new_rejection':
      return `${c.actor} rejected ${issue} ${when}`
  }
}
