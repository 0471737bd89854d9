import { type Forecast, forecast, forecastProblem, selectModels } from '../../analysis/forecast/index.ts'
import { InputError } from '../../errors.ts'
import { loadForecastInput } from '../_forecast-input.ts'
import type { Io } from '../_io.ts'
import { fixed, singleStanceNote, table } from '../_table.ts'
import { parseCount } from './_options.ts'

export interface ForecastCommandOptions {
  model: string
  json?: boolean
  rounds?: string
  capitulation?: string
  format?: string
  capability?: string
}

export async function run(file: string, opts: ForecastCommandOptions, io: Io): Promise<void> {
  const models = selectModels(
    opts.model
      .split(',')
      .map((m) => m.trim())
      .filter((m) => m !== ''),
  )
  const rounds = parseCount('--rounds', opts.rounds, { min: 0, max: 1000 }) ?? 10
  const capitulation = opts.capitulation ?? 'reference'
  if (capitulation !== 'reference' && capitulation !== 'corrected') {
    throw new InputError(`--capitulation: expected reference or corrected, got "${capitulation}"`)
  }
  const input = await loadForecastInput(file, opts)
  const options = { rounds, capitulation } as const
  const result: Forecast = input.scenario
    ? forecast(input.scenario, models, options)
    : forecastProblem(input.problem, models, options)
  if (opts.json) {
    const meta = input.scenario
      ? { file, format: input.format, scenario: input.scenario.meta.id, as_of: input.scenario.meta.as_of }
      : { file, format: input.format, capability: input.problem.capability }
    io.out(JSON.stringify({ input: meta, ...result }, null, 2))
    return
  }
  const title = input.scenario
    ? `${input.scenario.meta.title}, as of ${input.scenario.meta.as_of}`
    : `${file} (${input.format}; capability: ${input.problem.capability})`
  io.out(
    `Forecasts for ${title} (positions on each issue's own scale${models.some((m) => ['eum', 'exchange'].includes(m.id)) ? `; ${rounds} rounds` : ''})`,
  )
  const first = result.models[0] ?? ''
  const shown = result.issues.slice(0, 60)
  io.out(
    table(
      [
        ['issue', 'parties', ...result.models, ...(input.scenario ? [`nearest option (${first})`] : [])],
        ...shown.map((i) => [
          i.id,
          i.parties.length > 6 ? `${i.parties.length} actors` : i.parties.join(' '),
          ...result.models.map((m) => fixed(i.models[m]?.position, 2)),
          ...(input.scenario ? [i.models[first]?.option ?? '–'] : []),
        ]),
      ],
      [false, false, ...result.models.map(() => true)],
    ),
  )
  if (result.issues.length > shown.length)
    io.out(`… and ${result.issues.length - shown.length} more issues (--json for all).`)
  if (input.scenario) {
    const note = singleStanceNote(result.issues)
    if (note !== '') io.out(note)
  }
}
