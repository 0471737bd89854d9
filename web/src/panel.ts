// The side panel (a modal <dialog>): a figure's evidence, or an article with a quote highlighted.
// Native <dialog> keeps keyboard focus inside while open and gives it back on close.
import type { Grounded, Scenario } from '../../src/scenario/index.ts'
import { api, read } from './api.ts'
import { append, type Child, clear, dateText, h, link } from './dom.ts'

const dialog = document.getElementById('panel') as HTMLDialogElement
const title = document.getElementById('panel-title') as HTMLElement
const body = document.getElementById('panel-body') as HTMLElement
document.getElementById('panel-close')?.addEventListener('click', () => dialog.close())
dialog.addEventListener('click', (e) => {
  if (e.target === dialog) dialog.close() // a click on the backdrop
})

export function openPanel(heading: string, ...content: (Child | Child[])[]): void {
  title.textContent = heading
  clear(body)
  append(body, content)
  if (!dialog.open) dialog.showModal()
  body.scrollTop = 0
}

/** A grounded number: its quotes with source, date (≈ when estimated) and link; or its assumption. */
export function basisView(
  s: Scenario,
  label: string,
  g: Pick<Grounded, 'evidence' | 'assumption'>,
): HTMLElement {
  const quotes = (g.evidence ?? []).map((e) => {
    const src = s.sources.find((x) => x.id === e.source)
    return h(
      'figure',
      { class: 'quote' },
      h('blockquote', {}, e.quote),
      h(
        'figcaption',
        {},
        src?.url ? link(src.url, src.title) : (src?.title ?? e.source),
        ` · ${dateText(src?.date, src?.date_estimated ?? false)}${src?.date_estimated ? ' (date estimated)' : ''} · source ${e.source}`,
      ),
    )
  })
  return h(
    'div',
    { class: 'basis' },
    h('h3', {}, label),
    quotes.length === 0
      ? h('p', { class: 'tag assumption-only' }, 'No quote: this number rests on an assumption alone.')
      : quotes,
    g.assumption ? h('p', { class: 'assumption' }, h('strong', {}, 'Assumption: '), g.assumption) : null,
  )
}

/** An article's cleaned text, rendered as text, with [start, end) highlighted and scrolled into view. */
export async function openArticle(documentId: number, start?: number, end?: number): Promise<void> {
  openPanel('Loading the article…')
  const doc = await read(api.sources[':id'].$get({ param: { id: String(documentId) } }))
  const text = doc.text
  const a = start !== undefined && end !== undefined && start >= 0 && end <= text.length && start < end
  const mark = a ? h('mark', {}, text.slice(start, end)) : null
  openPanel(
    doc.title ?? doc.path,
    h(
      'p',
      { class: 'meta' },
      `${dateText(doc.date, doc.dateEstimated)}${doc.dateEstimated ? ` (estimated: ${doc.dateBasis ?? 'no date in the article'})` : ''} · `,
      doc.url ? link(doc.url, 'original') : doc.path,
    ),
    h('div', { class: 'article' }, a ? [text.slice(0, start), mark, text.slice(end)] : text),
  )
  mark?.scrollIntoView({ block: 'center' })
}
