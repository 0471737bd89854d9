import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { adjustedWinner, type Item, maxNashWelfare } from '../../../src/analysis/division/index.ts'
import { packageRoot } from '../../../src/paths.ts'

const fixture = JSON.parse(
  readFileSync(join(packageRoot, 'test/fixtures/validation/division/adjusted-winner.json'), 'utf8'),
)
const bobCarol = fixture.cases[0]
const items: Item[] = bobCarol.points.map((p: { item: string; Carol: number; Bob: number }) => ({
  id: p.item,
  points: { Carol: p.Carol, Bob: p.Bob },
}))

describe('Adjusted Winner: Bob and Carol (Brams & Taylor; validation/division)', () => {
  const r = adjustedWinner(['Carol', 'Bob'], items)

  it('first phase: Carol wins Retirement and Cottage; Bob wins Home and Other, and the tied Investments as he is behind', () => {
    expect(r.winner_phase.filter((w) => w.to === 'Carol').map((w) => w.item)).toEqual(
      bobCarol.expected.winner_phase.Carol.items,
    )
    expect(r.winner_phase.find((w) => w.item === 'Investments')).toEqual({
      item: 'Investments',
      to: 'Bob',
      tie: true,
    })
  })

  it('transfer order by ratio: Retirement 1.25, Cottage 1.5', () => {
    expect(r.transfer_order).toEqual(bobCarol.expected.transfer_order)
  })

  it('Retirement is split 5/6 to Carol, 1/6 to Bob, and both end with exactly 170/3', () => {
    expect(r.split?.item).toBe('Retirement account')
    expect(r.split?.shares.Bob).toMatchObject({ n: 1, d: 6 })
    expect(r.split?.shares.Carol).toMatchObject({ n: 5, d: 6 })
    expect(r.totals.Carol).toMatchObject({ n: 170, d: 3 })
    expect(r.totals.Bob).toMatchObject({ n: 170, d: 3 })
    expect(r.totals.Bob?.value).toBeCloseTo(170 / 3, 9)
  })
})

describe('Adjusted Winner laws (validation/division property_checks; fast-check)', () => {
  /** Two parties, 2–7 items, integer points that sum to 100 for each. */
  const spread = (n: number) =>
    fc
      .array(fc.integer({ min: 0, max: 20 }), { minLength: n, maxLength: n })
      .filter((xs) => xs.some((x) => x > 0))
      .map((xs) => {
        const total = xs.reduce((a, b) => a + b, 0)
        const scaled = xs.map((x) => Math.floor((x * 100) / total))
        const top = scaled.indexOf(Math.max(...scaled))
        scaled[top] = (scaled[top] as number) + 100 - scaled.reduce((a, b) => a + b, 0)
        return scaled
      })
  const caseArb = fc.integer({ min: 2, max: 7 }).chain((n) => fc.tuple(spread(n), spread(n)))
  const toItems = ([a, b]: [number[], number[]]): Item[] =>
    a.map((x, i) => ({ id: `i${i}`, points: { A: x, B: b[i] as number } }))

  it('equal totals of at least 50, at most one item split, and no trade that helps both (efficiency)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const its = toItems(c)
        const r = adjustedWinner(['A', 'B'], its)
        expect((r.totals.A?.n ?? 0) * (r.totals.B?.d ?? 1)).toBe((r.totals.B?.n ?? 0) * (r.totals.A?.d ?? 1))
        expect(r.totals.A?.value).toBeGreaterThanOrEqual(50 - 1e-9)
        const shares = its.map((it) => r.allocation.A?.[it.id] ?? 0)
        expect(shares.filter((x) => x > 1e-12 && x < 1 - 1e-12).length).toBeLessThanOrEqual(1)
        // Efficiency: every item A holds any of has a ratio a/b at least that of every item B holds any of.
        const ratio = (it: Item) => (it.points.A ?? 0) / Math.max(1e-12, it.points.B ?? 0)
        const aHolds = its.filter(
          (it, i) => (shares[i] as number) > 1e-12 && ((it.points.A ?? 0) > 0 || (it.points.B ?? 0) > 0),
        )
        const bHolds = its.filter(
          (it, i) => (shares[i] as number) < 1 - 1e-12 && ((it.points.A ?? 0) > 0 || (it.points.B ?? 0) > 0),
        )
        if (aHolds.length > 0 && bHolds.length > 0)
          expect(Math.min(...aHolds.map(ratio))).toBeGreaterThanOrEqual(Math.max(...bHolds.map(ratio)) - 1e-9)
      }),
      { seed: 3, numRuns: 400 },
    )
  })

  it('identical points give each party exactly 50', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }).chain((n) => spread(n)),
        (a) => {
          const r = adjustedWinner(['A', 'B'], toItems([a, a]))
          expect(r.totals.A).toMatchObject({ n: 50, d: 1 })
          expect(r.totals.B).toMatchObject({ n: 50, d: 1 })
        },
      ),
      { seed: 4, numRuns: 200 },
    )
  })

  it('rejects points that do not sum to 100', () => {
    expect(() => adjustedWinner(['A', 'B'], [{ id: 'x', points: { A: 90, B: 100 } }])).toThrow(
      'A spreads 90 points over the items; Adjusted Winner needs exactly 100',
    )
  })
})

describe('maximum Nash welfare (more than two parties)', () => {
  it('splits evenly between parties with the same values, and gives each item wholly to the only party that wants it', () => {
    const same = maxNashWelfare(['A', 'B'], [{ id: 'x', points: { A: 100, B: 100 } }])
    expect(same.totals.A).toBeCloseTo(50, 6)
    const apart = maxNashWelfare(
      ['A', 'B', 'C'],
      [
        { id: 'x', points: { A: 100, B: 0, C: 0 } },
        { id: 'y', points: { A: 0, B: 100, C: 0 } },
        { id: 'z', points: { A: 0, B: 0, C: 100 } },
      ],
    )
    expect(apart.allocation.A?.x).toBeCloseTo(1, 6)
    expect(apart.totals.C).toBeCloseTo(100, 6)
  })

  it('is envy-free and hands out every item wholly (fast-check, three parties)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 3, maxLength: 3 }), {
          minLength: 2,
          maxLength: 5,
        }),
        (rows) => {
          const its: Item[] = rows.map((r, i) => ({
            id: `i${i}`,
            points: { A: r[0] as number, B: r[1] as number, C: r[2] as number },
          }))
          const res = maxNashWelfare(['A', 'B', 'C'], its)
          for (const it of its)
            expect(['A', 'B', 'C'].reduce((s, p) => s + (res.allocation[p]?.[it.id] ?? 0), 0)).toBeCloseTo(
              1,
              9,
            )
          for (const p of ['A', 'B', 'C']) {
            for (const q of ['A', 'B', 'C']) {
              const bundleValue = (bundle: string) =>
                its.reduce((s, it) => s + (it.points[p] ?? 0) * (res.allocation[bundle]?.[it.id] ?? 0), 0)
              expect(bundleValue(p)).toBeGreaterThanOrEqual(bundleValue(q) - 1e-4)
            }
          }
        },
      ),
      { seed: 6, numRuns: 100 },
    )
  })
})
