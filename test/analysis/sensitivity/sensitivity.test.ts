import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compromise, eumModel, median } from '../../../src/analysis/forecast/index.ts'
import { mulberry32, pearson, sensitivity, uncertainInputs } from '../../../src/analysis/sensitivity/index.ts'
import { packageRoot } from '../../../src/paths.ts'
import { loadScenario, type Scenario } from '../../../src/scenario/index.ts'

const minimal = () => loadScenario(join(packageRoot, 'test/fixtures/scenarios/minimal.yaml'))

describe('uncertain inputs', () => {
  it('quoted numbers stay fixed; assumption-only numbers get the ± band, clipped to 0–100', async () => {
    const s = await minimal()
    const inputs = uncertainInputs(s, 15)
    expect(inputs.map((i) => [i.label, i.min, i.max, i.basis])).toEqual([
      ['A capability', 45, 75, 'assumption band'],
      ['B capability', 25, 55, 'assumption band'],
      ['A salience on truce', 65, 95, 'assumption band'],
      ['B salience on truce', 35, 65, 'assumption band'],
    ])
    expect(uncertainInputs(s, 30).find((i) => i.label === 'A salience on truce')?.max).toBe(100)
  })

  it('a stated range wins over the band, also on a quoted number; band 0 leaves only ranges', async () => {
    const s = withRange(await minimal(), 'A', 'position', 70, 100)
    const inputs = uncertainInputs(s, 0)
    expect(inputs).toEqual([
      expect.objectContaining({ label: 'A position on truce', min: 70, max: 100, basis: 'range' }),
    ])
  })
})

describe('sensitivity', () => {
  // Only A's salience on the truce varies, uniformly on 60–100 (band 0). The compromise is then
  // f(s) = 100·60s / (60s + 40·0.5), increasing in s, so its q-quantile is f(0.6 + 0.4q):
  // f(0.62) = 65.03, f(0.8) = 70.59, f(0.98) = 74.62 (worked by hand from the model's formula).
  const f = (s: number) => (100 * 60 * s) / (60 * s + 20)

  it('the compromise quantiles follow the analytic distribution, and the varied input drives it', async () => {
    const s = withRange(await minimal(), 'A', 'salience', 60, 100)
    const r = sensitivity(s, { draws: 4000, seed: 9, random: mulberry32(9), band: 0, models: [compromise] })
    const d = r.issues.find((i) => i.id === 'truce')?.models.compromise
    expect(d?.p05).toBeCloseTo(f(0.62), 0)
    expect(d?.p50).toBeCloseTo(f(0.8), 0)
    expect(d?.p95).toBeCloseTo(f(0.98), 0)
    expect(d?.drivers[0]?.input).toBe('A salience on truce')
    expect(d?.drivers[0]?.correlation).toBeGreaterThan(0.95)
  })

  it('a forecast that does not move names no driver; an issue without stances gives no number', async () => {
    const s = withRange(await minimal(), 'A', 'salience', 60, 100)
    const r = sensitivity(s, { draws: 500, seed: 2, random: mulberry32(2), band: 0, models: [median] })
    const truce = r.issues.find((i) => i.id === 'truce')?.models.median
    expect(truce?.p05).toBe(truce?.p95)
    expect(truce?.drivers).toEqual([])
    expect(Number.isNaN(r.issues.find((i) => i.id === 'talks')?.models.median?.p50)).toBe(true)
  })

  it('the same seed gives the same report; draws never leave an input range', async () => {
    const s = await minimal()
    const run = (seed: number) =>
      sensitivity(s, { draws: 200, seed, random: mulberry32(seed), models: [compromise, eumModel] })
    expect(run(3)).toEqual(run(3))
    expect(run(3)).not.toEqual(run(4))
    // With every input at its extremes the compromise stays between the two quoted positions.
    for (const issue of run(3).issues.filter((i) => i.id === 'truce'))
      for (const d of Object.values(issue.models)) expect(d.p05 >= -1e-9 && d.p95 <= 100 + 1e-9).toBe(true)
  })
})

describe('mulberry32 and pearson', () => {
  it('uniform on [0, 1): mean 0.5 and variance 1/12 within sampling error over 100,000 draws', () => {
    const next = mulberry32(42)
    const xs = Array.from({ length: 100_000 }, next)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005)
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002)
  })

  it('pearson: 1 for a line, −1 for a falling one, NaN for a constant', () => {
    expect(pearson([1, 2, 3, 4], [3, 5, 7, 9])).toBeCloseTo(1, 12)
    expect(pearson([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12)
    expect(pearson([1, 2, 3], [2, 2, 2])).toBeNaN()
  })
})

/** The scenario with a range on one of a party's numbers on the truce issue. */
function withRange(s: Scenario, party: string, kind: 'position' | 'salience', min: number, max: number) {
  return {
    ...s,
    stances: s.stances.map((st) =>
      st.party === party && st.issue === 'truce'
        ? { ...st, [kind]: { ...st[kind], range: { min, max } } }
        : st,
    ),
  }
}
