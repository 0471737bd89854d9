// The Pareto frontier of two parties' packages, with the Nash and Kalai–Smorodinsky packages, and the ZOPA.
import { paretoChart } from '../../../src/charts/index.ts'
import { analysis, api } from '../api.ts'
import { fmt, h, section, table } from '../dom.ts'
import type { FrontierAnswer } from '../types.ts'

export async function render(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const { scenario: s } = await analysis(api.scenario, {})
  const asked = params.get('parties') ?? ''
  const [f, z] = await Promise.all([
    analysis(api.frontier, asked ? { parties: asked } : {}),
    analysis(api.zopa, {}),
  ])
  const [a, b] = f.parties
  const name = (id: string) => s.issues.find((i) => i.id === id)?.name ?? id
  const choose = (which: 0 | 1) =>
    h(
      'select',
      {
        id: `party-${which}`,
        onchange: (e: Event) => {
          const next = [...f.parties]
          next[which] = (e.target as HTMLSelectElement).value
          if (next[0] !== next[1]) location.hash = `#/pareto?parties=${next.join(',')}`
        },
      },
      ...s.parties.map((p) =>
        h('option', { value: p.id, selected: p.id === f.parties[which] }, `${p.id} – ${p.name}`),
      ),
    )
  const pkg = (
    label: string,
    p: FrontierAnswer['nash'] | FrontierAnswer['ks'],
    met: FrontierAnswer['conditions']['nash'],
  ) =>
    p
      ? h(
          'div',
          { class: 'package' },
          h('h3', {}, `${label}: ${a} ${fmt(p.utilities[0], 3)}, ${b} ${fmt(p.utilities[1], 3)}`),
          table(
            ['issue', 'option'],
            Object.entries(p.outcome).map(([i, o]) => [name(i), String(o)]),
          ),
          met
            ? h(
                'p',
                { class: 'note' },
                `Conditions: ${met.met.length} met${met.unmet.length > 0 ? `, not met: ${met.unmet.join(', ')}` : ''}; ${met.undecided.length} on issues outside the package.`,
              )
            : null,
        )
      : null
  main.append(
    h('h1', {}, 'Packages'),
    h(
      'p',
      { class: 'lede' },
      `${f.outcomes.toLocaleString('en')} packages over the issues both parties hold stances on; ${f.pareto.count} on the Pareto frontier.${f.red_lines_ignored ? ` Red lines ignored: ${f.red_lines_ignored}.` : ''}`,
    ),
    h(
      'div',
      { class: 'filters' },
      h('label', { for: 'party-0' }, 'Party ', choose(0)),
      h('label', { for: 'party-1' }, ' and ', choose(1)),
    ),
    section(
      'Pareto frontier',
      h('div', { class: 'chart' }, paretoChart(f, { document, width: 620 })),
      h(
        'div',
        { class: 'packages' },
        pkg('Nash', f.nash, f.conditions.nash),
        pkg('Kalai–Smorodinsky', f.ks, f.conditions.ks),
      ),
    ),
    section(
      'Red lines and the zone of agreement',
      h(
        'p',
        {},
        `${z.feasible_packages} of ${z.packages.toLocaleString('en')} packages over all issues meet every red line.`,
      ),
      table(
        ['issue', 'red lines', 'options inside all', 'cheapest relaxation'],
        z.issues
          .filter((i) => i.red_lines.length > 0)
          .map((i) => [
            name(i.issue),
            i.red_lines.map((r) => `${r.party} ${r.min}–${r.max}`).join(', '),
            i.feasible.length === 0 ? h('span', { class: 'bad' }, 'none') : i.feasible.join('; '),
            i.relaxations[0]
              ? `“${i.relaxations[0].option}”, cost ${i.relaxations[0].cost}: ${i.relaxations[0].moves.map((m) => `${m.party} ${m.from.min}–${m.from.max} → ${m.to.min}–${m.to.max}`).join(', ')}`
              : '–',
          ]),
      ),
    ),
  )
}
