// The forecasting models at the sizes the issue names: the EUM over every DEU issue, the exchange
// model on COP21, and 10,000 sensitivity draws of the bundled scenario.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  eumModel,
  exchangeModel,
  forecastProblem,
  parseDecide,
  parseDeu,
  selectModels,
} from '../src/analysis/forecast/index.ts'
import { mulberry32, sensitivity } from '../src/analysis/sensitivity/index.ts'
import { defaultScenario, packageRoot } from '../src/paths.ts'
import { loadScenario } from '../src/scenario/index.ts'
import type { BenchResult } from './_report.ts'

const validation = join(packageRoot, 'test/fixtures/validation')

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now()
  const out = fn()
  return [out, performance.now() - t]
}

export async function benchForecast(): Promise<BenchResult[]> {
  const deu = parseDeu(readFileSync(join(validation, 'deu/deu3.csv'), 'utf8'), 'deu3.csv')
  const scored = { ...deu, issues: deu.issues.filter((i) => i.outcome !== undefined) }
  const [, eumMs] = timed(() => eumModel.run(scored, { rounds: 10 }))
  const all = selectModels(['compromise', 'mean', 'median', 'nbs', 'eum', 'exchange'])
  // As the backtest runs them: the exchange model in float arithmetic.
  const [, allMs] = timed(() => forecastProblem(scored, all, { rounds: 10, arithmetic: 'float' }))

  const cop21 = parseDecide(readFileSync(join(validation, 'exchange/cop21.csv'), 'utf8'), 'cop21.csv')
  const [cop, copMs] = timed(() => exchangeModel(cop21, { rounds: 10 }))
  const exchanges = cop.rounds.reduce((n, r) => n + r.exchanges.length, 0)
  const [, copFloatMs] = timed(() => exchangeModel(cop21, { rounds: 10, arithmetic: 'float' }))

  const scenario = await loadScenario(defaultScenario)
  const models = selectModels(['compromise', 'median', 'nbs', 'eum'])
  const [report, sensMs] = timed(() =>
    sensitivity(scenario, { draws: 10_000, seed: 1, random: mulberry32(1), models, rounds: 10 }),
  )
  return [
    {
      name: `EUM, ${scored.issues.length} scored DEU issues × 10 rounds`,
      value: eumMs,
      unit: 'ms',
      target: { value: 1000, better: 'lower' },
    },
    {
      name: `all six models on the ${scored.issues.length} DEU issues (exchange in float arithmetic)`,
      value: allMs,
      unit: 'ms',
    },
    {
      name: `exchange model, COP21 (15 actors × 13 issues) × 10 rounds, ${exchanges} exchanges, decimal arithmetic`,
      value: copMs,
      unit: 'ms',
    },
    {
      name: 'exchange model, COP21 × 10 rounds, float arithmetic (the decimal run as target)',
      value: copFloatMs,
      unit: 'ms',
      target: { value: Math.round(copMs), better: 'lower' },
    },
    {
      name: `sensitivity, bundled scenario: 10,000 draws × ${report.inputs.length} inputs, compromise/median/nbs/eum`,
      value: sensMs,
      unit: 'ms',
      target: { value: 5000, better: 'lower' },
    },
  ]
}
