// The fuzz targets of the test suite (test/helpers/fuzz.ts), run far longer: `npm run bench -- fuzz
// [--runs N]`. A case that breaks the contract (a crash, a stack trace, exit code 2, a 5xx) stops the run
// with the counterexample; otherwise each line reports the cases run and their time.
import fc from 'fast-check'
import { defaultCorpus, defaultScenario } from '../src/paths.ts'
import { serveFixture } from '../test/helpers/dashboard.ts'
import { articleInputs, checkRead, cliTargets, fuzzApi, fuzzCli } from '../test/helpers/fuzz.ts'
import type { BenchResult } from './_report.ts'

export async function benchFuzz(runs: number): Promise<BenchResult[]> {
  const out: BenchResult[] = []
  const timed = async (name: string, fn: () => Promise<number> | number) => {
    const t = performance.now()
    const cases = await fn()
    const s = (performance.now() - t) / 1000
    out.push({ name: `${name} (${s.toFixed(1)} s, 0 failures)`, value: cases, unit: 'cases' })
    console.log(`  ${name}: ${cases} cases in ${s.toFixed(1)} s`)
  }
  for (const [k, target] of cliTargets().entries())
    await timed(`CLI: ${target.name}`, () => fuzzCli(target, { runs, seed: 1000 + k }))
  await timed('readers: bytes, truncated and nested HTML, huge lines, mixed encodings', () => {
    let n = 0
    fc.assert(
      fc.property(articleInputs(), (input) => {
        n++
        const problem = checkRead(input)
        if (problem !== undefined) throw new Error(problem)
      }),
      { numRuns: runs, seed: 2000 },
    )
    return n
  })
  const served = await serveFixture(defaultScenario, [defaultCorpus])
  try {
    await timed('API: query strings, path segments, bodies', () =>
      fuzzApi((path, init) => served.app.request(path, init), { runs: runs * 4, seed: 3000 }),
    )
  } finally {
    await served.close()
  }
  return out
}
