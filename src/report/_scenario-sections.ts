// The report's sections on what the scenario says, as entered: its parties, their positions, the
// divisible items, the timeline and the sources, every number followed by its basis.
import { heatmapChart } from '../charts/index.ts'
import { safeHttpUrl } from '../core/index.ts'
import type { Issue, Scenario, Event as ScenarioEvent, Stance } from '../scenario/index.ts'
import { type Block, basisOf } from './_blocks.ts'
import type { ReportData } from './data.ts'

/** The title and one paragraph on the scenario's size and how much of it rests on quotes. */
export function titleBlocks(report: ReportData): Block[] {
  const s = report.scenario
  const evidence = report.evidence
  return [
    { kind: 'h', level: 1, text: `${s.meta.title}: analysis as of ${s.meta.as_of}` },
    {
      kind: 'p',
      text:
        `Scenario ${s.meta.id}: ${s.parties.length} parties, ${s.issues.length} issues, ${s.stances.length} stances, ` +
        `${s.conditions.length} conditions, ${s.events.length} events. Evidence: ${evidence.quotes} verbatim quotes from ` +
        `${evidence.sourcesCited} of ${s.sources.length} sources; of ${evidence.numbers} numbers, ${evidence.evidenced} rest on quotes and ` +
        `${evidence.assumptionOnly} on a named assumption alone. Made by Parley (parley report); every figure below is followed by its basis.`,
    },
  ]
}

export function partyBlocks(report: ReportData): Block[] {
  const s = report.scenario
  return [
    { kind: 'h', level: 2, text: 'Parties', id: 'parties' },
    {
      kind: 'table',
      head: ['party', 'name', 'capability'],
      rows: s.parties.map((p) => [p.id, p.name, String(p.capability.value)]),
      numeric: [false, false, true],
    },
    ...s.parties.map(
      (p): Block => ({
        kind: 'basis',
        label: `${p.id} capability ${p.capability.value}`,
        basis: basisOf(s, p.capability),
      }),
    ),
  ]
}

/** The heatmap of every position, then one subsection per issue that any party takes a stance on. */
export function positionBlocks(report: ReportData, document: Document): Block[] {
  const s = report.scenario
  return [
    { kind: 'h', level: 2, text: 'Positions', id: 'positions' },
    {
      kind: 'figure',
      element: heatmapChart(s, { document }),
      caption:
        'Each party’s position on each issue (0–100 on the issue’s own scale); * marks a position resting on an assumption alone.',
    },
    ...s.issues.flatMap((issue) => issuePositionBlocks(s, issue)),
  ]
}

function issuePositionBlocks(s: Scenario, issue: Issue): Block[] {
  const stances = s.stances.filter((st) => st.issue === issue.id)
  if (stances.length === 0) return []
  return [
    { kind: 'h', level: 3, text: issue.name, id: `issue-${issue.id}` },
    {
      kind: 'p',
      text: `${issue.description} Options: ${issue.options.map((o) => `${o.position} “${o.label}”`).join(', ')}.`,
    },
    {
      kind: 'table',
      head: ['party', 'position', 'salience', 'red line (acceptable)'],
      rows: stances.map((st) => [
        st.party,
        String(st.position.value),
        String(st.salience.value),
        st.acceptable ? `${st.acceptable.min}–${st.acceptable.max}` : '–',
      ]),
      numeric: [false, true, true, false],
    },
    ...stances.flatMap((st) => stanceBases(s, st)),
  ]
}

/** The basis of a stance's position and salience, and of its red line where it has one. */
function stanceBases(s: Scenario, stance: Stance): Block[] {
  const { party, position, salience, acceptable } = stance
  return [
    { kind: 'basis', label: `${party} position ${position.value}`, basis: basisOf(s, position) },
    { kind: 'basis', label: `${party} salience ${salience.value}`, basis: basisOf(s, salience) },
    ...(acceptable
      ? [
          {
            kind: 'basis',
            label: `${party} red line ${acceptable.min}–${acceptable.max}`,
            basis: basisOf(s, acceptable),
          } satisfies Block,
        ]
      : []),
  ]
}

/** Each party's points for each divisible item, with their basis; no section when there are no items. */
export function itemBlocks(report: ReportData): Block[] {
  const s = report.scenario
  if (s.items.length === 0) return []
  const parties = [...new Set(s.items.flatMap((i) => i.points.map((p) => p.party)))]
  return [
    { kind: 'h', level: 2, text: 'Divisible items', id: 'items' },
    {
      kind: 'table',
      head: ['item', ...parties.map((p) => `${p} points`)],
      rows: s.items.map((i) => [
        i.name,
        ...parties.map((p) => String(i.points.find((x) => x.party === p)?.value ?? '–')),
      ]),
      numeric: [false, ...parties.map(() => true)],
    },
    ...s.items.flatMap((i): Block[] => [
      ...((i.evidence?.length ?? 0) > 0
        ? [{ kind: 'basis', label: i.name, basis: basisOf(s, i) } satisfies Block]
        : []),
      ...i.points.map(
        (p): Block => ({
          kind: 'basis',
          label: `${i.name}: ${p.party} ${p.value} points`,
          basis: basisOf(s, p),
        }),
      ),
    ]),
  ]
}

/** The events, oldest first. */
export function timelineBlocks(report: ReportData): Block[] {
  const s = report.scenario
  return [
    { kind: 'h', level: 2, text: 'Timeline', id: 'timeline' },
    ...[...s.events]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((ev): Block => ({ kind: 'basis', label: eventLabel(ev), basis: basisOf(s, ev) })),
  ]
}

/** `≈ 2025-02-28 meeting: UA, US (…)`: the ≈ marks a date the source did not state exactly. */
function eventLabel(ev: ScenarioEvent): string {
  return `${ev.date_estimated ? '≈ ' : ''}${ev.date} ${ev.type}: ${ev.participants.join(', ')}${ev.summary ? ` (${ev.summary})` : ''}`
}

export function sourceBlocks(report: ReportData): Block[] {
  return [
    { kind: 'h', level: 2, text: 'Sources', id: 'sources' },
    {
      kind: 'sources',
      items: report.scenario.sources.map((src) => {
        const url = safeHttpUrl(src.url)
        return {
          id: src.id,
          title: src.title,
          date: src.date ?? '',
          estimated: src.date_estimated,
          ...(url ? { url } : {}),
        }
      }),
    },
  ]
}
