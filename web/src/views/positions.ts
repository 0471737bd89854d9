// The party × issue position map as a table of buttons: colour = position, a bar = salience, a dotted
// outline = a position resting on an assumption alone. A cell opens every number's evidence.
import type { Scenario } from '../../../src/scenario/index.ts'
import { analysis, api } from '../api.ts'
import { h, section } from '../dom.ts'
import { basisView, openPanel } from '../panel.ts'

/** A sequential purple scale for 0–100 (light to dark), as the report's heatmap uses. */
export function positionColour(v: number): string {
  const t = Math.max(0, Math.min(1, v / 100))
  const from = [243, 238, 246]
  const to = [122, 1, 119]
  const c = from.map((f, k) => Math.round(f + ((to[k] as number) - f) * t))
  return `rgb(${c.join(',')})`
}

export async function render(main: HTMLElement): Promise<void> {
  const { scenario: s } = await analysis(api.scenario, {})
  main.append(
    h('h1', {}, 'Positions'),
    h(
      'p',
      { class: 'lede' },
      'Each cell is a party’s position on the issue’s own 0–100 scale; the bar under it is its salience. ' +
        'A dotted cell rests on an assumption alone. Select a cell for its quotes.',
    ),
    section('Party × issue', heatmap(s)),
  )
}

function heatmap(s: Scenario): HTMLElement {
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, 'issue'),
    ...s.parties.map((p) => h('th', { scope: 'col', title: p.name }, p.id)),
  )
  const rows = s.issues.map((issue) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row', class: 'issue-name' }, issue.name),
      ...s.parties.map((p) => {
        const st = s.stances.find((x) => x.party === p.id && x.issue === issue.id)
        if (!st) return h('td', { class: 'empty' }, h('span', { class: 'sr-only' }, 'no stance'))
        const assumed = (st.position.evidence?.length ?? 0) === 0
        const button = h(
          'button',
          {
            type: 'button',
            class: `cell${assumed ? ' assumed' : ''}`,
            'aria-label': `${p.name} on ${issue.name}: position ${st.position.value}, salience ${st.salience.value}${assumed ? ', position assumed' : ''}. Show evidence.`,
            'data-party': p.id,
            'data-issue': issue.id,
            onclick: () => openStance(s, p.id, issue.id),
          },
          h('span', { class: 'cell-value' }, String(st.position.value)),
          h('span', { class: 'salience', 'aria-hidden': 'true' }, h('span', { class: 'salience-fill' })),
        )
        button.style.backgroundColor = positionColour(st.position.value)
        button.style.color = st.position.value > 55 ? 'white' : '#1d2733'
        ;(button.querySelector('.salience-fill') as HTMLElement).style.width = `${st.salience.value}%`
        return h('td', {}, button)
      }),
    ),
  )
  return h(
    'div',
    { class: 'scroll' },
    h('table', { class: 'heatmap' }, h('thead', {}, head), h('tbody', {}, ...rows)),
  )
}

export function openStance(s: Scenario, party: string, issueId: string): void {
  const st = s.stances.find((x) => x.party === party && x.issue === issueId)
  const issue = s.issues.find((i) => i.id === issueId)
  if (!st || !issue) return
  const option = (v: number) =>
    issue.options.reduce((best, o) => (Math.abs(o.position - v) < Math.abs(best.position - v) ? o : best))
  openPanel(
    `${s.parties.find((p) => p.id === party)?.name ?? party} on ${issue.name}`,
    h('p', { class: 'meta' }, issue.description),
    basisView(
      s,
      `Position ${st.position.value} (nearest option: “${option(st.position.value).label}”)`,
      st.position,
    ),
    basisView(s, `Salience ${st.salience.value}`, st.salience),
    st.acceptable
      ? basisView(s, `Red line: acceptable ${st.acceptable.min}–${st.acceptable.max}`, st.acceptable)
      : null,
  )
}
