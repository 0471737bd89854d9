// Issue 22: the library's ingest counted its progress only when a callback was given
// (`options.onProgress?.(++done, …)` skips the `++done` without one), so `done` stayed 0 and the store was
// maintained (VACUUM, ANALYZE) after every input: 3.5 times slower for the library, `watch` and the bench.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lexiconExtractor, loadLexicon } from '../../src/extract/index.ts'
import { defaultCorpus, defaultLexicon } from '../../src/paths.ts'
import { ingestPaths } from '../../src/pipeline/index.ts'
import { openStore } from '../../src/store/index.ts'

describe('ingest progress without a callback', () => {
  it('maintains the store only every MAINTAIN_EVERY inputs, whether or not a progress callback is given', async () => {
    const extractor = lexiconExtractor(await loadLexicon(defaultLexicon))
    const counts: number[] = []
    for (const onProgress of [undefined, () => {}]) {
      const store = await openStore(join(mkdtempSync(join(tmpdir(), 'parley-progress-')), 'db'))
      let maintained = 0
      const maintain = store.maintain.bind(store)
      store.maintain = async (full?: boolean) => {
        maintained++
        return maintain(full)
      }
      try {
        const report = await ingestPaths([defaultCorpus], {
          store,
          extractor,
          ...(onProgress ? { onProgress } : {}),
        })
        expect(report.added).toBe(5)
      } finally {
        await store.close()
      }
      counts.push(maintained)
    }
    // Five inputs are far fewer than MAINTAIN_EVERY (2,000): no maintenance run per input, with or without.
    expect(counts).toEqual([0, 0])
  }, 60_000)
})
