// The report as one Markdown file: tables and quotes in Markdown, the charts as inline SVG.
// Text from articles and scenarios is escaped so that it reads as text, never as markup.
import { parseHTML } from 'linkedom'
import { serializeHtml } from './_escape.ts'
import { type Basis, type Block, reportBlocks } from './content.ts'
import type { ReportData } from './data.ts'

/** Escapes Markdown and inline HTML: what the text says is what shows. */
export function mdText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
    .replace(/^([#+-]|\d+\.)/, '\\$1')
}

export function renderMarkdown(data: ReportData): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>')
  const out: string[] = []
  for (const b of reportBlocks(data, document as unknown as Document)) out.push(render(b))
  return `${out.join('\n\n')}\n`

  function render(b: Block): string {
    switch (b.kind) {
      case 'h':
        return `${'#'.repeat(b.level)} ${mdText(b.text)}`
      case 'p':
        return mdText(b.text)
      case 'list':
        return b.items.map((i) => `- ${mdText(i)}`).join('\n')
      case 'table': {
        const row = (cells: string[]) => `| ${cells.map(mdText).join(' | ')} |`
        const rule = `|${b.head.map((_, k) => (b.numeric?.[k] ? '---:' : '---')).join('|')}|`
        return [row(b.head), rule, ...b.rows.map(row)].join('\n')
      }
      case 'figure':
        return `<figure>\n${serializeHtml(b.element)}\n<figcaption>${mdText(b.caption)}</figcaption>\n</figure>`
      case 'basis':
        return basis(b.label, b.basis)
      case 'sources':
        return b.items
          .map((s, k) => {
            const title = s.url
              ? `[${mdText(s.title)}](<${s.url.replace(/[<>\s]/g, encodeURIComponent)}>)`
              : mdText(s.title)
            return `${k + 1}. ${mdText(s.id)}: ${title} (${s.estimated ? '≈ ' : ''}${s.date || 'undated'}${s.estimated ? ', estimated' : ''})`
          })
          .join('\n')
    }
  }

  function basis(label: string, b: Basis): string {
    const lines = [`**${mdText(label)}**`]
    if (b.quotes.length === 0 && b.assumption === undefined) lines.push('no basis given')
    for (const q of b.quotes)
      lines.push(
        `> “${mdText(q.quote)}” — ${mdText(q.title)}, ${q.estimated ? '≈ ' : ''}${q.date || 'undated'} \\[${mdText(q.source)}\\]`,
      )
    if (b.assumption) lines.push(`*Assumption:* ${mdText(b.assumption)}`)
    return lines.join('\n\n')
  }
}
