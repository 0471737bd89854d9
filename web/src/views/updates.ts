// Updates: what the store's new articles propose to change in the scenario, each change with its
// quotes. The analyst ticks the changes to accept and saves the scenario; each accepted change is
// recorded in the file's history with the day it was accepted.
import { api, applyUpdates, download, read } from '../api.ts'
import { errorBox, h, section, table } from '../dom.ts'

const KIND: Record<string, string> = {
  position: 'position',
  stance: 'new stance',
  red_line: 'red line',
  condition: 'condition',
  contradiction: 'contradicted',
  event: 'event',
}

export async function render(main: HTMLElement): Promise<void> {
  const set = await read(api.updates.$get())
  main.append(
    h('h1', {}, 'Updates'),
    h(
      'p',
      { class: 'lede' },
      'Articles in the store that the scenario does not cite yet, read with the drafting rules (parley scenario update). Each proposed change shows the quotes behind it. Tick the changes you accept and save the scenario: they are written into it, and each goes into its history with the day it was accepted.',
    ),
  )
  if (set.newArticles.length === 0) {
    main.append(
      h(
        'p',
        { class: 'note', 'data-empty': 'updates' },
        `No new articles: the ${set.known} stored articles are all among the scenario's sources.`,
      ),
    )
    return
  }
  main.append(
    section(
      `${set.newArticles.length} new article${set.newArticles.length === 1 ? '' : 's'}`,
      table(
        ['source', 'date', 'claims', 'file'],
        set.newArticles.map((a) => [a.id, a.date ?? 'undated', String(a.claims), a.file]),
        [false, false, true, false],
      ),
      set.unmodelledParties.length + set.unmodelledIssues.length === 0
        ? null
        : h(
            'p',
            { class: 'note' },
            `Not modelled in the scenario, so not proposed: ${[...set.unmodelledParties, ...set.unmodelledIssues].join(', ')}.`,
          ),
    ),
  )
  if (set.changes.length === 0) {
    main.append(h('p', { class: 'note' }, 'The new articles propose no change to the scenario.'))
    return
  }
  const boxes: HTMLInputElement[] = []
  const status = h('p', { class: 'note', role: 'status', 'aria-live': 'polite' })
  const saveButton = h('button', { type: 'button', class: 'primary' }, '')
  const count = () => {
    const n = boxes.filter((b) => b.checked).length
    saveButton.textContent = `Save the scenario with ${n} accepted change${n === 1 ? '' : 's'}`
    saveButton.disabled = n === 0
  }
  const items = set.changes.map((c) => {
    const id = `u-${c.id}`
    const box = h('input', { type: 'checkbox', id, value: c.id, onchange: count })
    boxes.push(box)
    return h(
      'li',
      { class: 'card change', 'data-change': c.id, 'data-kind': c.kind },
      h(
        'div',
        { class: 'change-head' },
        box,
        h(
          'label',
          { for: id },
          h('span', { class: `badge kind-${c.kind}` }, KIND[c.kind] ?? c.kind),
          ' ',
          c.summary,
        ),
      ),
      ...c.evidence
        .slice(0, 4)
        .map((e) =>
          h(
            'figure',
            { class: 'quote' },
            h('blockquote', {}, e.quote),
            h('figcaption', {}, `source ${e.source}${e.date ? `, ${e.date}` : ''}`),
          ),
        ),
      c.evidence.length > 4 ? h('p', { class: 'note' }, `and ${c.evidence.length - 4} more quotes`) : null,
    )
  })
  saveButton.addEventListener('click', async () => {
    const accept = boxes.filter((b) => b.checked).map((b) => b.value)
    try {
      const { name, text } = await applyUpdates(accept)
      download(name, text)
      status.textContent = `Saved ${name} with ${accept.join(', ')}. Keep it beside the scenario file, so that its source paths resolve.`
    } catch (error) {
      status.replaceChildren(errorBox(error))
    }
  })
  const all = (on: boolean) => () => {
    for (const b of boxes) b.checked = on
    count()
  }
  count()
  main.append(
    section(
      `${set.changes.length} proposed change${set.changes.length === 1 ? '' : 's'}`,
      h(
        'div',
        { class: 'toolbar' },
        h('button', { type: 'button', onclick: all(true) }, 'Select all'),
        ' ',
        h('button', { type: 'button', onclick: all(false) }, 'Select none'),
        ' ',
        saveButton,
      ),
      status,
      h('ul', { class: 'changes', 'aria-label': 'proposed changes' }, ...items),
    ),
  )
}
