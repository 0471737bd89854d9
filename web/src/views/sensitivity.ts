// How far each forecast moves when the uncertain numbers move, and what moves it.
import { sensitivityChart } from '../../../src/charts/index.ts'
import { analysis, api } from '../api.ts'
import { fmt, h, section, table } from '../dom.ts'

/** The draw counts offered; without a choice the server's default (src/analyze) applies. */
const DRAWS = ['200', '1000', '2000']

export async function render(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const asked = params.get('draws') ?? ''
  const r = await analysis(api.sensitivity, DRAWS.includes(asked) ? { draws: asked } : {})
  main.append(
    h('h1', {}, 'Sensitivity'),
    h(
      'p',
      { class: 'lede' },
      `${r.draws} draws (seed ${r.seed}) of the ${r.inputs.length} uncertain numbers: one with a stated range varies within it, one resting on an assumption alone within ± ${r.band} points; quoted numbers stay fixed.`,
    ),
    h(
      'label',
      { for: 'draws' },
      'Draws ',
      h(
        'select',
        {
          id: 'draws',
          onchange: (e: Event) =>
            (location.hash = `#/sensitivity?draws=${(e.target as HTMLSelectElement).value}`),
        },
        ...DRAWS.map((d) => h('option', { value: d, selected: d === String(r.draws) }, d)),
      ),
    ),
    section(
      'Spread of the forecasts',
      h('div', { class: 'chart' }, sensitivityChart(r, { document, width: 900 })),
    ),
    section(
      'What moves each forecast',
      table(
        ['issue', 'model', '5%', '25%', 'median', '75%', '95%', 'moved most by'],
        r.issues.flatMap((i) =>
          Object.entries(i.models)
            .filter(([, d]) => d.p95 - d.p05 > 1e-9)
            .map(([m, d]) => [
              i.id,
              m,
              fmt(d.p05),
              fmt(d.p25),
              fmt(d.p50),
              fmt(d.p75),
              fmt(d.p95),
              d.drivers.map((x) => `${x.input} (r ${x.correlation.toFixed(2)})`).join('; ') || '–',
            ]),
        ),
        [false, false, true, true, true, true, true, false],
      ),
    ),
    section(
      'The uncertain numbers',
      table(
        ['number', 'value', 'varies within', 'why'],
        r.inputs.map((x) => [x.label, String(x.value), `${fmt(x.min, 0)}–${fmt(x.max, 0)}`, x.basis]),
        [false, true, false, false],
      ),
    ),
  )
}
