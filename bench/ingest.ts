// Ingest + extract + store throughput on a realistic synthetic corpus: 1,000 articles made by
// recombining the paragraphs of the bundled real ones, written at bench time (never committed).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lexiconExtractor, loadLexicon } from '../src/extract/index.ts'
import { readArticles } from '../src/ingest/index.ts'
import { defaultLexicon } from '../src/paths.ts'
import { openStore } from '../src/store/index.ts'
import { writeSyntheticCorpus } from '../test/pipeline/_corpus.ts'
import type { BenchResult } from './_report.ts'

export async function benchIngest(count = 1000): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'))
  try {
    const corpus = join(dir, 'corpus')
    writeSyntheticCorpus(corpus, count, 42)
    const lexicon = await loadLexicon(defaultLexicon)

    // Read and extract only, to show where the time goes.
    const extractor = lexiconExtractor(lexicon)
    let t = performance.now()
    let articles = 0
    for await (const r of readArticles([corpus])) {
      if ('article' in r) {
        await extractor.extract({ text: r.article.text })
        articles++
      }
    }
    const extractMs = performance.now() - t

    t = performance.now()
    await (await openStore(join(dir, 'db'))).close()
    const createMs = performance.now() - t
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '_ingest-child.ts'), corpus, join(dir, 'db')],
      {
        encoding: 'utf8',
      },
    )
    if (child.status !== 0) throw new Error(`the ingest child failed: ${child.stderr}`)
    const run = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
      added: number
      ms: number
      maxRssMiB: number
    }
    return [
      {
        name: `read + extract (${articles} articles)`,
        value: (articles / extractMs) * 1000,
        unit: 'articles/s',
      },
      { name: 'create an empty PGlite store (first run only)', value: createMs / 1000, unit: 's' },
      {
        name: `open + ingest + extract + store (${run.added} articles, PGlite, own process)`,
        value: (run.added / run.ms) * 1000,
        unit: 'articles/s',
        target: { value: 50, better: 'higher' },
      },
      { name: 'peak resident memory of that process', value: run.maxRssMiB, unit: 'MiB' },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
