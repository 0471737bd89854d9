import { forecast, selectModels } from '../../analysis/forecast/index.ts'
import { loadScenario } from '../../scenario/index.ts'
import type { Io } from '../_io.ts'
import { fixed, singleStanceNote, table } from '../_table.ts'

export async function run(file: string, opts: { model: string; json?: boolean }, io: Io): Promise<void> {
  const models = selectModels(
    opts.model
      .split(',')
      .map((m) => m.trim())
      .filter((m) => m !== ''),
  )
  const s = await loadScenario(file)
  const result = forecast(s, models)
  if (opts.json) {
    const input = { file, scenario: s.meta.id, as_of: s.meta.as_of }
    io.out(JSON.stringify({ input, ...result }, null, 2))
    return
  }
  io.out(`Forecasts for ${s.meta.title}, as of ${s.meta.as_of} (positions on each issue's 0–100 scale)`)
  const first = result.models[0] ?? ''
  io.out(
    table(
      [
        ['issue', 'parties', ...result.models, `nearest option (${first})`],
        ...result.issues.map((i) => [
          i.id,
          i.parties.join(' '),
          ...result.models.map((m) => fixed(i.models[m]?.position)),
          i.models[first]?.option ?? '–',
        ]),
      ],
      [false, false, ...result.models.map(() => true)],
    ),
  )
  const note = singleStanceNote(result.issues)
  if (note !== '') io.out(note)
}
