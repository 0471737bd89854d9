// Issue 10, fuzzing: every importer and the scenario loader through the CLI, and the article readers.
// Seeded and bounded here; `npm run bench -- fuzz` runs the same targets far longer and counts the cases.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { articleInputs, checkRead, cliTargets, fuzzCli } from '../helpers/fuzz.ts'

describe('fuzzing: bad files give a located error and exit code 1, never a crash (fast-check)', () => {
  for (const [k, target] of cliTargets().entries()) {
    it(target.name, async () => {
      const cases = await fuzzCli(target, { runs: 25, seed: 100 + k, timeLimitMs: 15_000 })
      expect(cases).toBeGreaterThan(0)
    }, 60_000)
  }
})

describe('fuzzing the article readers: random bytes, truncated and nested HTML, huge lines, mixed encodings', () => {
  it('every input gives an article with text or a failure with a reason, and nothing throws', () => {
    fc.assert(
      fc.property(articleInputs(), (input) => {
        expect(checkRead(input)).toBeUndefined()
      }),
      { numRuns: 50, seed: 7, interruptAfterTimeLimit: 20_000 },
    )
  }, 60_000)
})
