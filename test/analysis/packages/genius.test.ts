import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  analyzeFrontier,
  bestUtilities,
  geniusDomain,
  outcomeCount,
  worstUtilities,
} from '../../../src/analysis/packages/index.ts'
import { packageRoot } from '../../../src/paths.ts'

// validation/pareto: GENIUS 10.4 domains with brute-force reference values (validation/README.md).
const base = join(packageRoot, 'test/fixtures/validation/pareto')
// biome-ignore lint/suspicious/noExplicitAny: expected.json is reference data, read as it is
type Case = Record<string, any>
const expected = JSON.parse(readFileSync(join(base, 'expected.json'), 'utf8')) as { scenarios: Case[] }

const load = (sc: Case) => {
  const dir = join(base, sc.folder)
  return geniusDomain(
    { name: sc.domain_file, xml: readFileSync(join(dir, sc.domain_file), 'utf8') },
    (sc.profile_files as string[]).map((f) => ({
      name: f.replace(/\.xml$/, ''),
      xml: readFileSync(join(dir, f), 'utf8'),
    })),
  )
}
/** Within the stated tolerance, 1e-6 (validation/pareto/expected.json, "tolerances"). */
const near = (a: readonly number[] | undefined, b: readonly number[]) => {
  expect(a).toHaveLength(b.length)
  for (const [i, x] of b.entries()) expect(Math.abs((a?.[i] ?? Number.NaN) - x)).toBeLessThanOrEqual(1e-6)
}

describe.each(expected.scenarios.map((sc) => [sc.scenario as string, sc] as const))(
  '%s (validation/pareto)',
  (_name, sc) => {
    const d = load(sc)
    const r = analyzeFrontier(d)

    it(`has ${sc.n_outcomes} outcomes, utility range as expected`, () => {
      expect(outcomeCount(d)).toBe(sc.n_outcomes)
      near(bestUtilities(d), sc.utility_max)
      near(worstUtilities(d), sc.utility_min)
    })

    it(`frontier: ${sc.pareto_distinct_utility_points} points from ${sc.pareto_outcomes} outcomes, exactly`, () => {
      expect(r.capped).toBe(false)
      expect(r.pareto.count).toBe(sc.pareto_distinct_utility_points)
      expect(r.pareto.outcomes).toBe(sc.pareto_outcomes)
      if (sc.pareto_frontier_utils) {
        const points = (sc.pareto_frontier_utils as number[][])
          .slice()
          .sort((a, b) => (b[0] as number) - (a[0] as number))
        for (const [i, p] of points.entries()) near(r.pareto.points[i]?.utilities, p)
      }
    })

    it('Nash, proper KS, GENIUS "Kalai", maximum welfare and opposition to 1e-6, with the outcomes decoded', () => {
      near(r.nash?.utilities, sc.nash.utils)
      expect(Math.abs((r.nash?.product ?? 0) - sc.nash.product)).toBeLessThanOrEqual(1e-6)
      expect(r.nash?.disagreement).toEqual(sc.reservation_values)
      near(r.ks?.utilities, sc.kalai_smorodinsky.utils)
      near(r.kalai?.utilities, sc.genius_kalai_min_abs_diff.utils)
      near(r.welfare?.utilities, sc.max_welfare.utils)
      expect(Math.abs((r.opposition ?? 0) - sc.opposition_genius)).toBeLessThanOrEqual(1e-6)
      for (const key of ['nash', 'kalai_smorodinsky', 'max_welfare'] as const) {
        if (sc[key].outcome)
          expect({ nash: r.nash, kalai_smorodinsky: r.ks, max_welfare: r.welfare }[key]?.outcome).toEqual(
            sc[key].outcome,
          )
      }
    })

    if (sc.nash_disagreement_min_utility) {
      it('Nash with each party’s worst utility as the disagreement point (NegMAS’s choice), to 1e-6', () => {
        near(
          analyzeFrontier(d, { disagreement: 'minimum' }).nash?.utilities,
          JSON.parse(JSON.stringify(sc.nash_disagreement_min_utility.utils)),
        )
      })
    }
  },
)
