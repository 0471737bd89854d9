import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Actor,
  compromise,
  type ForecastModel,
  forecast,
  mean,
  median,
  selectModels,
  weightedMean,
  weightedMedian,
} from '../../../src/analysis/forecast/index.ts'
import { InputError } from '../../../src/core/index.ts'
import { packageRoot } from '../../../src/paths.ts'
import { parseScenario } from '../../../src/scenario/index.ts'

const validation = join(packageRoot, 'test/fixtures/validation')

/** A model's result on one issue made of these actors. */
function runOn(model: ForecastModel, actors: Actor[]) {
  const problem = {
    source: 'test',
    capability: 'test',
    issues: [{ id: 'i', name: 'i', min: 0, max: 100, actors }],
  }
  return model.run(problem, {}).get('i') ?? { position: null }
}

describe('the three simple models on a hand-computed case', () => {
  // weights c·s: A 100·50 = 5000, B 50·100 = 5000, C 20·50 = 1000 (total 11000)
  const actors: Actor[] = [
    { party: 'A', capability: 100, salience: 50, position: 0 },
    { party: 'B', capability: 50, salience: 100, position: 60 },
    { party: 'C', capability: 20, salience: 50, position: 100 },
  ]

  it('compromise = (5000·0 + 5000·60 + 1000·100) / 11000 = 36.3636…', () => {
    expect(runOn(compromise, actors).position).toBeCloseTo(400000 / 11000, 12)
  })

  it('mean = (0 + 60 + 100) / 3 = 53.3333…', () => {
    expect(runOn(mean, actors).position).toBeCloseTo(160 / 3, 12)
  })

  it('median = 60: the running weight 5000, 10000 first reaches 5500 at B', () => {
    expect(runOn(median, actors).position).toBe(60)
  })

  it('none of them iterates, so none returns rounds', () => {
    for (const m of [compromise, mean, median]) expect(runOn(m, actors).rounds).toBeUndefined()
  })

  it('gives null when nobody carries weight', () => {
    const silent = actors.map((a) => ({ ...a, salience: 0 }))
    expect(runOn(compromise, silent).position).toBeNull()
    expect(runOn(median, silent).position).toBeNull()
    expect(runOn(mean, []).position).toBeNull()
  })
})

describe('EC car-emission standards (BDM 1994; Scholz et al. 2011, Table 1), round 0', () => {
  const csv = readFileSync(join(validation, 'eum/ExampleActors.csv'), 'utf8').trim().split('\n').slice(1)
  const actors: Actor[] = csv.map((line) => {
    const [party = '', capability, position, salience] = line.split(',')
    return { party, capability: Number(capability), position: Number(position), salience: Number(salience) }
  })
  const expected = JSON.parse(readFileSync(join(validation, 'eum/expected.json'), 'utf8')).cases.ec_emissions
    .by_round[0]

  it('compromise(EC emissions) = 7.389955686853767, the round-0 mean of the reference trace', () => {
    expect(expected.mean).toBe(7.389955686853767)
    expect(runOn(compromise, actors).position).toBeCloseTo(expected.mean, 9)
  })

  it('median(EC emissions) = 7, the round-0 median of the reference trace', () => {
    expect(runOn(median, actors).position).toBe(expected.median)
  })
})

