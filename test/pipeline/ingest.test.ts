import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lexiconExtractor, loadLexicon } from '../../src/extract/index.ts'
import { defaultCorpus, defaultLexicon } from '../../src/paths.ts'
import { ingestPaths } from '../../src/pipeline/index.ts'
import { openStore } from '../../src/store/index.ts'

describe('ingestPaths', () => {
  it('stores the bundled corpus once, records a broken input, and adds nothing on a second run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-pipe-'))
    const broken = join(dir, 'broken.txt')
    writeFileSync(broken, Buffer.from([0xff, 0xfe, 0x00]))
    const store = await openStore(join(dir, 'db'))
    try {
      const extractor = lexiconExtractor(await loadLexicon(defaultLexicon))
      const first = await ingestPaths([defaultCorpus, broken], { store, extractor })
      expect(first).toMatchObject({ added: 5, unchanged: 0, nearDuplicates: 0 })
      expect(first.failed).toEqual([{ path: broken, reason: expect.stringMatching(/UTF-16/) }])
      const counts = await store.counts()
      expect(counts).toMatchObject({ documents: 5, claims: first.claims, events: first.events, failures: 1 })
      const second = await ingestPaths([defaultCorpus], { store, extractor })
      expect(second).toMatchObject({ added: 0, unchanged: 5, claims: 0 })
      expect(await store.counts()).toEqual(counts)
    } finally {
      await store.close()
    }
  }, 30_000)

  it('reports an article whose extraction fails and goes on with the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-pipe-'))
    const store = await openStore(join(dir, 'db'))
    try {
      let calls = 0
      const flaky = {
        name: 'flaky',
        version: 1,
        extract: async () => {
          if (++calls === 2) throw new Error('endpoint down')
          return { claims: [], events: [] }
        },
      }
      const r = await ingestPaths([defaultCorpus], { store, extractor: flaky })
      expect(r.added).toBe(4)
      expect(r.failed).toEqual([
        { path: expect.stringContaining('001_'), reason: 'extraction failed: endpoint down' },
      ])
    } finally {
      await store.close()
    }
  }, 30_000)
})
