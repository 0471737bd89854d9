import {
  type Forecast,
  forecast,
  forecastProblem,
  NBS_DISAGREEMENT,
  problemFromScenario,
  type Repeated,
  repeatForecast,
  selectModels,
} from '../../analysis/forecast/index.ts'
import { mulberry32 } from '../../analysis/sensitivity/index.ts'
import { ANALYSIS_DEFAULTS, InputError } from '../../core/index.ts'
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
  repetitions?: string
  seed?: string
  arithmetic?: string
}

export async function run(file: string, opts: ForecastCommandOptions, io: Io): Promise<void> {
  const models = selectModels(
    opts.model
      .split(',')
      .map((m) => m.trim())
      .filter((m) => m !== ''),
  )
  const rounds = parseCount('--rounds', opts.rounds, { min: 0, max: 1000 }) ?? ANALYSIS_DEFAULTS.rounds
  const capitulation = opts.capitulation ?? 'reference'
  if (capitulation !== 'reference' && capitulation !== 'corrected') {
    throw new InputError(`--capitulation: expected reference or corrected, got "${capitulation}"`)
  }
  const repetitions = parseCount('--repetitions', opts.repetitions, { min: 1, max: 100_000 })
  const seed = parseCount('--seed', opts.seed, { min: 0, max: 2 ** 32 - 1 }) ?? ANALYSIS_DEFAULTS.seed
  const exchange = models.find((m) => m.id === 'exchange')
  if (repetitions !== undefined && exchange === undefined)
    throw new InputError('--repetitions: only the exchange model draws at random; add exchange to --model')
  const input = await loadForecastInput(file, opts)
  const arithmetic = opts.arithmetic ?? 'decimal'
  if (arithmetic !== 'decimal' && arithmetic !== 'float') {
    throw new InputError(`--arithmetic: expected decimal or float, got "${arithmetic}"`)
  }
  const options = { rounds, capitulation, arithmetic } as const
  const result: Forecast = input.scenario
    ? forecast(input.scenario, models, options)
    : forecastProblem(input.problem, models, options)
  // Randomised repetitions of the exchange model: exact ties between the best gains go either way.
  const repeated: Record<string, Repeated> | undefined =
    repetitions !== undefined && exchange !== undefined
      ? repeatForecast(input.scenario ? problemFromScenario(input.scenario) : input.problem, exchange, {
          ...options,
          repetitions,
          random: mulberry32(seed),
        })
      : undefined
  if (opts.json) {
    const meta = input.scenario
      ? { file, format: input.format, scenario: input.scenario.meta.id, as_of: input.scenario.meta.as_of }
      : { file, format: input.format, capability: input.problem.capability }
    const extra = {
      ...(models.some((m) => m.id === 'nbs') ? { nbs_disagreement: NBS_DISAGREEMENT } : {}),
      ...(repeated ? { exchange_repetitions: { n: repetitions, seed, issues: repeated } } : {}),
    }
    io.out(JSON.stringify({ input: meta, ...result, ...extra }, null, 2))
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
  if (models.some((m) => m.id === 'nbs')) io.out(`NBS disagreement point: ${NBS_DISAGREEMENT}.`)
  if (repeated) {
    io.out(`\nExchange model, ${repetitions} repetitions with random tie-breaks (seed ${seed}):`)
    io.out(
      table(
        [
          ['issue', 'mean', 'variance', 'min', 'max'],
          ...Object.entries(repeated)
            .slice(0, 60)
            .map(([id, r]) => [id, fixed(r.mean, 2), fixed(r.variance, 4), fixed(r.min, 2), fixed(r.max, 2)]),
        ],
        [false, true, true, true, true],
      ),
    )
  }
  if (input.scenario) {
    const note = singleStanceNote(result.issues)
    if (note !== '') io.out(note)
  }
}