describe('DEU I+II+III: 351 real EU legislative outcomes (Arregui & Perarnaud 2021; validation/deu)', () => {
  // The scoring rule of validation/README.md, section DEU.
  const rows = readFileSync(join(validation, 'deu/deu3.csv'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t').map((cell) => cell.replace(/^"|"$/g, '')))
  const header = rows[0] ?? []
  const col = (name: string) => header.indexOf(name)
  const actorNames = header.filter((h) => h.startsWith('p')).map((h) => h.slice(1))
  const gdp = rows[1] ?? []
  const issues = rows.slice(2).flatMap((row) => {
    const out = row[col('out')] ?? ''
    if (out === '') return []
    const counting = actorNames.flatMap((a) => {
      const p = row[col(`p${a}`)] ?? ''
      const s = row[col(`s${a}`)] ?? ''
      if (p === '' || s === '') return []
      return [{ position: Number(p), salience: Number(s), gdp: Number(gdp[col(`p${a}`)]) }]
    })
    return counting.length >= 3 ? [{ out: Number(out), actors: counting }] : []
  })
  const expected = JSON.parse(readFileSync(join(validation, 'deu/expected.json'), 'utf8')).baselines
  const mae = (f: (a: (typeof issues)[number]['actors']) => number | undefined) =>
    issues.reduce((sum, i) => sum + Math.abs((f(i.actors) ?? Number.NaN) - i.out), 0) / issues.length
  const x = (a: { position: number }[]) => a.map((y) => y.position)

  it('scores 351 issues', () => {
    expect(issues).toHaveLength(351)
  })

  it('unweighted mean: MAE 23.627374798231603', () => {
    expect(
      mae((a) =>
        weightedMean(
          x(a),
          a.map(() => 1),
        ),
      ),
    ).toBeCloseTo(expected.unweighted_mean.mae, 9)
  })

  it('salience-weighted mean: MAE 23.641139388864826', () => {
    expect(
      mae((a) =>
        weightedMean(
          x(a),
          a.map((y) => y.salience),
        ),
      ),
    ).toBeCloseTo(expected.salience_weighted_mean.mae, 9)
  })

  it('salience-weighted median: MAE 28.307692307692307', () => {
    expect(
      mae((a) =>
        weightedMedian(
          x(a),
          a.map((y) => y.salience),
        ),
      ),
    ).toBeCloseTo(expected.salience_weighted_median.mae, 9)
  })

  it('compromise model with the GDP row as capability: MAE 23.208483657658675', () => {
    const run = (a: (typeof issues)[number]['actors']) =>
      runOn(
        compromise,
        a.map((y) => ({ party: '', capability: y.gdp, salience: y.salience, position: y.position })),
      ).position ?? undefined
    expect(mae(run)).toBeCloseTo(expected.gdp_row_x_salience_weighted_mean.mae, 9)
  })
})

describe('laws of the weighted mean and median (fast-check)', () => {
  // Weights are capability × salience: zero, or well clear of float underflow when scaled.
  const weight = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e4, noNaN: true }))
  const weighted = fc
    .array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), weight), {
      minLength: 1,
      maxLength: 30,
    })
    .filter((xs) => xs.some(([, w]) => w > 0))
  const split = (xs: [number, number][]) => [xs.map(([v]) => v), xs.map(([, w]) => w)] as const
  const range = (xs: [number, number][]) => {
    const counted = xs.filter(([, w]) => w > 0).map(([v]) => v)
    return [Math.min(...counted), Math.max(...counted)] as const
  }

  it('weightedMedian(positions, weights) is one of the positions with weight, between the extremes', () => {
    fc.assert(
      fc.property(weighted, (xs) => {
        const m = weightedMedian(...split(xs))
        const [lo, hi] = range(xs)
        return m !== undefined && m >= lo && m <= hi && xs.some(([v, w]) => v === m && w > 0)
      }),
      { seed: 20251230, numRuns: 500 },
    )
  })

  it('weightedMean(positions, weights) lies between the extreme weighted positions', () => {
    fc.assert(
      fc.property(weighted, (xs) => {
        const m = weightedMean(...split(xs)) ?? Number.NaN
        const [lo, hi] = range(xs)
        return m >= lo - 1e-9 && m <= hi + 1e-9
      }),
      { seed: 20251230, numRuns: 500 },
    )
  })

  it('both ignore the order of the actors and a common scaling of the weights', () => {
    fc.assert(
      fc.property(weighted, fc.double({ min: 0.01, max: 100, noNaN: true }), (xs, k) => {
        const [v, w] = split(xs)
        const reversed = split([...xs].reverse())
        const scaled = w.map((y) => y * k)
        return (
          weightedMedian(v, w) === weightedMedian(...reversed) &&
          weightedMedian(v, w) === weightedMedian(v, scaled) &&
          Math.abs((weightedMean(v, w) ?? 0) - (weightedMean(v, scaled) ?? 0)) < 1e-9
        )
      }),
      { seed: 20251230, numRuns: 500 },
    )
  })
})

describe('forecast(scenario)', () => {
  const article = 'A wants 100. B wants 0.'
  const yaml = `
meta: { id: t, title: T, as_of: "2025-01-01" }
sources: [{ id: s, file: a.txt, title: A }]
parties:
  - { id: A, name: A, capability: { value: 80, assumption: x } }
  - { id: B, name: B, capability: { value: 20, assumption: x } }
issues:
  - id: i
    name: I
    description: I.
    options: [{ label: low, position: 0 }, { label: mid, position: 50 }, { label: high, position: 100 }]
  - { id: j, name: J, description: J., options: [{ label: no, position: 0 }, { label: yes, position: 100 }] }
stances:
  - { party: A, issue: i, position: { value: 100, evidence: [{ source: s, quote: A wants 100. }] }, salience: { value: 50, assumption: x } }
  - { party: B, issue: i, position: { value: 0, evidence: [{ source: s, quote: B wants 0. }] }, salience: { value: 50, assumption: x } }
`
  const s = parseScenario(yaml, { file: 't.yaml', readSource: () => article })

  it('runs every model on every issue and names the nearest option', () => {
    const f = forecast(s)
    expect(f.models).toEqual(['compromise', 'mean', 'median'])
    expect(f.issues[0]?.parties).toEqual(['A', 'B'])
    expect(f.issues[0]?.models.compromise).toEqual({ position: 80, option: 'high' })
    expect(f.issues[0]?.models.mean).toEqual({ position: 50, option: 'mid' })
    expect(f.issues[0]?.models.median).toEqual({ position: 100, option: 'high' })
  })

  it('gives null positions on an issue nobody has a stance on', () => {
    expect(forecast(s).issues[1]).toEqual({
      id: 'j',
      name: 'J',
      parties: [],
      models: {
        compromise: { position: null, option: null },
        mean: { position: null, option: null },
        median: { position: null, option: null },
      },
    })
  })

  it('selectModels rejects an unknown model by name, listing the known ones', () => {
    expect(() => selectModels(['median', 'oracle'])).toThrow(InputError)
    expect(() => selectModels(['oracle'])).toThrow(
      'unknown model "oracle"; expected one of: compromise, mean, median',
    )
  })
})
