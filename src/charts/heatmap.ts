// The party × issue position map as SVG (the dashboard draws the same map as an accessible table):
// the cell's colour is the position on the issue's 0–100 scale, its label the position, and a * marks
// a position that rests on an assumption alone.
import * as Plot from '@observablehq/plot'
import type { Scenario } from '../scenario/index.ts'
import { type ChartOptions, CLASS, clip, FONT } from './common.ts'

export function heatmapChart(s: Scenario, { document, width = 760 }: ChartOptions): Element {
  const rows = s.stances.map((st) => {
    const quoted = (st.position.evidence?.length ?? 0) > 0
    return {
      party: st.party,
      issue: s.issues.find((i) => i.id === st.issue)?.name ?? st.issue,
      position: st.position.value,
      salience: st.salience.value,
      label: `${st.position.value}${quoted ? '' : '*'}`,
      title: `${st.party} on ${st.issue}: position ${st.position.value}, salience ${st.salience.value}${
        quoted
          ? `\n“${clip(st.position.evidence?.[0]?.quote ?? '', 200)}”`
          : `\nassumption: ${st.position.assumption ?? ''}`
      }`,
    }
  })
  const issues = s.issues.map((i) => i.name)
  const parties = s.parties.map((p) => p.id)
  return Plot.plot({
    document,
    className: CLASS,
    width,
    height: 40 + issues.length * 28,
    marginLeft: 230,
    style: { fontFamily: FONT, fontSize: '12px' },
    x: { domain: parties, label: null, axis: 'top' },
    y: { domain: issues, label: null, tickFormat: (d: string) => clip(d, 30) },
    color: {
      type: 'quantize',
      domain: [0, 100],
      n: 5,
      scheme: 'purd',
      legend: true,
      label: 'position (0–100)',
    },
    marks: [
      Plot.cell(rows, { x: 'party', y: 'issue', fill: 'position', inset: 1, title: 'title' }),
      Plot.text(rows, {
        x: 'party',
        y: 'issue',
        text: 'label',
        fill: (d: (typeof rows)[number]) => (d.position > 60 ? 'white' : 'black'),
      }),
    ],
  })
}
