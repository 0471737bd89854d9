import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  analyzeFrontier,
  coupleIssues,
  type Domain,
  enumeratedFrontier,
  enumerateOutcomes,
  geniusWebDomain,
  paretoFrontier,
  round9,
  scenarioDomain,
  simulate,
  utility,
  zopa,
} from '../../../src/analysis/packages/index.ts'
import { defaultScenario, packageRoot } from '../../../src/paths.ts'
import { loadScenario, type Scenario } from '../../../src/scenario/index.ts'

/** Domains with contributions on a coarse grid, so that ties are frequent. */
const domainArb = (parties: number) =>
  fc
    .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 })
    .chain((sizes) =>
      fc
        .array(
          fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }), {
            minLength: sizes.length,
            maxLength: sizes.length,
          }),
          { minLength: parties, maxLength: parties },
        )
        .map((vals) => ({ sizes, vals })),
    )
    .map(
      ({ sizes, vals }): Domain => ({
        issues: sizes.map((n, i) => ({
          id: `i${i}`,
          name: `i${i}`,
          options: Array.from({ length: n }, (_, o) => ({ label: `o${o}`, value: o })),
        })),
        parties: vals.map((_, p) => ({ id: `p${p}`, name: `p${p}` })),
        contributions: vals.map((perIssue) =>
          sizes.map((n, i) =>
            Float64Array.from({ length: n }, (_, o) => ((perIssue[i] as number[])[o] as number) * 0.05),
          ),
        ),
        reservation: vals.map(() => 0),
      }),
    )

const pointsOf = (f: ReturnType<typeof paretoFrontier>) =>
  f.points.map((p) => `${p.utilities.join(',')}×${p.outcomes}`).sort()

describe('divide and conquer = plain enumeration (fast-check, domains with many ties)', () => {
  it.each([2, 3])('%i parties: the same points and the same number of outcomes on each', (parties) => {
    fc.assert(
      fc.property(domainArb(parties), (d) => {
        expect(pointsOf(paretoFrontier(d))).toEqual(pointsOf(enumeratedFrontier(d)))
      }),
      { seed: parties, numRuns: 200 },
    )
  })

  it('no frontier point is dominated by any outcome', () => {
    fc.assert(
      fc.property(domainArb(2), (d) => {
        const e = enumerateOutcomes(d)
        for (const p of paretoFrontier(d).points) {
          for (let k = 0; k < e.count; k++) {
            const u = e.utilities.map((x) => round9(x[k] as number))
            const dominates =
              u.every((x, i) => x >= (p.utilities[i] as number)) &&
              u.some((x, i) => x > (p.utilities[i] as number))
            expect(dominates).toBe(false)
          }
        }
      }),
      { seed: 5, numRuns: 100 },
    )
  })
})

describe('coupleIssues: cross-issue exclusions', () => {
  it('the frontier of the coupled domain equals brute force over the allowed packages', () => {
    fc.assert(
      fc.property(
        domainArb(2),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }),
        (d, raw) => {
          if (d.issues.length < 2) return
          const exclusions = raw.map(([a, oa, b, ob]) => {
            const ia = a % d.issues.length
            let ib = b % d.issues.length
            if (ib === ia) ib = (ia + 1) % d.issues.length
            return {
              a: { issue: ia, option: oa % (d.issues[ia]?.options.length ?? 1) },
              b: { issue: ib, option: ob % (d.issues[ib]?.options.length ?? 1) },
            }
          })
          const coupled = paretoFrontier(coupleIssues(d, exclusions))
          // Brute force: enumerate everything, drop excluded packages, take the frontier.
          const e = enumerateOutcomes(d)
          const k = d.issues.length
          const keep: number[] = []
          for (let n = 0; n < e.count; n++) {
            const o = e.digits.subarray(n * k, n * k + k)
            if (exclusions.every((x) => !(o[x.a.issue] === x.a.option && o[x.b.issue] === x.b.option)))
              keep.push(n)
          }
          const utilities = (n: number) => e.utilities.map((u) => round9(u[n] as number))
          const frontier = keep.filter(
            (n) =>
              !keep.some(
                (m) =>
                  utilities(m).every((x, i) => x >= (utilities(n)[i] as number)) &&
                  utilities(m).some((x, i) => x > (utilities(n)[i] as number)),
              ),
          )
          const brute = [...new Set(frontier.map((n) => utilities(n).join(',')))].sort()
          // Sums in another order may differ in the last bit: compare to 1e-9.
          expect(coupled.points.map((p) => p.utilities.map((u) => u.toFixed(8)).join(',')).sort()).toEqual(
            brute.map((s) =>
              s
                .split(',')
                .map((u) => Number(u).toFixed(8))
                .join(','),
            ),
          )
        },
      ),
      { seed: 9, numRuns: 150 },
    )
  })
})

