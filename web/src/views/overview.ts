import { analysis, api, read } from '../api.ts'
import { fmt, h, section, table, viewLink } from '../dom.ts'

export async function render(main: HTMLElement): Promise<void> {
  const [health, sc, f, z, c, contradictions] = await Promise.all([
    read(api.health.$get()),
    analysis(api.scenario, {}),
    analysis(api.forecasts, {}),
    analysis(api.zopa, {}),
    analysis(api.conditions, {}),
    read(api.contradictions.$get()),
  ])
  const s = sc.scenario
  const e = sc.evidence
  const n = health.counts
  const stat = (value: string | number, label: string, hash: string) =>
    h(
      'li',
      { class: 'stat' },
      viewLink(hash, String(value), { class: 'stat-value' }),
      h('span', { class: 'stat-label' }, label),
    )
  const contested = f.issues.filter((i) => i.parties.length >= 2)
  main.append(
    h('h1', {}, 'Overview'),
    h(
      'p',
      { class: 'lede' },
      `${s.meta.title}, as of ${s.meta.as_of}. ${s.parties.map((p) => p.name).join(', ')}.`,
    ),
    h(
      'ul',
      { class: 'stats', 'aria-label': 'Key figures' },
      stat(n.documents, 'articles in the store', 'claims'),
      stat(n.claims, 'claims extracted', 'claims'),
      stat(n.events, 'events', 'timeline'),
      stat(contradictions.contradictions.length, 'contradictions', 'contradictions'),
      stat(e.quotes, `verbatim quotes in the scenario`, 'positions'),
      stat(`${e.evidenced}/${e.numbers}`, 'numbers resting on quotes', 'positions'),
      stat(
        z.feasible_packages.toLocaleString('en'),
        `of ${z.packages.toLocaleString('en')} packages within every red line`,
        'pareto',
      ),
      stat(
        c.deadlocks.length,
        c.deadlocks.length === 1 ? 'deadlock between conditions' : 'deadlocks between conditions',
        'conditions',
      ),
    ),
    section(
      'Where each contested issue is heading',
      table(
        ['issue', 'parties', 'compromise', 'median', 'NBS', 'EUM', 'exchange', 'compromise lands nearest'],
        contested.map((i) => [
          i.name,
          i.parties.join(' '),
          fmt(i.models.compromise?.position),
          fmt(i.models.median?.position),
          fmt(i.models.nbs?.position),
          fmt(i.models.eum?.position),
          fmt(i.models.exchange?.position),
          i.models.compromise?.option ?? '–',
        ]),
        [false, false, true, true, true, true, true, false],
      ),
      h('p', { class: 'note' }, viewLink('forecasts', 'All models and their rounds →')),
    ),
    c.deadlocks.length > 0
      ? section(
          'Deadlocks',
          h('ul', {}, ...c.deadlocks.map((d) => h('li', {}, d.explanation))),
          h('p', { class: 'note' }, viewLink('conditions', 'Conditions, relaxations and roadmap →')),
        )
      : '',
    section(
      'Red lines',
      h(
        'ul',
        {},
        ...z.issues
          .filter((i) => i.red_lines.length > 0)
          .map((i) =>
            h(
              'li',
              {},
              h('strong', {}, s.issues.find((x) => x.id === i.issue)?.name ?? i.issue),
              `: ${i.red_lines.map((r) => `${r.party} ${r.min}–${r.max}`).join(', ')} → `,
              i.feasible.length === 0
                ? h('span', { class: 'bad' }, 'no option inside all')
                : `${i.feasible.length} option(s) inside all`,
            ),
          ),
      ),
    ),
    h('p', { class: 'note' }, `Store: ${health.store}. Scenario file: ${sc.file}.`),
  )
}
