// The report's sections on what the analyses find: the summary, the forecasts and their sensitivity,
// the red lines and the packages, the conditions and their sequencing.
import type { Forecast } from '../analysis/forecast/index.ts'
import {
  conditionGraph,
  forecastChart,
  paretoChart,
  roadmapChart,
  roundsChart,
  sensitivityChart,
} from '../charts/index.ts'
import type { Condition, Scenario } from '../scenario/index.ts'
import { type Block, basisOf, issueName, oneDecimal } from './_blocks.ts'
import type { ReportData } from './data.ts'

/** What the analyses say, in a few lines; each line is worked out in its own section below. */
export function summaryBlocks(report: ReportData): Block[] {
  const s = report.scenario
  const contested = contestedIssues(report.forecast)
  const { deadlocks } = report.conditions
  const nash = report.frontier?.nash
  return [
    { kind: 'h', level: 2, text: 'Summary', id: 'summary' },
    {
      kind: 'list',
      items: [
        `Forecasts (compromise model) on the ${contested.length} issues with two or more parties: ${contested
          .map(
            (i) =>
              `${i.name} ${oneDecimal(i.models.compromise?.position)} (“${i.models.compromise?.option ?? '–'}”)`,
          )
          .join('; ')}.`,
        zopaSentence(report),
        report.conditions.consistent
          ? `The ${s.conditions.length} conditions can all hold together.`
          : `${deadlocks.length} deadlock${deadlocks.length === 1 ? '' : 's'} between conditions: ${deadlocks
              .map((x) => x.explanation)
              .join(' ')}`,
        ...(report.frontier && nash
          ? [`Nash package for ${report.frontier.parties.join(' and ')}: ${packageText(s, nash.outcome)}.`]
          : []),
      ],
    },
  ]
}

/** The issues on which two or more parties hold stances: the summary forecasts these, and charts their rounds. */
function contestedIssues(forecast: Forecast) {
  return forecast.issues.filter((i) => i.parties.length >= 2)
}

/** Whether any package meets every red line, and if none does, which parties clash on which issues. */
function zopaSentence(report: ReportData): string {
  const { zopa } = report
  if (zopa.feasible_packages > 0)
    return `${zopa.feasible_packages} of ${zopa.packages} packages meet every red line.`
  return `No package meets every red line: ${zopa.issues
    .filter((i) => i.feasible.length === 0)
    .map(
      (i) => `${issueName(report.scenario, i.issue)} (${i.conflicts.map((c) => c.join(' vs ')).join('; ')})`,
    )
    .join(', ')}.`
}

/** A package as `issue: option; …`, issues by name. */
function packageText(s: Scenario, outcome: Record<string, string | number>): string {
  return Object.entries(outcome)
    .map(([issue, option]) => `${issueName(s, issue)}: ${option}`)
    .join('; ')
}

export function forecastBlocks(report: ReportData, document: Document): Block[] {
  const { forecast } = report
  const models = forecast.models
  return [
    { kind: 'h', level: 2, text: 'Forecasts', id: 'forecasts' },
    {
      kind: 'p',
      text: `Six models on every issue, positions on the issue’s 0–100 scale; EUM and the exchange model after ${report.rounds} rounds. NBS disagreement point: ${report.nbsDisagreement}.`,
    },
    {
      kind: 'figure',
      element: forecastChart(forecast, { document }),
      caption: 'Forecast per issue, by model.',
    },
    {
      kind: 'table',
      head: ['issue', 'parties', ...models, 'compromise lands nearest'],
      rows: forecast.issues.map((i) => [
        i.name,
        i.parties.join(' ') || '–',
        ...models.map((m) => oneDecimal(i.models[m]?.position)),
        i.models.compromise?.option ?? '–',
      ]),
      numeric: [false, false, ...models.map(() => true), false],
    },
    ...contestedIssues(forecast).map(
      (i): Block => ({
        kind: 'figure',
        element: roundsChart(forecast, i.id, { document }),
        caption: `${i.name}: the weighted mean position round by round (EUM and exchange model).`,
      }),
    ),
  ]
}

export function sensitivityBlocks(report: ReportData, document: Document): Block[] {
  const { sensitivity } = report
  return [
    { kind: 'h', level: 2, text: 'Sensitivity', id: 'sensitivity' },
    {
      kind: 'p',
      text: `${sensitivity.draws} draws (seed ${sensitivity.seed}) of the ${sensitivity.inputs.length} uncertain numbers: a number with a range varies within it, one resting on an assumption alone within ± ${sensitivity.band} points, a quoted one stays fixed.`,
    },
    {
      kind: 'figure',
      element: sensitivityChart(sensitivity, { document }),
      caption: 'Forecast spread per issue and model: 5–95% (line), 25–75% (bar), median (tick).',
    },
    {
      kind: 'table',
      head: ['issue', 'model', '5%', 'median', '95%', 'moved most by'],
      // Only the models the draws move: a fixed forecast, or none, has no spread to show.
      rows: sensitivity.issues.flatMap((i) =>
        Object.entries(i.models)
          .filter(([, x]) => Number.isFinite(x.p50) && x.p95 - x.p05 > 1e-9)
          .map(([model, x]) => [
            issueName(report.scenario, i.id),
            model,
            oneDecimal(x.p05),
            oneDecimal(x.p50),
            oneDecimal(x.p95),
            x.drivers.map((dr) => `${dr.input} (r ${dr.correlation.toFixed(2)})`).join('; ') || '–',
          ]),
      ),
      numeric: [false, false, true, true, true, false],
    },
  ]
}

