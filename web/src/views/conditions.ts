// The condition graph with its deadlocks, the cheapest relaxations and the roadmap.
import { conditionGraph, layoutConditions, roadmapChart } from '../../../src/charts/index.ts'
import { analysis, api } from '../api.ts'
import { h, section, table } from '../dom.ts'
import { basisView, openPanel } from '../panel.ts'

export async function render(main: HTMLElement): Promise<void> {
  const [{ scenario: s }, c] = await Promise.all([analysis(api.scenario, {}), analysis(api.conditions, {})])
  const layout = await layoutConditions(s, c)
  const condition = (id: string) => s.conditions.find((x) => x.id === id)
  main.append(
    h('h1', {}, 'Conditions'),
    h(
      'p',
      { class: 'lede' },
      `${s.conditions.length} conditions: a party makes a move on one issue wait for a state of another. ${
        c.consistent
          ? 'They can all hold together.'
          : `${c.deadlocks.length} deadlock${c.deadlocks.length === 1 ? '' : 's'}: each waits for the other.`
      }`,
    ),
    section('Condition graph', h('div', { class: 'chart' }, conditionGraph(layout, { document }))),
    c.deadlocks.length > 0
      ? section(
          'Deadlocks',
          ...c.deadlocks.map((d) =>
            h(
              'div',
              { class: 'deadlock' },
              h('p', {}, d.explanation),
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  onclick: () =>
                    openPanel(
                      `Deadlock: ${d.parties.join(' and ')}`,
                      h('p', {}, d.explanation),
                      ...d.evidence.map((ev) => basisView(s, `${ev.condition} (${ev.party})`, ev)),
                    ),
                },
                'the quotes behind it',
              ),
            ),
          ),
          h('h3', {}, 'Cheapest relaxations'),
          table(
            ['change', 'cost'],
            c.relaxations.map((r) => [
              r.change
                .map((ch) => `${ch.action} ${ch.condition} (${condition(ch.condition)?.party ?? ''})`)
                .join(' and '),
              `${r.cost} (${r.cost_basis})`,
            ]),
            [false, true],
          ),
        )
      : '',
    section(
      `Roadmap${c.roadmap_relaxation ? ' after the cheapest relaxation' : ''}`,
      h('div', { class: 'chart' }, roadmapChart(c, s, { document, width: 900 })),
      h(
        'p',
        { class: 'note' },
        'Each issue from its earliest day; the band runs to its latest day without delaying the whole. Red: the critical path.',
      ),
    ),
    section(
      'All conditions',
      table(
        ['id', 'party', 'issue', 'requires', 'days', ''],
        s.conditions.map((x) => [
          x.id,
          x.party,
          x.issue,
          `${x.requires.issue}${x.requires.min !== undefined ? ` ≥ ${x.requires.min}` : ''}${x.requires.max !== undefined ? ` ≤ ${x.requires.max}` : ''}`,
          `${x.min_days ?? 0}${x.max_days !== undefined ? `–${x.max_days}` : ''}`,
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              onclick: () => openPanel(x.id, basisView(s, x.summary ?? x.id, x)),
            },
            'evidence',
          ),
        ]),
      ),
    ),
  )
}
