// Events and claims by date, one lane per kind; items on the same day and lane share a dot sized by
// their number. A dot whose dates are all estimated is drawn hollow, and its title says ≈.
import * as Plot from '@observablehq/plot'
import { CATEGORICAL, type ChartOptions, CLASS, clip, FONT } from './common.ts'

export interface TimelineItem {
  date: string
  estimated: boolean
  /** The row it sits in: an event type ("call") or a claim's act ("claim: propose"). */
  lane: string
  label: string
  quote: string
}

export function timelineChart(
  items: readonly TimelineItem[],
  { document, width = 760 }: ChartOptions,
): Element {
  const groups = new Map<string, TimelineItem[]>()
  for (const i of items) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(i.date)) continue
    const key = `${i.date} ${i.lane}`
    groups.set(key, [...(groups.get(key) ?? []), i])
  }
  const rows = [...groups.values()].map((list) => {
    const first = list[0] as TimelineItem
    return {
      when: new Date(`${first.date}T12:00:00Z`),
      date: first.date,
      lane: first.lane,
      n: list.length,
      estimated: list.every((i) => i.estimated),
      title:
        `${list.every((i) => i.estimated) ? '≈ ' : ''}${first.date} — ${first.lane}, ${list.length} item${list.length === 1 ? '' : 's'}` +
        list
          .slice(0, 6)
          .map((i) => `\n• ${i.label}: “${clip(i.quote, 140)}”${i.estimated ? ' (date estimated)' : ''}`)
          .join('') +
        (list.length > 6 ? `\n… and ${list.length - 6} more` : ''),
    }
  })
  const lanes = [...new Set(rows.map((r) => r.lane))].sort()
  return Plot.plot({
    document,
    className: CLASS,
    width,
    height: 70 + lanes.length * 34,
    marginLeft: 130,
    style: { fontFamily: FONT, fontSize: '12px' },
    x: { type: 'utc', label: 'date →', grid: true },
    y: { domain: lanes, label: null },
    r: { range: [4, 12] },
    color: { domain: lanes, range: CATEGORICAL },
    marks: [
      Plot.ruleY(lanes, { stroke: '#e3e5e8' }),
      // Dates known: filled. Dates estimated: hollow.
      Plot.dot(
        rows.filter((r) => !r.estimated),
        { x: 'when', y: 'lane', r: 'n', fill: 'lane', stroke: 'white', title: 'title' },
      ),
      Plot.dot(
        rows.filter((r) => r.estimated),
        { x: 'when', y: 'lane', r: 'n', fill: 'white', stroke: 'lane', strokeWidth: 1.5, title: 'title' },
      ),
    ],
  })
}
