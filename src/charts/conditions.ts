// The condition graph: an issue per node, an arrow from the issue that must be settled first to the
// one that waits for it, labelled with the party and the days; the arrows of a deadlock in red.
// elkjs (layered, left to right) places the nodes and routes the arrows; drawing is plain SVG DOM.
// The roadmap is a Gantt-like chart: each issue from its earliest day to its latest, critical in red.
import * as Plot from '@observablehq/plot'
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js'
import type { ConditionsReport } from '../analysis/conditions/index.ts'
import type { Scenario } from '../scenario/index.ts'
import { ACCENT, CATEGORICAL, type ChartOptions, CLASS, clip, FONT, MUTED } from './common.ts'

export interface ConditionLayout {
  width: number
  height: number
  nodes: {
    id: string
    label: string
    x: number
    y: number
    width: number
    height: number
    deadlocked: boolean
  }[]
  edges: {
    id: string
    party: string
    label: string
    title: string
    deadlock: boolean
    points: { x: number; y: number }[]
    labelAt: { x: number; y: number }
  }[]
}

const NODE_HEIGHT = 34
const CHAR_WIDTH = 7

export async function layoutConditions(s: Scenario, report: ConditionsReport): Promise<ConditionLayout> {
  const inDeadlock = new Set(report.deadlocks.flatMap((d) => d.conditions))
  const involved = new Set(s.conditions.flatMap((c) => [c.issue, c.requires.issue]))
  const issues = s.issues.filter((i) => involved.has(i.id))
  const label = (id: string) => s.issues.find((i) => i.id === id)?.name ?? id
  const edgeLabel = (c: Scenario['conditions'][number]) =>
    `${c.party}${c.min_days ? `, ≥ ${c.min_days} d` : ''}${c.max_days !== undefined ? `, ≤ ${c.max_days} d` : ''}`
  // elkjs is large and CommonJS: loaded on first use (the dashboard fetches it with this view only);
  // its export carries itself as `default`, which both Node and Vite resolve.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js')
  const elk = new ELK.default()
  const input: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '28',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
    },
    children: issues.map((i) => ({
      id: i.id,
      width: Math.max(90, clip(i.name, 34).length * CHAR_WIDTH + 24),
      height: NODE_HEIGHT,
    })),
    edges: s.conditions.map((c) => ({
      id: c.id,
      sources: [c.requires.issue],
      targets: [c.issue],
      labels: [{ text: edgeLabel(c), width: edgeLabel(c).length * 6.2 + 8, height: 14 }],
    })),
  }
  const graph = await elk.layout(input)
  const deadlockedIssues = new Set(
    s.conditions.filter((c) => inDeadlock.has(c.id)).flatMap((c) => [c.issue, c.requires.issue]),
  )
  return {
    width: graph.width ?? 0,
    height: graph.height ?? 0,
    nodes: (graph.children ?? []).map((n: ElkNode) => ({
      id: n.id,
      label: clip(label(n.id), 34),
      x: n.x ?? 0,
      y: n.y ?? 0,
      width: n.width ?? 0,
      height: n.height ?? 0,
      deadlocked: deadlockedIssues.has(n.id),
    })),
    edges: (graph.edges ?? []).map((e: ElkExtendedEdge) => {
      const c = s.conditions.find((x) => x.id === e.id)
      const section = e.sections?.[0]
      const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : []
      const l = e.labels?.[0]
      return {
        id: e.id,
        party: c?.party ?? '',
        label: c ? edgeLabel(c) : '',
        title: `${e.id}: ${c?.summary ?? `${c?.party} on ${c?.issue} only after ${c?.requires.issue}`}`,
        deadlock: inDeadlock.has(e.id),
        points,
        labelAt: { x: (l?.x ?? 0) + (l?.width ?? 0) / 2, y: (l?.y ?? 0) + (l?.height ?? 0) / 2 },
      }
    }),
  }
}