/** The red lines per issue, the options inside all of them, and where none is, the cheapest ways out. */
export function zopaBlocks(report: ReportData): Block[] {
  const s = report.scenario
  const { zopa } = report
  return [
    { kind: 'h', level: 2, text: 'Red lines and the zone of agreement', id: 'zopa' },
    { kind: 'p', text: zopaSentence(report) },
    {
      kind: 'table',
      head: ['issue', 'red lines', 'options inside all'],
      rows: zopa.issues
        .filter((i) => i.red_lines.length > 0)
        .map((i) => [
          issueName(s, i.issue),
          i.red_lines.map((r) => `${r.party} ${r.min}–${r.max}`).join(', '),
          i.feasible.length === 0 ? 'none' : i.feasible.join('; '),
        ]),
    },
    ...zopa.issues
      .filter((x) => x.feasible.length === 0)
      .map(
        (i): Block => ({
          kind: 'p',
          text: `${issueName(s, i.issue)}: cheapest relaxations (cost in salience × distance): ${i.relaxations
            .slice(0, 3)
            .map(
              (r) =>
                `“${r.option}” at cost ${r.cost} (${r.moves.map((m) => `${m.party} ${m.from.min}–${m.from.max} → ${m.to.min}–${m.to.max}`).join(', ')})`,
            )
            .join('; ')}.`,
        }),
      ),
  ]
}

/** The two parties' Pareto frontier with its Nash and Kalai–Smorodinsky packages, or why there is none. */
export function packageBlocks(report: ReportData, document: Document): Block[] {
  const s = report.scenario
  const { frontier, frontierNote } = report
  const heading: Block = { kind: 'h', level: 2, text: 'Packages', id: 'packages' }
  if (!frontier) return [heading, { kind: 'p', text: `No frontier: ${frontierNote}.` }]
  const utilities = (u: number[]) => u.map((x) => x.toFixed(3)).join(', ')
  return [
    heading,
    {
      kind: 'p',
      text: `${frontier.parties.join(' and ')}: ${frontier.outcomes} packages over ${frontier.issues.map((i) => issueName(s, i.id)).join(', ')}; ${frontier.pareto.count} points on the Pareto frontier.${frontierNote ? ` Red lines: ${frontierNote}.` : ''}`,
    },
    {
      kind: 'figure',
      element: paretoChart(frontier, { document }),
      caption:
        'The Pareto frontier of the two parties’ utilities, with the Nash and Kalai–Smorodinsky packages.',
    },
    {
      kind: 'list',
      items: [
        ...(frontier.nash
          ? [`Nash (${utilities(frontier.nash.utilities)}): ${packageText(s, frontier.nash.outcome)}`]
          : []),
        ...(frontier.ks
          ? [
              `Kalai–Smorodinsky (${utilities(frontier.ks.utilities)}): ${packageText(s, frontier.ks.outcome)}`,
            ]
          : []),
      ],
    },
  ]
}

/** The condition graph, its deadlocks and their cheapest relaxations, every condition, and the roadmap. */
export function conditionBlocks(report: ReportData, document: Document): Block[] {
  const s = report.scenario
  const { conditions } = report
  return [
    { kind: 'h', level: 2, text: 'Conditions and sequencing', id: 'conditions' },
    {
      kind: 'figure',
      element: conditionGraph(report.layout, { document }),
      caption:
        'An arrow runs from the issue that must be settled first to the issue that waits for it; red arrows form a deadlock.',
    },
    ...conditions.deadlocks.flatMap((deadlock): Block[] => [
      { kind: 'p', text: `Deadlock (${deadlock.parties.join(', ')}): ${deadlock.explanation}` },
      ...deadlock.evidence.map(
        (ev): Block => ({ kind: 'basis', label: `${ev.condition} (${ev.party})`, basis: basisOf(s, ev) }),
      ),
    ]),
    ...(conditions.relaxations.length > 0
      ? [
          {
            kind: 'list',
            items: conditions.relaxations
              .slice(0, 5)
              .map(
                (r) =>
                  `${r.change.map((ch) => `${ch.action} ${ch.condition}`).join(' and ')}: cost ${r.cost} (${r.cost_basis})`,
              ),
          } satisfies Block,
        ]
      : []),
    { kind: 'h', level: 3, text: 'Every condition', id: 'conditions-all' },
    ...s.conditions.map((x): Block => ({ kind: 'basis', label: conditionLabel(x), basis: basisOf(s, x) })),
    {
      kind: 'figure',
      element: roadmapChart(conditions, s, { document }),
      caption: `Roadmap${conditions.roadmap_relaxation ? ' after the cheapest relaxation' : ''}: each issue from its earliest day; a bar to its latest day, red on the critical path.`,
    },
  ]
}

/** A condition as a sentence: whose it is, which issue waits on which, and the bounds it sets. */
function conditionLabel(x: Condition): string {
  const { min, max } = x.requires
  return `${x.id} (${x.party}): ${x.issue} only after ${x.requires.issue}${min !== undefined ? ` ≥ ${min}` : ''}${max !== undefined ? ` ≤ ${max}` : ''}${x.min_days ? `, for at least ${x.min_days} days` : ''}${x.max_days !== undefined ? `, within ${x.max_days} days` : ''}`
}
