// What-if: change a stance's position, salience or red line; every view then shows the changed scenario.
// Here, the forecasts as the file has them next to the forecasts with the changes.
import type { WhatIfField } from '../../../src/scenario/index.ts'
import { ApiError, analysis, api, read, whatIf } from '../api.ts'
import { fmt, h, section, table } from '../dom.ts'

const MODELS = ['compromise', 'nbs', 'eum', 'exchange']

export async function render(main: HTMLElement): Promise<void> {
  const [{ scenario: s }, before, after, zopa, conditions] = await Promise.all([
    analysis(api.scenario, {}),
    read(api.forecasts.$get({ query: {} })),
    analysis(api.forecasts, {}),
    analysis(api.zopa, {}),
    analysis(api.conditions, {}),
  ])
  const input = (
    party: string,
    issue: string,
    field: WhatIfField,
    value: number | undefined,
    label: string,
  ) => {
    const id = `w-${party}-${issue}-${field}`
    const changed = whatIf.changes.some((c) => c.party === party && c.issue === issue && c.field === field)
    return h(
      'span',
      { class: 'field' },
      h('label', { for: id, class: 'sr-only' }, label),
      h('input', {
        id,
        type: 'number',
        min: 0,
        max: 100,
        step: 1,
        value: value === undefined ? '' : String(value),
        placeholder: value === undefined ? '–' : undefined,
        class: changed ? 'changed' : undefined,
        'data-party': party,
        'data-issue': issue,
        'data-field': field,
        onchange: (e: Event) => {
          const el = e.target as HTMLInputElement
          const v = Number(el.value)
          if (el.value === '' || !Number.isFinite(v) || v < 0 || v > 100) {
            el.setCustomValidity('a number from 0 to 100')
            el.reportValidity()
            return
          }
          whatIf.set({ party, issue, field, value: v })
        },
      }),
    )
  }
  const rows = s.stances.map((st) => {
    const issue = s.issues.find((i) => i.id === st.issue)?.name ?? st.issue
    const who = `${st.party} on ${issue}`
    return [
      st.party,
      issue,
      input(st.party, st.issue, 'position', st.position.value, `${who}: position`),
      input(st.party, st.issue, 'salience', st.salience.value, `${who}: salience`),
      h(
        'span',
        { class: 'range' },
        input(
          st.party,
          st.issue,
          'acceptable_min',
          st.acceptable?.min,
          `${who}: red line, lowest acceptable`,
        ),
        ' – ',
        input(
          st.party,
          st.issue,
          'acceptable_max',
          st.acceptable?.max,
          `${who}: red line, highest acceptable`,
        ),
      ),
    ]
  })
  const compare = after.issues
    .filter((i) => i.parties.length >= 2)
    .map((i) => {
      const was = before.issues.find((x) => x.id === i.id)
      return [
        i.name,
        ...MODELS.map((m) => {
          const a = was?.models[m]?.position
          const b = i.models[m]?.position
          const moved =
            a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) > 0.05
          return h(
            'span',
            { class: moved ? 'moved' : undefined, 'data-model': m, 'data-issue': i.id },
            moved ? `${fmt(a)} → ${fmt(b)}` : fmt(b),
          )
        }),
      ]
    })
  main.append(
    h('h1', {}, 'What-if'),
    h(
      'p',
      { class: 'lede' },
      'Change a position, a salience or a red line (0–100). Every analysis is recomputed on the changed scenario, in every view, until you reset. A changed number no longer rests on its quote: saved, it becomes an assumption that names the value it replaced.',
    ),
    section(
      'Forecasts: as the file has them → with your changes',
      table(['issue', ...MODELS], compare, [false, true, true, true, true]),
      h(
        'p',
        { class: 'note' },
        `${zopa.feasible_packages} of ${zopa.packages.toLocaleString('en')} packages within every red line; ${conditions.deadlocks.length} deadlock${conditions.deadlocks.length === 1 ? '' : 's'} between conditions.`,
      ),
    ),
    section(
      'Stances',
      h(
        'div',
        { class: 'scroll' },
        table(['party', 'issue', 'position', 'salience', 'red line (acceptable)'], rows),
      ),
    ),
  )
}

/** Shown when a change makes the scenario invalid (a position outside its own red line, say). */
export function invalidChange(error: unknown): HTMLElement | null {
  if (!(error instanceof ApiError) || whatIf.changes.length === 0) return null
  return h(
    'div',
    { class: 'error', role: 'alert' },
    `The last change makes the scenario invalid: ${error.message}. `,
    h('button', { type: 'button', onclick: () => whatIf.undo() }, 'Undo the last change'),
  )
}