describe('GeniusWeb JSON (test/fixtures/geniusweb, written by hand)', () => {
  const dir = join(packageRoot, 'test/fixtures/geniusweb')
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'))
  const d = geniusWebDomain({ name: 'domain', json: read('domain.json') }, [
    { name: 'buyer', json: read('buyer.json') },
    { name: 'seller', json: read('seller.json') },
  ])

  it('reads discrete and number issues, weights and the reservation bid', () => {
    expect(d.issues.map((i) => i.options.map((o) => o.value))).toEqual([
      ['red', 'green', 'blue'],
      [1, 2, 3],
    ])
    // buyer: 0.6·colour + 0.4·(size − 1)/2; red, size 3 → 1; reservation (green, 1) → 0.3
    expect(utility(d, 0, [0, 2])).toBeCloseTo(1, 12)
    expect(d.reservation).toEqual([0.3, 0])
    // seller: 0.5·colour + 0.5·(3 − size)/2; blue, size 1 → 1
    expect(utility(d, 1, [2, 0])).toBeCloseTo(1, 12)
  })

  it('gives the frontier a hand count finds: 5 points', () => {
    // (buyer, seller) for colour × size: red (0.6, 0.5) (0.8, 0.25) (1, 0); green (0.3, 0.75) (0.5, 0.5)
    // (0.7, 0.25); blue (0, 1) (0.2, 0.75) (0.4, 0.5). Non-dominated: (1, 0) (0.8, 0.25) (0.6, 0.5) (0.3, 0.75) (0, 1).
    expect(paretoFrontier(d).points.map((p) => p.utilities)).toEqual([
      [1, 0],
      [0.8, 0.25],
      [0.6, 0.5],
      [0.3, 0.75],
      [0, 1],
    ])
  })
})

describe('the bundled scenario as a domain', () => {
  let s: Scenario
  it('utility: U_p = Σ_i (s_pi / Σ_j s_pj)(1 − |pos − x_pi|/100) over p’s issues (docs/packages.md)', async () => {
    s = await loadScenario(defaultScenario)
    const d = scenarioDomain(s, { parties: ['RU', 'UA'], redLines: false })
    expect(d.issues.map((i) => i.id)).toEqual(['ceasefire', 'territory', 'nato', 'znpp'])
    // RU saliences: ceasefire 60, territory 95, nato 85, znpp 40 (total 280); positions 40, 100, 100, 100.
    // Package: ceasefire 100, territory 55, nato 50, znpp 50.
    const expectedRU =
      (60 * (1 - 60 / 100) + 95 * (1 - 45 / 100) + 85 * (1 - 50 / 100) + 40 * (1 - 50 / 100)) / 280
    expect(utility(d, 0, [2, 2, 1, 1])).toBeCloseTo(expectedRU, 12)
  })

  it('ZOPA: no package meets every red line; territory is where RU and UA rule agreement out', async () => {
    s = await loadScenario(defaultScenario)
    const z = zopa(s)
    expect(z.feasible_packages).toBe(0)
    const territory = z.issues.find((i) => i.issue === 'territory')
    expect(territory?.intersection).toBeNull()
    expect(territory?.conflicts).toEqual([['RU', 'UA']])
    // salience × distance: RU 95 × 45 to admit "frozen" (30); the three options tie at 4275.
    expect(territory?.relaxations.map((r) => [r.position, r.cost])).toEqual([
      [30, 4275],
      [55, 4275],
      [75, 4275],
    ])
    expect(z.issues.filter((i) => i.feasible.length === 0).map((i) => i.issue)).toEqual(['territory'])
  })

  it('ZOPA: three red lines that exclude each other pairwise give three minimal conflicts', () => {
    const t = structuredClone(s)
    const st = (party: string, min: number, max: number) => ({
      party,
      issue: 'assets',
      position: { value: min, assumption: 'x' },
      salience: { value: 50, assumption: 'x' },
      acceptable: { min, max, assumption: 'x' },
    })
    t.issues = [
      {
        id: 'assets',
        name: 'A',
        description: 'a',
        options: [0, 50, 100].map((position) => ({ label: `at ${position}`, position })),
      },
    ]
    t.stances = [st('US', 0, 20), st('RU', 80, 100), st('UA', 40, 60)]
    expect(zopa(t).issues[0]?.conflicts).toEqual([
      ['US', 'RU'],
      ['US', 'UA'],
      ['RU', 'UA'],
    ])
  })

  it('simulation: Boulware (e = 0.2) against Conceder (e = 2) agrees, on or near the frontier; two Conceders agree sooner than two Boulwares', async () => {
    s = await loadScenario(defaultScenario)
    const d = scenarioDomain(s, { parties: ['RU', 'UA'], redLines: false })
    const f = analyzeFrontier(d)
    const mixed = simulate(d, [0.2, 2], f)
    expect(mixed.agreement).not.toBeNull()
    expect(mixed.agreement?.distance_to_pareto).toBeLessThan(0.05)
    expect(simulate(d, [0.2, 2], f)).toEqual(mixed) // deterministic
    const conceders = simulate(d, [2, 2], f).agreement?.round ?? Number.POSITIVE_INFINITY
    const boulwares = simulate(d, [0.2, 0.2], f).agreement?.round ?? Number.POSITIVE_INFINITY
    expect(conceders).toBeLessThan(boulwares)
  })
})
