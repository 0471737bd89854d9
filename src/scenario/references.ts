// Checks that need the whole scenario: ids that must exist, ids that must be unique, dates that
// must not pass the as-of date. It runs on the elements that passed the schema, with `undefined`
// holes where an element did not, so a file with type errors still gets its references checked.
import type { Condition, DivisionItem, Event, Issue, Party, Scenario, Source, Stance } from './schema.ts'

export interface Problem {
  /** Path into the scenario document, e.g. ['stances', 3, 'party']. */
  path: (string | number)[]
  message: string
}

type Holes<T> = (T | undefined)[]
export interface PartialScenario {
  meta?: Scenario['meta'] | undefined
  sources: Holes<Source>
  parties: Holes<Party>
  issues: Holes<Issue>
  stances: Holes<Stance>
  conditions: Holes<Condition>
  events: Holes<Event>
  items?: Holes<DivisionItem>
  /**
   * Ids declared in each section, including those of elements that failed the schema for another
   * reason, so that one bad capability does not turn every reference to its party into an error.
   */
  declared?: Partial<
    Record<'sources' | 'parties' | 'issues' | 'conditions' | 'events', (string | undefined)[]>
  >
}

export function checkReferences(s: PartialScenario, eventTypes?: readonly string[]): Problem[] {
  const problems: Problem[] = []
  const ids = (section: keyof NonNullable<PartialScenario['declared']>) =>
    uniqueIds(section, s.declared?.[section] ?? s[section].map((element) => element?.id), problems)
  const sourceIds = ids('sources')
  const partyIds = ids('parties')
  const issueIds = ids('issues')
  ids('conditions')
  ids('events')

  const expectParty = (id: string | undefined, path: Problem['path']) => {
    if (id !== undefined && !partyIds.has(id))
      problems.push({ path, message: unknown('party', id, partyIds) })
  }
  const expectIssue = (id: string, path: Problem['path']) => {
    if (!issueIds.has(id)) problems.push({ path, message: unknown('issue', id, issueIds) })
  }

  const seenStances = new Map<string, number>()
  s.stances.forEach((stance, i) => {
    if (stance === undefined) return
    expectParty(stance.party, ['stances', i, 'party'])
    expectIssue(stance.issue, ['stances', i, 'issue'])
    const key = `${stance.party}\u0000${stance.issue}`
    const first = seenStances.get(key)
    if (first !== undefined) {
      problems.push({
        path: ['stances', i],
        message: `duplicate stance of ${stance.party} on ${stance.issue}; the first is stances[${first}]`,
      })
    } else seenStances.set(key, i)
  })

  s.conditions.forEach((c, i) => {
    if (c === undefined) return
    expectParty(c.party, ['conditions', i, 'party'])
    expectIssue(c.issue, ['conditions', i, 'issue'])
    expectIssue(c.requires.issue, ['conditions', i, 'requires', 'issue'])
    expectParty(c.requires.party, ['conditions', i, 'requires', 'party'])
  })

  const asOf = s.meta?.as_of
  const notAfterAsOf = (date: string | undefined, path: Problem['path']) => {
    if (date !== undefined && asOf !== undefined && date > asOf) {
      problems.push({ path, message: `date ${date} is after meta.as_of ${asOf}` })
    }
  }
  for (const [i, source] of s.sources.entries()) notAfterAsOf(source?.date, ['sources', i, 'date'])
  s.events.forEach((e, i) => {
    if (e === undefined) return
    if (eventTypes !== undefined && !eventTypes.includes(e.type))
      problems.push({
        path: ['events', i, 'type'],
        message: `expected one of ${eventTypes.join(', ')}, got "${e.type}" (the case's event types: event_types in its parley.yaml)`,
      })
    notAfterAsOf(e.date, ['events', i, 'date'])
    for (const [j, p] of e.participants.entries()) expectParty(p, ['events', i, 'participants', j])
    if (e.initiator !== undefined && !e.participants.includes(e.initiator)) {
      problems.push({
        path: ['events', i, 'initiator'],
        message: `initiator ${e.initiator} is not among the participants (${e.participants.join(', ')})`,
      })
    }
  })

  const items = s.items ?? []
  uniqueIds(
    'items',
    items.map((it) => it?.id),
    problems,
  )
  const spread = new Map<string, number>()
  items.forEach((it, i) => {
    if (it === undefined) return
    if (it.issue !== undefined) expectIssue(it.issue, ['items', i, 'issue'])
    const seen = new Set<string>()
    it.points.forEach((pt, j) => {
      expectParty(pt.party, ['items', i, 'points', j, 'party'])
      if (seen.has(pt.party))
        problems.push({
          path: ['items', i, 'points', j, 'party'],
          message: `${pt.party} has points twice for this item`,
        })
      seen.add(pt.party)
      spread.set(pt.party, (spread.get(pt.party) ?? 0) + pt.value)
    })
  })
  if (items.every((it) => it !== undefined)) {
    for (const [party, total] of spread) {
      if (Math.abs(total - 100) > 1e-9) {
        problems.push({
          path: ['items'],
          message: `${party} spreads ${total} points over the items; each party spreads exactly 100`,
        })
      }
    }
  }

  for (const { path, evidence } of allEvidence(s)) {
    if (!sourceIds.has(evidence.source)) {
      problems.push({ path: [...path, 'source'], message: unknown('source', evidence.source, sourceIds) })
    }
  }
  return problems
}

/** Every {source, quote} in the scenario, with its path. */
export function* allEvidence(
  s: Pick<PartialScenario, 'parties' | 'stances' | 'conditions' | 'events' | 'items'>,
): Generator<{ path: Problem['path']; evidence: { source: string; quote: string } }> {
  for (const section of ['parties', 'stances', 'conditions', 'events', 'items'] as const) {
    for (const [i, element] of ((s[section] ?? []) as Holes<object>).entries()) {
      if (element !== undefined) yield* evidenceIn(element, [section, i])
    }
  }
}

function* evidenceIn(
  node: unknown,
  path: Problem['path'],
): Generator<{ path: Problem['path']; evidence: { source: string; quote: string } }> {
  if (typeof node !== 'object' || node === null) return
  for (const [key, value] of Object.entries(node)) {
    if (key === 'evidence' && Array.isArray(value)) {
      for (const [j, evidence] of value.entries()) yield { path: [...path, 'evidence', j], evidence }
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      yield* evidenceIn(value, [...path, key])
    }
  }
}

function uniqueIds(section: string, list: (string | undefined)[], problems: Problem[]): Set<string> {
  const ids = new Map<string, number>()
  list.forEach((id, i) => {
    if (id === undefined) return
    const first = ids.get(id)
    if (first !== undefined) {
      problems.push({
        path: [section, i, 'id'],
        message: `duplicate id "${id}"; it is already used by ${section}[${first}]`,
      })
    } else ids.set(id, i)
  })
  return new Set(ids.keys())
}

function unknown(kind: string, id: string, known: Set<string>): string {
  const list = [...known]
  const shown = list.length > 12 ? `${list.slice(0, 12).join(', ')}, …` : list.join(', ')
  return `unknown ${kind} "${id}"; expected one of: ${shown || `(no ${kind} defined)`}`
}
