// parley backtest deu FILE: every model scored on the DEU issues with a real outcome, each figure
// with the capability proxy it used, and a convex ensemble fitted on training folds only.
import {
  crossValidatedEnsemble,
  type ForecastIssue,
  type ForecastProblem,
  forecastProblem,
  parseDeu,
  plainMedian,
  type Score,
  score,
  selectModels,
  weightedMean,
} from '../../analysis/forecast/index.ts'
import { ANALYSIS_DEFAULTS, InputError } from '../../core/index.ts'
import { readErrorReason, readTextFile } from '../../locate/index.ts'
import type { Io } from '../_io.ts'
import { table } from '../_table.ts'
import { parseCount } from './_options.ts'

type Arithmetic = 'decimal' | 'float'
type Scored = Record<string, Score & { capability: string }>

export async function run(
  kind: string,
  file: string,
  opts: { json?: boolean; rounds?: string; arithmetic?: string },
  io: Io,
): Promise<void> {
  if (kind !== 'deu') throw new InputError(`backtest: unknown data set "${kind}"; expected: deu`)
  const rounds = parseCount('--rounds', opts.rounds, { min: 0, max: 100 }) ?? ANALYSIS_DEFAULTS.rounds
  const arithmetic = opts.arithmetic ?? 'float'
  if (arithmetic !== 'decimal' && arithmetic !== 'float') {
    throw new InputError(`--arithmetic: expected float or decimal, got "${arithmetic}"`)
  }
  let text: string
  try {
    text = await readTextFile(file) // a regular file of at most 20 MB (PARLEY_MAX_FILE_MB)
  } catch (error) {
    throw new InputError(`${file}: cannot read: ${readErrorReason(error)}`)
  }
  const plain = parseDeu(text, file, { capability: 'none' })
  const gdp = parseDeu(text, file, { capability: 'gdp' })
  const { models, weights } = scoreModels(plain, gdp, { rounds, arithmetic })
  if (opts.json) {
    io.out(
      JSON.stringify(
        { n: plain.issues.length, models, ensemble_weights: weights, rounds, arithmetic },
        null,
        2,
      ),
    )
    return
  }
  printScores(plain.issues.length, models, weights, arithmetic, io)
}

/** Every model's score on the issues, with and without the GDP-like capabilities, then the ensemble. */
function scoreModels(
  plain: ForecastProblem,
  gdp: ForecastProblem,
  options: { rounds: number; arithmetic: Arithmetic },
): { models: Scored; weights: Record<string, number> } {
  const none = forecastsBy(plain, options)
  const withGdp = forecastsBy(gdp, options)
  const models: Scored = {}
  const add = (name: string, capability: string, s: Score) => {
    models[name] = { ...s, capability }
  }
  const issues = plain.issues
  add('mean (unweighted)', 'none', score(issues, unweightedMean))
  add(
    'median actor (unweighted)',
    'none',
    score(issues, (i) => plainMedian(i.actors.map((a) => a.position))),
  )
  add('salience-weighted mean (compromise, capability 1)', 'none', score(issues, none('compromise')))
  add('salience-weighted median', 'none', score(issues, none('median')))
  add('nbs', 'none', score(issues, none('nbs')))
  add('eum', 'none', score(issues, none('eum')))
  add('exchange (trades within a proposal)', 'none', score(issues, none('exchange')))
  add(
    'compromise (capability × salience weighted mean)',
    gdp.capability,
    score(issues, withGdp('compromise')),
  )
  add('capability × salience weighted median', gdp.capability, score(issues, withGdp('median')))
  add('nbs, capability-weighted', gdp.capability, score(issues, withGdp('nbs')))
  add('eum, capability-weighted', gdp.capability, score(issues, withGdp('eum')))
  add('exchange, capability-weighted', gdp.capability, score(issues, withGdp('exchange')))
  const ensemble = crossValidatedEnsemble(issues, {
    mean: unweightedMean,
    council_mean: councilMean,
    compromise_gdp: withGdp('compromise'),
    nbs_gdp: withGdp('nbs'),
    eum_gdp: withGdp('eum'),
    fifty: () => 50,
  })
  models['ensemble (10-fold CV by proposal)'] = {
    ...ensemble,
    capability: `${gdp.capability} in its capability-weighted parts`,
  }
  return { models, weights: ensemble.weights }
}

/** The forecasts of one run of the models on a problem, looked up by model, then by issue. */
function forecastsBy(p: ForecastProblem, options: { rounds: number; arithmetic: Arithmetic }) {
  // The exchange model in float arithmetic by default: in decimals, as the reference computes, the two
  // runs over every DEU proposal take about a minute each (docs/models.md).
  const f = forecastProblem(p, selectModels(['compromise', 'median', 'nbs', 'eum', 'exchange']), options)
  const byId = new Map(f.issues.map((i) => [i.id, i]))
  return (model: string) => (issue: ForecastIssue) => byId.get(issue.id)?.models[model]?.position
}

function unweightedMean(i: ForecastIssue): number | undefined {
  return weightedMean(
    i.actors.map((a) => a.position),
    i.actors.map(() => 1),
  )
}

/** The unweighted mean of the member states, without the Commission and the Parliament. */
function councilMean(i: ForecastIssue): number | undefined {
  return weightedMean(
    i.actors.filter((a) => a.party !== 'com' && a.party !== 'ep').map((a) => a.position),
    i.actors.filter((a) => a.party !== 'com' && a.party !== 'ep').map(() => 1),
  )
}

function printScores(
  n: number,
  models: Scored,
  weights: Record<string, number>,
  arithmetic: Arithmetic,
  io: Io,
): void {
  io.out(
    `DEU I+II+III (Arregui & Perarnaud 2021): ${n} issues with a real outcome and at least 3 actors; error = |forecast − outcome| on 0–100`,
  )
  io.out(
    table(
      [
        ['model', 'MAE', 'median error', 'capability'],
        ...Object.entries(models).map(([name, m]) => [
          name,
          m.mae.toFixed(3),
          m.median_ae.toFixed(3),
          m.capability,
        ]),
      ],
      [false, true, true],
    ),
  )
  io.out(
    `Ensemble weights fitted on all issues (each fold used its own, fitted without it): ${Object.entries(
      weights,
    )
      .map(([k, w]) => `${k} ${w.toFixed(1)}`)
      .join(', ')}`,
  )
  io.out(
    arithmetic === 'float'
      ? 'The exchange model ran in float arithmetic (--arithmetic decimal: as the reference computes, slower).'
      : 'The exchange model ran in 28-digit decimal arithmetic, as the reference computes.',
  )
}
