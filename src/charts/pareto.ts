// The Pareto frontier of two parties' utilities, with the Nash and Kalai–Smorodinsky packages marked.
import * as Plot from '@observablehq/plot'
import type { ScenarioFrontier } from '../analysis/packages/index.ts'
import { ACCENT, CATEGORICAL, type ChartOptions, CLASS, FONT } from './common.ts'

export function paretoChart(f: ScenarioFrontier, { document, width = 560 }: ChartOptions): Element {
  const [a = 'A', b = 'B'] = f.parties
  const points = f.pareto.points.map((p) => ({
    u: p.utilities[0] ?? 0,
    v: p.utilities[1] ?? 0,
    outcome: p.outcome,
  }))
  const marked = [
    ...(f.nash ? [{ name: 'Nash', u: f.nash.utilities[0] ?? 0, v: f.nash.utilities[1] ?? 0 }] : []),
    ...(f.ks ? [{ name: 'Kalai–Smorodinsky', u: f.ks.utilities[0] ?? 0, v: f.ks.utilities[1] ?? 0 }] : []),
  ]
  const text = (outcome: Record<string, string | number>) =>
    Object.entries(outcome)
      .map(([issue, option]) => `${issue}: ${option}`)
      .join('\n')
  // Show the frontier's neighbourhood, not the empty square below it: from a little under its lowest
  // utilities up to 1.
  const lo = (xs: number[]) =>
    Math.max(0, Math.floor((xs.reduce((a, b) => Math.min(a, b), 1) - 0.05) * 20) / 20)
  const all = [...points, ...marked]
  return Plot.plot({
    document,
    className: CLASS,
    width,
    height: Math.round(width * 0.8),
    style: { fontFamily: FONT, fontSize: '12px' },
    x: { domain: [lo(all.map((p) => p.u)), 1], label: `${a}'s utility →`, grid: true },
    y: { domain: [lo(all.map((p) => p.v)), 1], label: `↑ ${b}'s utility`, grid: true },
    marks: [
      Plot.line(points, { x: 'u', y: 'v', stroke: CATEGORICAL[0], strokeOpacity: 0.5, curve: 'step-after' }),
      Plot.dot(points, {
        x: 'u',
        y: 'v',
        r: 3.5,
        fill: CATEGORICAL[0],
        title: (d: (typeof points)[number]) =>
          `${a} ${d.u.toFixed(3)}, ${b} ${d.v.toFixed(3)}\n${text(d.outcome)}`,
      }),
      Plot.dot(marked, { x: 'u', y: 'v', r: 8, stroke: ACCENT, strokeWidth: 2, symbol: 'diamond' }),
      ...marked.map((m, k) =>
        Plot.text([m], {
          x: 'u',
          y: 'v',
          text: 'name',
          dx: k === 0 ? 12 : -12,
          dy: k === 0 ? -12 : 12,
          textAnchor: k === 0 ? 'start' : 'end',
          fill: ACCENT,
          fontWeight: 600,
        }),
      ),
    ],
  })
}
