// Search: PostgreSQL full-text search over the stored articles (title and text) and the claims'
// quotes. Matched words are marked in the snippets, built as text nodes, never parsed as markup.

import { MATCH_END, MATCH_START } from '../../../src/core/index.ts'
import { api, read } from '../api.ts'
import { h, section, table } from '../dom.ts'
import { articleButton, claimsTable, dateCell } from './claims.ts'

/** A snippet with its matched words in <mark>, every part a text node. */
export function marked(snippet: string): HTMLElement {
  const out = h('span', { class: 'snippet' })
  const re = new RegExp(`${MATCH_START}([^${MATCH_END}]*)${MATCH_END}`, 'g')
  let at = 0
  for (const m of snippet.matchAll(re)) {
    out.append(snippet.slice(at, m.index), h('mark', {}, m[1] ?? ''))
    at = m.index + m[0].length
  }
  out.append(snippet.slice(at).replaceAll(MATCH_START, '').replaceAll(MATCH_END, ''))
  return out
}

export async function render(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const q = params.get('q') ?? ''
  const input = h('input', {
    id: 'search-q',
    type: 'search',
    name: 'q',
    value: q,
    placeholder: 'e.g. "energy infrastructure" ceasefire -Kursk',
    'aria-label': 'Search words',
  })
  main.append(
    h('h1', {}, 'Search'),
    h(
      'p',
      { class: 'lede' },
      'The stored articles and the claims’ quotes, searched with PostgreSQL text search: words match their other forms (withdraw, withdrawal), "…" finds a phrase, -word leaves out, or joins.',
    ),
    h(
      'form',
      {
        class: 'filters',
        role: 'search',
        onsubmit: (e: Event) => {
          e.preventDefault()
          location.hash = `#/search?${new URLSearchParams({ q: input.value.trim() })}`
        },
      },
      input,
      h('button', { type: 'submit', class: 'primary' }, 'Search'),
    ),
  )
  if (q.trim() === '') return
  const r = await read(api.search.$get({ query: { q, limit: '25' } }))
  main.append(
    section(
      `${r.documents.total}${r.documents.capped ? '+' : ''} article${r.documents.total === 1 ? '' : 's'}${r.documents.total > r.documents.hits.length ? ` (the ${r.documents.hits.length} best)` : ''}`,
      r.documents.hits.length === 0
        ? h('p', { class: 'note', 'data-empty': 'articles' }, 'No article matches.')
        : table(
            ['date', 'article', 'passage'],
            r.documents.hits.map((d) => [
              dateCell(d.date, d.dateEstimated),
              articleButton({ documentId: d.id, title: d.title ?? d.path }),
              marked(d.snippet),
            ]),
          ),
    ),
    section(
      `${r.claims.total}${r.claims.capped ? '+' : ''} claim${r.claims.total === 1 ? '' : 's'}${r.claims.total > r.claims.hits.length ? ` (the ${r.claims.hits.length} best)` : ''}`,
      r.claims.hits.length === 0
        ? h('p', { class: 'note', 'data-empty': 'claims' }, 'No claim quote matches.')
        : claimsTable(r.claims.hits),
    ),
  )
}
