import { selectModels } from '../../analysis/forecast/index.ts'
import { mulberry32, sensitivity } from '../../analysis/sensitivity/index.ts'
import { ANALYSIS_DEFAULTS } from '../../core/index.ts'
import { loadCaseScenario } from '../_case.ts'
import type { Io } from '../_io.ts'
import { progressBar } from '../_progress.ts'
import { fixed, table } from '../_table.ts'
import { parseCount } from './_options.ts'

export interface SensitivityCommandOptions {
  draws?: string
  seed?: string
  band?: string
  model?: string
  rounds?: string
  json?: boolean
}

export async function run(file: string, opts: SensitivityCommandOptions, io: Io): Promise<void> {
  const draws = parseCount('--draws', opts.draws, { min: 1, max: 1_000_000 }) ?? ANALYSIS_DEFAULTS.draws
  const seed = parseCount('--seed', opts.seed, { min: 0, max: 2 ** 32 - 1 }) ?? ANALYSIS_DEFAULTS.seed
  const band = parseCount('--band', opts.band, { min: 0, max: 100 }) ?? 15
  const rounds = parseCount('--rounds', opts.rounds, { min: 0, max: 100 }) ?? ANALYSIS_DEFAULTS.rounds
  const models = selectModels(
    (opts.model ?? ANALYSIS_DEFAULTS.sensitivityModels.join(','))
      .split(',')
      .map((m) => m.trim())
      .filter((m) => m !== ''),
  )
  const s = await loadCaseScenario(file)
  const bar = progressBar(draws, 'draws')
  const report = sensitivity(s, {
    draws,
    seed,
    band,
    rounds,
    random: mulberry32(seed),
    models,
    onProgress: (d) => bar.update(d),
  })
  bar.stop()
  if (opts.json) {
    io.out(JSON.stringify(report, null, 2))
    return
  }
  io.out(`Sensitivity of the forecasts of ${s.meta.title}: ${draws} draws, seed ${seed}`)
  io.out(
    `${report.inputs.length} uncertain numbers: those that rest on an assumption alone vary by ± ${band} points, those with a range within it; quoted ones stay fixed.`,
  )
  for (const issue of report.issues) {
    const rows = Object.entries(issue.models).map(([m, d]) => [
      m,
      fixed(d.p05),
      fixed(d.p25),
      fixed(d.p50),
      fixed(d.p75),
      fixed(d.p95),
      d.drivers.map((x) => `${x.input} (r ${x.correlation.toFixed(2)})`).join('; ') || '–',
    ])
    io.out(`\n${issue.id}`)
    io.out(
      table(
        [['model', '5%', '25%', 'median', '75%', '95%', 'moved most by'], ...rows],
        [false, true, true, true, true, true],
      ),
    )
  }
}
