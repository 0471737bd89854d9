// Chart functions are pure: the same data and document give the same SVG. Snapshots of the bundled
// scenario's charts, drawn into linkedom's document as reports draw them.
import { parseHTML } from 'linkedom'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  conditionGraph,
  forecastChart,
  heatmapChart,
  paretoChart,
  roadmapChart,
  roundsChart,
  sensitivityChart,
  timelineChart,
} from '../../src/charts/index.ts'
import { defaultScenario } from '../../src/paths.ts'
import { type ReportData, reportData } from '../../src/report/index.ts'
import { loadScenario } from '../../src/scenario/index.ts'

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document
let d: ReportData
beforeAll(async () => {
  d = await reportData(await loadScenario(defaultScenario), { draws: 200, seed: 3 })
}, 60_000)

describe('charts of the bundled scenario, as SVG', () => {
  it.each([
    ['heatmap', () => heatmapChart(d.scenario, { document: doc() })],
    ['forecasts', () => forecastChart(d.forecast, { document: doc() })],
    ['rounds-ceasefire', () => roundsChart(d.forecast, 'ceasefire', { document: doc() })],
    ['sensitivity', () => sensitivityChart(d.sensitivity, { document: doc() })],
    ['pareto', () => paretoChart(d.frontier as NonNullable<ReportData['frontier']>, { document: doc() })],
    ['conditions', () => conditionGraph(d.layout, { document: doc() })],
    ['roadmap', () => roadmapChart(d.conditions, d.scenario, { document: doc() })],
  ])('%s', async (name, draw) => {
    const first = draw().outerHTML
    expect(draw().outerHTML).toBe(first) // pure: drawn twice, the same
    expect(first).toMatch(/<svg/)
    await expect(first).toMatchFileSnapshot(`./__snapshots__/${name}.svg`)
  })

  it('the condition graph marks the two conditions of the deadlock, and no other', () => {
    const svg = conditionGraph(d.layout, { document: doc() })
    expect(svg.querySelectorAll('g.edge.deadlock').length).toBe(2)
    expect(svg.querySelectorAll('g.edge').length).toBe(d.scenario.conditions.length)
  })

  it('the timeline draws estimated dates hollow and known ones filled', () => {
    const item = { lane: 'call', label: 'a call', quote: 'q' }
    const svg = timelineChart(
      [
        { ...item, date: '2025-03-18', estimated: true },
        { ...item, date: '2025-04-01', estimated: false },
      ],
      { document: doc() },
    )
    // Plot puts a constant fill on the mark's group, a channel fill on each circle.
    expect(svg.querySelectorAll('g[fill="white"] circle').length).toBe(1)
    expect([...svg.querySelectorAll('circle[fill]')].map((c) => c.getAttribute('fill'))).toEqual(['#4e79a7'])
  })

  it('text from the data is escaped in the SVG, never markup', () => {
    const s = {
      ...d.scenario,
      issues: d.scenario.issues.map((i, k) => (k === 0 ? { ...i, name: '<script>alert(1)</script>' } : i)),
    }
    const html = heatmapChart(s, { document: doc() }).outerHTML
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>')
  })
})
