// Forecasts by model per issue (a dot per model on each issue's 0–100 scale), and the rounds of the
// iterative models on one issue as lines.
import * as Plot from '@observablehq/plot'
import type { Forecast } from '../analysis/forecast/index.ts'
import { CATEGORICAL, type ChartOptions, CLASS, clip, FONT } from './common.ts'

export function forecastChart(f: Forecast, { document, width = 760 }: ChartOptions): Element {
  const rows = f.issues.flatMap((issue) =>
    f.models.flatMap((model) => {
      const position = issue.models[model]?.position
      return position === null || position === undefined
        ? []
        : [{ issue: issue.name, model, position, option: issue.models[model]?.option ?? '' }]
    }),
  )
  const issues = f.issues.map((i) => i.name)
  return Plot.plot({
    document,
    className: CLASS,
    width,
    height: 40 + issues.length * 30,
    marginLeft: 230,
    style: { fontFamily: FONT, fontSize: '12px' },
    x: { domain: [0, 100], label: 'forecast position on the issue’s scale →', grid: true },
    y: { domain: issues, label: null, tickFormat: (d: string) => clip(d, 30) },
    color: { domain: f.models, range: CATEGORICAL, legend: true },
    marks: [
      Plot.ruleY(issues, { stroke: '#e3e5e8' }),
      Plot.dot(rows, {
        x: 'position',
        y: 'issue',
        fill: 'model',
        r: 5,
        stroke: 'white',
        title: (d: (typeof rows)[number]) =>
          `${d.issue} — ${d.model}: ${d.position.toFixed(1)} (${d.option})`,
      }),
    ],
  })
}

/** The weighted mean after each round, one line per iterative model, on one issue. */
export function roundsChart(f: Forecast, issueId: string, { document, width = 560 }: ChartOptions): Element {
  const issue = f.issues.find((i) => i.id === issueId)
  const rows = Object.entries(issue?.models ?? {}).flatMap(([model, r]) =>
    (r.rounds ?? []).map((round) => ({ model, round: round.round, mean: round.mean })),
  )
  const models = [...new Set(rows.map((r) => r.model))]
  return Plot.plot({
    document,
    className: CLASS,
    width,
    height: 260,
    style: { fontFamily: FONT, fontSize: '12px' },
    x: { label: 'round →', ticks: 10, tickFormat: 'd' },
    y: { domain: [0, 100], label: '↑ weighted mean position', grid: true },
    color: { domain: models, range: [CATEGORICAL[4] as string, CATEGORICAL[5] as string], legend: true },
    marks: [
      Plot.line(rows, { x: 'round', y: 'mean', stroke: 'model', strokeWidth: 2 }),
      Plot.dot(rows, {
        x: 'round',
        y: 'mean',
        fill: 'model',
        r: 3,
        title: (d: (typeof rows)[number]) => `${d.model}, round ${d.round}: ${d.mean.toFixed(2)}`,
      }),
    ],
  })
}
