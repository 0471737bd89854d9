// Issue 10: the broken-article corpus (test/fixtures/broken/, README there) ingested together with the
// bundled articles. Each broken input is reported with its reason; every good article is stored.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultCorpus, packageRoot } from '../../src/paths.ts'
import { openStore } from '../../src/store/index.ts'
import { runCli } from '../helpers/cli.ts'

describe('ingest of the broken-article corpus with the bundled articles', () => {
  it('reports each broken input with its reason and stores all five good articles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-broken-'))
    const broken = join(dir, 'broken')
    cpSync(join(packageRoot, 'test/fixtures/broken'), broken, { recursive: true })
    // 50 MB of English prose, written here rather than kept in git.
    const line = 'Ministers met in Geneva on Tuesday to discuss a ceasefire, and talks will continue. '
    writeFileSync(join(broken, 'huge.txt'), line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)))
    const db = join(dir, 'db')
    const { code, stdout } = await runCli('ingest', broken, defaultCorpus, '--db', db, '--json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as { added: number; failed: { path: string; reason: string }[] }
    const reasons = Object.fromEntries(report.failed.map((f) => [f.path.slice(broken.length + 1), f.reason]))
    expect(reasons).toEqual({
      'all-scripts.html': 'no article text found in the page',
      'bad-entity.xml': expect.stringMatching(/^invalid XML at line 6, column \d+: undefined entity &bogus;/),
      'binary.txt': 'binary data, not text',
      'empty.txt': 'empty file',
      'huge.txt': 'too large: 50.0 MB (the limit is 5.0 MB)',
      'invalid-utf8.txt': 'not valid UTF-8 (first bad byte 0xe9 at offset 194)',
      'other-language.txt': 'not English: the extractor reads English text only',
      'utf16-no-bom.txt': 'UTF-16 (little-endian) text without a byte-order mark; save it as UTF-8',
    })
    expect(report.added).toBe(5)
    const store = await openStore(db)
    try {
      expect((await store.counts()).documents).toBe(5)
    } finally {
      await store.close()
    }
  }, 120_000)
})