export function conditionGraph(layout: ConditionLayout, { document }: ChartOptions): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg'
  const el = <K extends keyof SVGElementTagNameMap>(
    tag: K,
    attrs: Record<string, string | number>,
    text?: string,
  ): SVGElementTagNameMap[K] => {
    const e = document.createElementNS(NS, tag) as SVGElementTagNameMap[K]
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v))
    if (text !== undefined) e.textContent = text
    return e
  }
  const svg = el('svg', {
    viewBox: `0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`,
    width: Math.ceil(layout.width),
    height: Math.ceil(layout.height),
    class: `${CLASS} condition-graph`,
    role: 'img',
    'font-family': FONT,
    'font-size': 12,
  })
  svg.append(el('title', {}, 'Conditions between issues: an arrow points from the issue to settle first'))
  const defs = el('defs', {})
  for (const [id, colour] of [
    ['arrow', MUTED],
    ['arrow-deadlock', ACCENT],
  ] as const) {
    const marker = el('marker', {
      id,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    })
    marker.append(el('path', { d: 'M0,0L10,5L0,10z', fill: colour }))
    defs.append(marker)
  }
  svg.append(defs)
  for (const e of layout.edges) {
    const g = el('g', { class: e.deadlock ? 'edge deadlock' : 'edge' })
    g.append(el('title', {}, `${e.title}${e.deadlock ? ' (in a deadlock)' : ''}`))
    g.append(
      el('path', {
        d: e.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(''),
        fill: 'none',
        stroke: e.deadlock ? ACCENT : MUTED,
        'stroke-width': e.deadlock ? 2.5 : 1.5,
        'marker-end': `url(#${e.deadlock ? 'arrow-deadlock' : 'arrow'})`,
      }),
    )
    g.append(
      el(
        'text',
        {
          x: e.labelAt.x.toFixed(1),
          y: e.labelAt.y.toFixed(1),
          'text-anchor': 'middle',
          'dominant-baseline': 'middle',
          fill: e.deadlock ? ACCENT : '#444',
          'font-size': 11,
          'paint-order': 'stroke',
          stroke: 'white',
          'stroke-width': 3,
        },
        e.label,
      ),
    )
    svg.append(g)
  }
  for (const n of layout.nodes) {
    const g = el('g', { class: n.deadlocked ? 'node deadlocked' : 'node' })
    g.append(el('title', {}, n.label))
    g.append(
      el('rect', {
        x: n.x.toFixed(1),
        y: n.y.toFixed(1),
        width: n.width.toFixed(1),
        height: n.height.toFixed(1),
        rx: 6,
        fill: n.deadlocked ? '#fdecea' : '#f4f6f8',
        stroke: n.deadlocked ? ACCENT : (CATEGORICAL[0] as string),
        'stroke-width': 1.5,
      }),
    )
    g.append(
      el(
        'text',
        {
          x: (n.x + n.width / 2).toFixed(1),
          y: (n.y + n.height / 2).toFixed(1),
          'text-anchor': 'middle',
          'dominant-baseline': 'middle',
          fill: '#1d2733',
        },
        n.label,
      ),
    )
    svg.append(g)
  }
  return svg
}

export function roadmapChart(
  report: ConditionsReport,
  s: Scenario,
  { document, width = 760 }: ChartOptions,
): Element {
  const name = (id: string) => s.issues.find((i) => i.id === id)?.name ?? id
  const rows = report.roadmap
    .filter((st) => st.party === undefined)
    .map((st) => ({
      issue: clip(name(st.issue), 32),
      start: st.earliest_day,
      end: st.latest_day ?? st.earliest_day,
      bounded: st.latest_day !== null,
      critical: st.critical,
      title: `${name(st.issue)}: earliest day ${st.earliest_day}${
        st.latest_day === null ? ', no condition bounds it' : `, latest ${st.latest_day} (slack ${st.slack})`
      }${st.critical ? ', on the critical path' : ''}${st.after.length > 0 ? `; after ${st.after.join(', ')}` : ''}`,
    }))
  const last = rows.reduce((a, r) => Math.max(a, r.end), 10)
  const colour = (d: (typeof rows)[number]) => (d.critical ? ACCENT : (CATEGORICAL[0] as string))
  return Plot.plot({
    document,
    className: CLASS,
    width,
    height: 50 + rows.length * 28,
    marginLeft: 230,
    marginRight: 60,
    style: { fontFamily: FONT, fontSize: '12px' },
    x: { domain: [0, last], label: 'day →', grid: true },
    y: { domain: rows.map((r) => r.issue), label: null },
    marks: [
      // The window from the earliest to the latest day (the slack), where conditions bound the issue.
      Plot.barX(
        rows.filter((r) => r.bounded && r.end > r.start),
        { x1: 'start', x2: 'end', y: 'issue', fill: colour, fillOpacity: 0.2, inset: 6, title: 'title' },
      ),
      Plot.dot(rows, { x: 'start', y: 'issue', r: 5, fill: colour, title: 'title' }),
      Plot.text(rows, {
        x: 'start',
        y: 'issue',
        text: (d: (typeof rows)[number]) =>
          d.bounded ? `day ${d.start}${d.end > d.start ? `–${d.end}` : ''}` : `day ${d.start}, unbounded`,
        dx: 9,
        textAnchor: 'start',
        fill: '#1d2733',
        fontSize: 10,
      }),
    ],
  })
}
