// The claims in the store, filtered by party, issue and act, a page at a time; each opens its article
// with the quote highlighted.

import { ACTS } from '../../../src/core/index.ts'
import { analysis, api, read } from '../api.ts'
import { dateText, h, section, table } from '../dom.ts'
import { openArticle } from '../panel.ts'
import type { StoredClaim } from '../types.ts'

const PAGE = 25

export async function render(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const { scenario: s } = await analysis(api.scenario, {})
  const filter = {
    party: params.get('party') ?? '',
    issue: params.get('issue') ?? '',
    act: params.get('act') ?? '',
    page: Math.max(0, Number(params.get('page') ?? 0) || 0),
  }
  const query: Record<string, string> = { limit: String(PAGE), offset: String(filter.page * PAGE) }
  for (const k of ['party', 'issue', 'act'] as const) if (filter[k]) query[k] = filter[k]
  const { total, claims } = await read(api.claims.$get({ query }))

  const go = (change: Partial<typeof filter>) => {
    const next = { ...filter, page: 0, ...change }
    const q = new URLSearchParams()
    for (const [k, v] of Object.entries(next)) if (v !== '' && v !== 0) q.set(k, String(v))
    location.hash = `#/claims${q.size > 0 ? `?${q}` : ''}`
  }
  const select = (
    id: string,
    label: string,
    value: string,
    options: [string, string][],
    key: 'party' | 'issue' | 'act',
  ) =>
    h(
      'label',
      { for: id },
      label,
      h(
        'select',
        { id, onchange: (e: Event) => go({ [key]: (e.target as HTMLSelectElement).value }) },
        h('option', { value: '' }, 'all'),
        ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
      ),
    )
  const pages = Math.max(1, Math.ceil(total / PAGE))
  main.append(
    h('h1', {}, 'Claims'),
    h(
      'p',
      { class: 'lede' },
      'Who demanded, proposed, accepted, rejected or made conditional what, each with its verbatim quote.',
    ),
    section(
      `${total} claim${total === 1 ? '' : 's'}`,
      h(
        'form',
        { class: 'filters', 'aria-label': 'Filter the claims', onsubmit: (e: Event) => e.preventDefault() },
        select(
          'f-party',
          'Party ',
          filter.party,
          s.parties.map((p) => [p.id, `${p.id} – ${p.name}`]),
          'party',
        ),
        select(
          'f-issue',
          'Issue ',
          filter.issue,
          s.issues.map((i) => [i.id, i.name]),
          'issue',
        ),
        select(
          'f-act',
          'Act ',
          filter.act,
          ACTS.map((a) => [a, a]),
          'act',
        ),
      ),
      claimsTable(claims),
      h(
        'nav',
        { class: 'pager', 'aria-label': 'Pages' },
        h(
          'button',
          {
            type: 'button',
            disabled: filter.page === 0,
            onclick: () => go({ ...filter, page: filter.page - 1 }),
          },
          '← previous',
        ),
        h('span', {}, ` page ${filter.page + 1} of ${pages} `),
        h(
          'button',
          {
            type: 'button',
            disabled: filter.page + 1 >= pages,
            onclick: () => go({ ...filter, page: filter.page + 1 }),
          },
          'next →',
        ),
      ),
    ),
  )
}

/** Claims as a table: date, party, act, issue, quote, and a button that opens the article at the quote. */
export function claimsTable(claims: readonly StoredClaim[]): HTMLElement {
  return table(
    ['date', 'party', 'act', 'issue', 'quote', 'source'],
    claims.map((c) => [
      dateCell(c.date, c.dateEstimated),
      c.actor,
      c.act,
      `${c.issue}${c.condition_issue ? ` (if ${c.condition_issue}${c.min_days ? `, ${c.min_days} days` : ''})` : ''}`,
      h('q', {}, c.quote),
      articleButton(c),
    ]),
  )
}

export const dateCell = (date: string | null, estimated: boolean) =>
  h('span', { class: estimated ? 'date estimated' : 'date' }, dateText(date, estimated))

export const articleButton = (c: {
  documentId: number
  start?: number
  end?: number
  title: string | null
}) =>
  h(
    'button',
    { type: 'button', class: 'link', onclick: () => openArticle(c.documentId, c.start, c.end) },
    c.title ?? 'article',
  )
