// The exact frontier: divide and conquer beside plain enumeration on the same domains, with the
// ratio; a constrained domain of 10^6 outcomes; a 5-party domain of 240,000 outcomes.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  analyzeFrontier,
  coupleIssues,
  type Domain,
  enumeratedFrontier,
  geniusDomain,
  paretoFrontier,
} from '../src/analysis/packages/index.ts'
import { packageRoot } from '../src/paths.ts'
import { rng } from '../test/pipeline/_corpus.ts'
import type { BenchResult } from './_report.ts'

const pareto = join(packageRoot, 'test/fixtures/validation/pareto')

function genius(folder: string, domainFile: string, profiles: string[]): Domain {
  const read = (f: string) => readFileSync(join(pareto, folder, f), 'utf8')
  return geniusDomain(
    { name: domainFile, xml: read(domainFile) },
    profiles.map((f) => ({ name: f, xml: read(f) })),
  )
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now()
  const value = fn()
  return { ms: performance.now() - t, value }
}

export function benchPackages(): BenchResult[] {
  const results: BenchResult[] = []
  const domains: [string, Domain][] = [
    [
      'Energy (390,625 outcomes)',
      genius('anac2011_Energy', 'energy_domain.xml', ['energy_consumer.xml', 'energy_distributor.xml']),
    ],
    ['6issues (10^6)', genius('genius_6issues', '6issues.xml', ['6issues_util1.xml', '6issues_util2.xml'])],
    ['7issues (10^7)', genius('genius_7issues', '7issues.xml', ['7issues_util1.xml', '7issues_util2.xml'])],
  ]
  for (const [name, d] of domains) {
    const dc = time(() => paretoFrontier(d))
    const en = time(() => enumeratedFrontier(d))
    if (dc.value.points.length !== en.value.points.length)
      throw new Error(`${name}: the two methods disagree`)
    results.push({
      name: `${name}: divide and conquer, ${dc.value.points.length} points`,
      value: dc.ms,
      unit: 'ms',
    })
    results.push({
      name: `${name}: enumeration, ${en.value.points.length} points (×${(en.ms / dc.ms).toFixed(0)} slower)`,
      value: en.ms,
      unit: 'ms',
    })
  }
  const seven = domains[2]?.[1] as Domain
  const full = time(() => analyzeFrontier(seven))
  results.push({
    name: '7issues: exact frontier + Nash + KS + welfare + opposition',
    value: full.ms,
    unit: 'ms',
    target: { value: 50, better: 'lower' },
  })

  // 6issues with cross-issue exclusions (i1 = 9 excludes i2 = 0, and so on): coupled into compound issues.
  const six = domains[1]?.[1] as Domain
  const exclusions = [0, 2, 4].flatMap((i) =>
    [0, 1, 2].map((k) => ({ a: { issue: i, option: 9 - k }, b: { issue: i + 1, option: k } })),
  )
  const constrained = time(() => paretoFrontier(coupleIssues(six, exclusions)))
  results.push({
    name: `6issues with ${exclusions.length} cross-issue exclusions (10^6 outcomes before them): ${constrained.value.points.length} points`,
    value: constrained.ms,
    unit: 'ms',
    target: { value: 1000, better: 'lower' },
  })

  const five = fiveParties()
  const many = time(() => analyzeFrontier(five))
  results.push({
    name: `5 parties, 240,000 outcomes (synthetic, seeded): ${many.value.pareto.count} points${many.value.capped ? ' CAPPED' : ''}`,
    value: many.ms,
    unit: 'ms',
    target: { value: 5000, better: 'lower' },
  })
  return results
}

/** Five parties over issues of 10 × 10 × 8 × 6 × 5 × 10 options, random weights and values (seeded). */
function fiveParties(): Domain {
  const random = rng(240_000)
  const sizes = [10, 10, 8, 6, 5, 10]
  return {
    issues: sizes.map((n, i) => ({
      id: `i${i}`,
      name: `i${i}`,
      options: Array.from({ length: n }, (_, o) => ({ label: String(o), value: o })),
    })),
    parties: Array.from({ length: 5 }, (_, p) => ({ id: `p${p}`, name: `p${p}` })),
    contributions: Array.from({ length: 5 }, () => {
      const w = sizes.map(() => random())
      const total = w.reduce((a, b) => a + b, 0)
      return sizes.map((n, i) =>
        Float64Array.from({ length: n }, () => ((w[i] as number) / total) * random()),
      )
    }),
    reservation: [0, 0, 0, 0, 0],
  }
}
