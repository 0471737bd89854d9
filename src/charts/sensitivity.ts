// The spread of each model's forecast per issue under the sensitivity draws: 5–95% as a thin rule,
// 25–75% as a bar, the median as a tick.
import * as Plot from '@observablehq/plot'
import type { SensitivityReport } from '../analysis/sensitivity/index.ts'
import { CATEGORICAL, type ChartOptions, CLASS, FONT } from './common.ts'

export function sensitivityChart(r: SensitivityReport, { document, width = 760 }: ChartOptions): Element {
  const rows = r.issues.flatMap((issue) =>
    Object.entries(issue.models)
      .filter(([, d]) => Number.isFinite(d.p50))
      .map(([model, d]) => ({ issue: issue.id, model, ...d })),
  )
  const models = [...new Set(rows.map((x) => x.model))]
  return Plot.plot({
    document,
    className: CLASS,
    width,
    height: 60 + r.issues.length * (models.length * 12 + 14),
    marginLeft: 150,
    style: { fontFamily: FONT, fontSize: '12px' },
    x: { domain: [0, 100], label: 'forecast position →', grid: true },
    fy: { domain: r.issues.map((i) => i.id), label: null },
    y: { domain: models, axis: null },
    color: { domain: models, range: CATEGORICAL, legend: true },
    facet: { data: rows, y: 'issue', marginLeft: 150 },
    marks: [
      Plot.ruleY(rows, { x1: 'p05', x2: 'p95', y: 'model', stroke: 'model', strokeOpacity: 0.6 }),
      Plot.barX(rows, { x1: 'p25', x2: 'p75', y: 'model', fill: 'model', fillOpacity: 0.45, inset: 1 }),
      Plot.tickX(rows, {
        x: 'p50',
        y: 'model',
        stroke: 'model',
        strokeWidth: 2,
        title: (d: (typeof rows)[number]) =>
          `${d.issue} — ${d.model}: median ${d.p50.toFixed(1)}, 50% in ${d.p25.toFixed(1)}–${d.p75.toFixed(1)}, 90% in ${d.p05.toFixed(1)}–${d.p95.toFixed(1)}`,
      }),
    ],
  })
}
