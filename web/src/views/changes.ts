// What moved: new demands, concessions, hardenings, reversals, new conditions and rejections since a
// date, each with its quote, and the earlier quote it moved from. By default the month up to the
// newest article.
import { MOVE_LABELS } from '../../../src/core/index.ts'
import { api, read } from '../api.ts'
import { h, section, table } from '../dom.ts'
import { articleButton, dateCell } from './claims.ts'

export async function render(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const query: { since?: string; until?: string } = {}
  for (const k of ['since', 'until'] as const) {
    const v = params.get(k)
    if (v) query[k] = v
  }
  const r = await read(api.changes.$get({ query }))
  const dateInput = (id: string, label: string, value: string | null) =>
    h(
      'label',
      { for: id },
      label,
      h('input', {
        id,
        type: 'date',
        value: value ?? '',
        min: r.range.first ?? undefined,
        max: r.range.last ?? undefined,
      }),
    )
  const form = h(
    'form',
    {
      class: 'filters',
      'aria-label': 'Window',
      onsubmit: (e: Event) => {
        e.preventDefault()
        const q = new URLSearchParams()
        for (const k of ['since', 'until']) {
          const v = (form.querySelector(`#changes-${k}`) as HTMLInputElement).value
          if (v) q.set(k, v)
        }
        location.hash = `#/changes?${q}`
      },
    },
    dateInput('changes-since', 'Since ', r.since),
    dateInput('changes-until', 'Until ', r.until),
    h('button', { type: 'submit', class: 'primary' }, 'Show'),
  )
  main.append(
    h('h1', {}, 'Changes'),
    h(
      'p',
      { class: 'lede' },
      `What moved in the stored articles since a date, against each party’s earlier claims on the same issue (articles from ${r.range.first ?? '–'} to ${r.range.last ?? '–'}). A move toward the other parties’ latest positions is a concession, away from them a hardening, and back against the party’s previous move a reversal.`,
    ),
    form,
  )
  const notes = [
    r.undated > 0 ? `${r.undated} claims of undated articles cannot be placed in time and are left out.` : '',
    r.truncated ? 'The window holds more claims than were read: narrow it with an end date.' : '',
  ].filter((n) => n !== '')
  main.append(
    section(
      `${r.moves.length} move${r.moves.length === 1 ? '' : 's'} since ${r.since}${r.until ? ` until ${r.until}` : ''}`,
      ...notes.map((n) => h('p', { class: 'note' }, n)),
      r.moves.length === 0
        ? h('p', { class: 'note', 'data-empty': 'changes' }, 'Nothing moved in this window.')
        : table(
            ['date', 'kind', 'what moved', 'quote', 'before', 'source'],
            r.moves.map((m) => [
              dateCell(m.date, m.dateEstimated),
              h('span', { class: `badge kind-${m.kind}` }, MOVE_LABELS[m.kind]),
              m.summary,
              h('q', {}, m.claim.quote),
              m.from?.quote ? h('q', { class: 'before' }, m.from.quote) : '',
              articleButton(m.claim),
            ]),
          ),
    ),
  )
}
