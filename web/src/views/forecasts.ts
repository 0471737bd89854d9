// Forecasts by model per issue, and the rounds of the EUM and the exchange model for one issue.
import { forecastChart, roundsChart } from '../../../src/charts/index.ts'
import { analysis, api } from '../api.ts'
import { clear, fmt, h, section, table } from '../dom.ts'

export async function render(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const f = await analysis(api.forecasts, {})
  const contested = f.issues.filter((i) => i.parties.length >= 2)
  const chosen = params.get('issue') ?? contested[0]?.id ?? f.issues[0]?.id ?? ''
  const roundsBox = h('div', { class: 'chart', id: 'rounds-chart' })
  const drawRounds = (issue: string) => {
    clear(roundsBox)
    roundsBox.append(roundsChart(f, issue, { document, width: 640 }))
    const i = f.issues.find((x) => x.id === issue)
    const rows = Math.max(...['eum', 'exchange'].map((m) => i?.models[m]?.rounds?.length ?? 0))
    roundsBox.append(
      table(
        ['round', 'EUM mean', 'EUM median', 'exchange mean'],
        Array.from({ length: rows }, (_, k) => [
          String(k),
          fmt(i?.models.eum?.rounds?.[k]?.mean, 2),
          fmt(i?.models.eum?.rounds?.[k]?.median, 2),
          fmt(i?.models.exchange?.rounds?.[k]?.mean, 2),
        ]),
        [true, true, true, true],
      ),
    )
  }
  drawRounds(chosen)
  main.append(
    h('h1', {}, 'Forecasts'),
    h(
      'p',
      { class: 'lede' },
      `Six models on every issue, each on the issue’s 0–100 scale. EUM and the exchange model run 10 rounds. NBS disagreement point: ${f.nbs_disagreement}.`,
    ),
    section('By issue and model', h('div', { class: 'chart' }, forecastChart(f, { document, width: 900 }))),
    section(
      'Table',
      table(
        ['issue', 'parties', ...f.models, 'compromise lands nearest'],
        f.issues.map((i) => [
          i.name,
          i.parties.join(' ') || '–',
          ...f.models.map((m) => fmt(i.models[m]?.position)),
          i.models.compromise?.option ?? '–',
        ]),
        [false, false, ...f.models.map(() => true), false],
      ),
      h('p', { class: 'note' }, 'An issue with one party only echoes its position.'),
    ),
    section(
      'Rounds of the EUM and the exchange model',
      h(
        'label',
        { for: 'rounds-issue' },
        'Issue ',
        h(
          'select',
          {
            id: 'rounds-issue',
            onchange: (e: Event) => drawRounds((e.target as HTMLSelectElement).value),
          },
          ...f.issues.map((i) => h('option', { value: i.id, selected: i.id === chosen }, i.name)),
        ),
      ),
      roundsBox,
    ),
  )
}
