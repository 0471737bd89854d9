// A report as a list of blocks, rendered to HTML (html.ts) or Markdown (markdown.ts): the same
// content, every figure next to its evidence. Text here is plain text; renderers escape it.
import {
  conditionGraph,
  forecastChart,
  heatmapChart,
  paretoChart,
  roadmapChart,
  roundsChart,
  sensitivityChart,
} from '../charts/index.ts'
import { safeHttpUrl } from '../core/index.ts'
import type { Grounded, Scenario } from '../scenario/index.ts'
import type { ReportData } from './data.ts'

export interface Basis {
  quotes: { quote: string; source: string; title: string; date: string; estimated: boolean; url?: string }[]
  assumption?: string
}

export type Block =
  | { kind: 'h'; level: 1 | 2 | 3; text: string; id?: string }
  | { kind: 'p'; text: string }
  | { kind: 'table'; head: string[]; rows: string[][]; numeric?: boolean[] }
  | { kind: 'figure'; element: Element; caption: string }
  | { kind: 'basis'; label: string; basis: Basis }
  | { kind: 'list'; items: string[] }
  | {
      kind: 'sources'
      items: { id: string; title: string; date: string; estimated: boolean; url?: string }[]
    }

const f1 = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1)

/** What a grounded number rests on: its quotes with their sources, and its assumption. */
export function basisOf(s: Scenario, g: Pick<Grounded, 'evidence' | 'assumption'>): Basis {
  return {
    quotes: (g.evidence ?? []).map((e) => {
      const src = s.sources.find((x) => x.id === e.source)
      const url = safeHttpUrl(src?.url)
      return {
        quote: e.quote,
        source: e.source,
        title: src?.title ?? e.source,
        date: src?.date ?? '',
        estimated: src?.date_estimated ?? false,
        ...(url ? { url } : {}),
      }
    }),
    ...(g.assumption ? { assumption: g.assumption } : {}),
  }
}

