// Events and claims from the stored articles by date; estimated dates hollow in the chart and ≈ in the list.
import { type TimelineItem, timelineChart } from '../../../src/charts/index.ts'
import { api, read } from '../api.ts'
import { dateText, h, section, table } from '../dom.ts'
import { openArticle } from '../panel.ts'

interface Row extends TimelineItem {
  documentId: number
  start: number
  end: number
  title: string
}

export async function render(main: HTMLElement): Promise<void> {
  const [{ events }, { claims }] = await Promise.all([
    read(api.events.$get()),
    read(api.claims.$get({ query: { limit: '1000' } })),
  ])
  const rows: Row[] = [
    ...events.map((e) => ({
      date: e.date ?? e.documentDate ?? '',
      estimated: e.dateEstimated,
      lane: `event: ${e.type}`,
      label: `${e.type}${e.participants.length > 0 ? ` (${e.participants.join(', ')})` : ''}`,
      quote: e.quote,
      documentId: e.documentId,
      start: e.start,
      end: e.end,
      title: e.title ?? e.path,
    })),
    ...claims.map((c) => ({
      date: c.date ?? '',
      estimated: c.dateEstimated,
      lane: `claim: ${c.act}`,
      label: `${c.actor}: ${c.act}, ${c.issue}`,
      quote: c.quote,
      documentId: c.documentId,
      start: c.start,
      end: c.end,
      title: c.title ?? c.path,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.lane.localeCompare(b.lane))
  const estimated = rows.filter((r) => r.estimated).length
  main.append(
    h('h1', {}, 'Timeline'),
    h(
      'p',
      { class: 'lede' },
      `${events.length} events and ${claims.length} claims from the stored articles. ${estimated} of them carry an estimated date (hollow dots, ≈): the article gave none, so its date was inferred.`,
    ),
    section('By date', h('div', { class: 'chart' }, timelineChart(rows, { document, width: 900 }))),
    section(
      'Every item, with its quote',
      table(
        ['date', 'kind', 'what', 'quote', ''],
        rows.map((r) => [
          h(
            'span',
            {
              class: r.estimated ? 'estimated' : undefined,
              title: r.estimated ? 'estimated date' : undefined,
            },
            dateText(r.date, r.estimated),
          ),
          r.lane,
          r.label,
          h('q', {}, r.quote),
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => openArticle(r.documentId, r.start, r.end) },
            'in the article',
          ),
        ]),
      ),
    ),
  )
}
