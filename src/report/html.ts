// The report as one self-contained HTML file: inline CSS and SVG, no script, nothing fetched.
// Built as a DOM (linkedom), so that no text is ever pasted in as markup, and written out by
// `serializeHtml` (_escape.ts), which sends every text and attribute through the one escaper: the
// <title> and the charts' SVG tooltips included, which linkedom's own serialiser leaves raw.
import { parseHTML } from 'linkedom'
import { serializeHtml } from './_escape.ts'
import { type Basis, type Block, reportBlocks } from './content.ts'
import type { ReportData } from './data.ts'

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2733; max-width: 980px; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #d8dde3; padding-bottom: .2rem; }
h3 { margin-top: 1.4rem; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: 13px; }
th, td { border-bottom: 1px solid #e3e6ea; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f4f6f8; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0 1.4rem; } figcaption { color: #5b6572; font-size: 13px; }
svg { max-width: 100%; height: auto; }
.basis { margin: .2rem 0 .6rem; font-size: 13px; }
.basis .label { font-weight: 600; }
blockquote { margin: .2rem 0 .2rem 1rem; padding-left: .6rem; border-left: 3px solid #b9c3cf; }
.src { color: #5b6572; } .assumption { color: #7a4b00; }
`

export function renderHtml(data: ReportData): string {
  const { document } = parseHTML('<!doctype html><html lang="en"><head></head><body></body></html>')
  const doc = document as unknown as Document
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string) => {
    const e = doc.createElement(tag)
    if (text !== undefined) e.textContent = text
    if (cls) e.className = cls
    return e
  }
  const meta = el('meta')
  meta.setAttribute('charset', 'utf-8')
  const viewport = el('meta')
  viewport.setAttribute('name', 'viewport')
  viewport.setAttribute('content', 'width=device-width, initial-scale=1')
  // No network and no script, even if someone edits the file later and adds some.
  const csp = el('meta')
  csp.setAttribute('http-equiv', 'Content-Security-Policy')
  csp.setAttribute('content', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
  doc.head.append(meta, viewport, csp, el('title', data.scenario.meta.title), el('style', STYLE))
  const body = doc.body
  for (const block of reportBlocks(data, doc)) body.append(render(block))
  return `<!doctype html>\n${serializeHtml(doc.documentElement)}\n`

  function render(b: Block): Element {
    switch (b.kind) {
      case 'h': {
        const h = el(`h${b.level}` as 'h1', b.text)
        if (b.id) h.id = b.id
        return h
      }
      case 'p':
        return el('p', b.text)
      case 'list': {
        const ul = el('ul')
        for (const item of b.items) ul.append(el('li', item))
        return ul
      }
      case 'table': {
        const table = el('table')
        const head = el('tr')
        for (const h of b.head) head.append(el('th', h))
        const thead = el('thead')
        thead.append(head)
        const tbody = el('tbody')
        for (const row of b.rows) {
          const tr = el('tr')
          row.forEach((cell, k) => {
            tr.append(el('td', cell, b.numeric?.[k] ? 'num' : undefined))
          })
          tbody.append(tr)
        }
        table.append(thead, tbody)
        return table
      }
      case 'figure': {
        const fig = el('figure')
        fig.append(b.element, el('figcaption', b.caption))
        return fig
      }
      case 'basis':
        return basis(b.label, b.basis)
      case 'sources': {
        const ol = el('ol')
        for (const s of b.items) {
          const li = el('li')
          li.id = `source-${s.id}`
          li.append(`${s.id}: `)
          if (s.url) {
            const a = el('a', s.title)
            a.setAttribute('href', s.url)
            a.setAttribute('rel', 'noopener noreferrer')
            li.append(a)
          } else li.append(el('cite', s.title))
          li.append(
            el(
              'span',
              ` (${s.estimated ? '≈ ' : ''}${s.date || 'undated'}${s.estimated ? ', estimated' : ''})`,
              'src',
            ),
          )
          ol.append(li)
        }
        return ol
      }
    }
  }

  function basis(label: string, b: Basis): Element {
    const div = el('div', undefined, 'basis')
    div.append(el('span', `${label}: `, 'label'))
    if (b.quotes.length === 0 && b.assumption === undefined) div.append('no basis given')
    for (const q of b.quotes) {
      const bq = el('blockquote', `“${q.quote}”`)
      const src = el(
        'span',
        ` — ${q.title}, ${q.estimated ? '≈ ' : ''}${q.date || 'undated'} [${q.source}]`,
        'src',
      )
      bq.append(src)
      div.append(bq)
    }
    if (b.assumption) div.append(el('div', `Assumption: ${b.assumption}`, 'assumption'))
    return div
  }
}