export function reportBlocks(d: ReportData, document: Document): Block[] {
  const s = d.scenario
  const issueName = (id: string) => s.issues.find((i) => i.id === id)?.name ?? id
  const blocks: Block[] = []
  const e = d.evidence
  blocks.push(
    { kind: 'h', level: 1, text: `${s.meta.title}: analysis as of ${s.meta.as_of}` },
    {
      kind: 'p',
      text:
        `Scenario ${s.meta.id}: ${s.parties.length} parties, ${s.issues.length} issues, ${s.stances.length} stances, ` +
        `${s.conditions.length} conditions, ${s.events.length} events. Evidence: ${e.quotes} verbatim quotes from ` +
        `${e.sourcesCited} of ${s.sources.length} sources; of ${e.numbers} numbers, ${e.evidenced} rest on quotes and ` +
        `${e.assumptionOnly} on a named assumption alone. Made by Parley (parley report); every figure below is followed by its basis.`,
    },
  )

  // Summary: what the analyses say, in a few lines.
  const contested = d.forecast.issues.filter((i) => i.parties.length >= 2)
  const zopaLine =
    d.zopa.feasible_packages > 0
      ? `${d.zopa.feasible_packages} of ${d.zopa.packages} packages meet every red line.`
      : `No package meets every red line: ${d.zopa.issues
          .filter((i) => i.feasible.length === 0)
          .map((i) => `${issueName(i.issue)} (${i.conflicts.map((c) => c.join(' vs ')).join('; ')})`)
          .join(', ')}.`
  blocks.push(
    { kind: 'h', level: 2, text: 'Summary', id: 'summary' },
    {
      kind: 'list',
      items: [
        `Forecasts (compromise model) on the ${contested.length} issues with two or more parties: ${contested
          .map(
            (i) => `${i.name} ${f1(i.models.compromise?.position)} (“${i.models.compromise?.option ?? '–'}”)`,
          )
          .join('; ')}.`,
        zopaLine,
        d.conditions.consistent
          ? `The ${s.conditions.length} conditions can all hold together.`
          : `${d.conditions.deadlocks.length} deadlock${d.conditions.deadlocks.length === 1 ? '' : 's'} between conditions: ${d.conditions.deadlocks
              .map((x) => x.explanation)
              .join(' ')}`,
        ...(d.frontier?.nash
          ? [
              `Nash package for ${d.frontier.parties.join(' and ')}: ${Object.entries(d.frontier.nash.outcome)
                .map(([i, o]) => `${issueName(i)}: ${o}`)
                .join('; ')}.`,
            ]
          : []),
      ],
    },
  )

  // Parties and positions, every number with its basis.
  blocks.push(
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
    { kind: 'h', level: 2, text: 'Positions', id: 'positions' },
    {
      kind: 'figure',
      element: heatmapChart(s, { document }),
      caption:
        'Each party’s position on each issue (0–100 on the issue’s own scale); * marks a position resting on an assumption alone.',
    },
  )
  for (const issue of s.issues) {
    const stances = s.stances.filter((st) => st.issue === issue.id)
    if (stances.length === 0) continue
    blocks.push(
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
    )
    for (const st of stances) {
      blocks.push(
        { kind: 'basis', label: `${st.party} position ${st.position.value}`, basis: basisOf(s, st.position) },
        { kind: 'basis', label: `${st.party} salience ${st.salience.value}`, basis: basisOf(s, st.salience) },
      )
      if (st.acceptable)
        blocks.push({
          kind: 'basis',
          label: `${st.party} red line ${st.acceptable.min}–${st.acceptable.max}`,
          basis: basisOf(s, st.acceptable),
        })
    }
  }

  // Forecasts.
  const models = d.forecast.models
  blocks.push(
    { kind: 'h', level: 2, text: 'Forecasts', id: 'forecasts' },
    {
      kind: 'p',
      text: `Six models on every issue, positions on the issue’s 0–100 scale; EUM and the exchange model after ${d.rounds} rounds. NBS disagreement point: ${d.nbsDisagreement}.`,
    },
    {
      kind: 'figure',
      element: forecastChart(d.forecast, { document }),
      caption: 'Forecast per issue, by model.',
    },
    {
      kind: 'table',
      head: ['issue', 'parties', ...models, 'compromise lands nearest'],
      rows: d.forecast.issues.map((i) => [
        i.name,
        i.parties.join(' ') || '–',
        ...models.map((m) => f1(i.models[m]?.position)),
        i.models.compromise?.option ?? '–',
      ]),
      numeric: [false, false, ...models.map(() => true), false],
    },
  )
  const moving = d.forecast.issues.filter((i) => i.parties.length >= 2)
  for (const i of moving)
    blocks.push({
      kind: 'figure',
      element: roundsChart(d.forecast, i.id, { document }),
      caption: `${i.name}: the weighted mean position round by round (EUM and exchange model).`,
    })

  // Sensitivity.
  blocks.push(
    { kind: 'h', level: 2, text: 'Sensitivity', id: 'sensitivity' },
    {
      kind: 'p',
      text: `${d.sensitivity.draws} draws (seed ${d.sensitivity.seed}) of the ${d.sensitivity.inputs.length} uncertain numbers: a number with a range varies within it, one resting on an assumption alone within ± ${d.sensitivity.band} points, a quoted one stays fixed.`,
    },
    {
      kind: 'figure',
      element: sensitivityChart(d.sensitivity, { document }),
      caption: 'Forecast spread per issue and model: 5–95% (line), 25–75% (bar), median (tick).',
    },
    {
      kind: 'table',
      head: ['issue', 'model', '5%', 'median', '95%', 'moved most by'],
      rows: d.sensitivity.issues.flatMap((i) =>
        Object.entries(i.models)
          .filter(([, x]) => Number.isFinite(x.p50) && x.p95 - x.p05 > 1e-9)
          .map(([m, x]) => [
            issueName(i.id),
            m,
            f1(x.p05),
            f1(x.p50),
            f1(x.p95),
            x.drivers.map((dr) => `${dr.input} (r ${dr.correlation.toFixed(2)})`).join('; ') || '–',
          ]),
      ),
      numeric: [false, false, true, true, true, false],
    },
  )

  // ZOPA and packages.
  blocks.push(
    { kind: 'h', level: 2, text: 'Red lines and the zone of agreement', id: 'zopa' },
    { kind: 'p', text: zopaLine },
    {
      kind: 'table',
      head: ['issue', 'red lines', 'options inside all'],
      rows: d.zopa.issues
        .filter((i) => i.red_lines.length > 0)
        .map((i) => [
          issueName(i.issue),
          i.red_lines.map((r) => `${r.party} ${r.min}–${r.max}`).join(', '),
          i.feasible.length === 0 ? 'none' : i.feasible.join('; '),
        ]),
    },
  )
  for (const i of d.zopa.issues.filter((x) => x.feasible.length === 0))
    blocks.push({
      kind: 'p',
      text: `${issueName(i.issue)}: cheapest relaxations (cost in salience × distance): ${i.relaxations
        .slice(0, 3)
        .map(
          (r) =>
            `“${r.option}” at cost ${r.cost} (${r.moves.map((m) => `${m.party} ${m.from.min}–${m.from.max} → ${m.to.min}–${m.to.max}`).join(', ')})`,
        )
        .join('; ')}.`,
    })
  blocks.push({ kind: 'h', level: 2, text: 'Packages', id: 'packages' })
  if (d.frontier) {
    const fr = d.frontier
    const pkg = (o: Record<string, string | number>) =>
      Object.entries(o)
        .map(([i, x]) => `${issueName(i)}: ${x}`)
        .join('; ')
    blocks.push(
      {
        kind: 'p',
        text: `${fr.parties.join(' and ')}: ${fr.outcomes} packages over ${fr.issues.map((i) => issueName(i.id)).join(', ')}; ${fr.pareto.count} points on the Pareto frontier.${d.frontierNote ? ` Red lines: ${d.frontierNote}.` : ''}`,
      },
      {
        kind: 'figure',
        element: paretoChart(fr, { document }),
        caption:
          'The Pareto frontier of the two parties’ utilities, with the Nash and Kalai–Smorodinsky packages.',
      },
      {
        kind: 'list',
        items: [
          ...(fr.nash
            ? [`Nash (${fr.nash.utilities.map((u) => u.toFixed(3)).join(', ')}): ${pkg(fr.nash.outcome)}`]
            : []),
          ...(fr.ks
            ? [
                `Kalai–Smorodinsky (${fr.ks.utilities.map((u) => u.toFixed(3)).join(', ')}): ${pkg(fr.ks.outcome)}`,
              ]
            : []),
        ],
      },
    )
  } else blocks.push({ kind: 'p', text: `No frontier: ${d.frontierNote}.` })

  // Conditions.
  const c = d.conditions
  blocks.push(
    { kind: 'h', level: 2, text: 'Conditions and sequencing', id: 'conditions' },
    {
      kind: 'figure',
      element: conditionGraph(d.layout, { document }),
      caption:
        'An arrow runs from the issue that must be settled first to the issue that waits for it; red arrows form a deadlock.',
    },
  )
  for (const dl of c.deadlocks) {
    blocks.push({ kind: 'p', text: `Deadlock (${dl.parties.join(', ')}): ${dl.explanation}` })
    for (const ev of dl.evidence)
      blocks.push({ kind: 'basis', label: `${ev.condition} (${ev.party})`, basis: basisOf(s, ev) })
  }
  if (c.relaxations.length > 0)
    blocks.push({
      kind: 'list',
      items: c.relaxations
        .slice(0, 5)
        .map(
          (r) =>
            `${r.change.map((ch) => `${ch.action} ${ch.condition}`).join(' and ')}: cost ${r.cost} (${r.cost_basis})`,
        ),
    })
  blocks.push({ kind: 'h', level: 3, text: 'Every condition', id: 'conditions-all' })
  for (const x of s.conditions)
    blocks.push({
      kind: 'basis',
      label: `${x.id} (${x.party}): ${x.issue} only after ${x.requires.issue}${x.requires.min !== undefined ? ` ≥ ${x.requires.min}` : ''}${x.requires.max !== undefined ? ` ≤ ${x.requires.max}` : ''}${x.min_days ? `, for at least ${x.min_days} days` : ''}${x.max_days !== undefined ? `, within ${x.max_days} days` : ''}`,
      basis: basisOf(s, x),
    })
  blocks.push({
    kind: 'figure',
    element: roadmapChart(c, s, { document }),
    caption: `Roadmap${c.roadmap_relaxation ? ' after the cheapest relaxation' : ''}: each issue from its earliest day; a bar to its latest day, red on the critical path.`,
  })

  // Divisible items: each party's points, with their basis.
  if (s.items.length > 0) {
    const parties = [...new Set(s.items.flatMap((i) => i.points.map((p) => p.party)))]
    blocks.push(
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
    )
    for (const i of s.items) {
      if ((i.evidence?.length ?? 0) > 0) blocks.push({ kind: 'basis', label: i.name, basis: basisOf(s, i) })
      for (const p of i.points)
        blocks.push({ kind: 'basis', label: `${i.name}: ${p.party} ${p.value} points`, basis: basisOf(s, p) })
    }
  }

  // Timeline and sources.
  blocks.push({ kind: 'h', level: 2, text: 'Timeline', id: 'timeline' })
  for (const ev of [...s.events].sort((a, b) => a.date.localeCompare(b.date)))
    blocks.push({
      kind: 'basis',
      label: `${ev.date_estimated ? '≈ ' : ''}${ev.date} ${ev.type}: ${ev.participants.join(', ')}${ev.summary ? ` (${ev.summary})` : ''}`,
      basis: basisOf(s, ev),
    })
  blocks.push(
    { kind: 'h', level: 2, text: 'Sources', id: 'sources' },
    {
      kind: 'sources',
      items: s.sources.map((src) => {
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
  )
  return blocks
}
