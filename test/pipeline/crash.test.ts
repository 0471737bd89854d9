// kill -9 in the middle of `parley ingest`, three times at seeded points, then a re-run: the store
// must hold exactly what a clean run stores, nothing lost and nothing doubled.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/index.ts'
import { parleyProcess, storeSnapshot } from '../helpers/processes.ts'
import { rng, writeSyntheticCorpus } from './_corpus.ts'

const ingest = (corpus: string, db: string) => parleyProcess(['ingest', corpus, '--db', db, '--json'])
const snapshot = storeSnapshot

describe('kill -9 during ingest', () => {
  it('leaves the store consistent, and a re-run reaches the clean run exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-crash-'))
    const corpus = join(dir, 'corpus')
    writeSyntheticCorpus(corpus, 200, 7)

    // A store that exists already, so every kill lands in ingest work, not in creating the database.
    const clean = join(dir, 'clean')
    const crashed = join(dir, 'crashed')
    await (await openStore(crashed)).close()
    await (await openStore(clean)).close()
    const started = Date.now()
    expect((await ingest(corpus, clean).exit).code).toBe(0)
    const cleanMs = Date.now() - started
    const reference = await snapshot(clean)
    expect(reference.counts.documents).toBe(200)

    const random = rng(20251230)
    const partials: number[] = []
    for (let k = 0; k < 3; k++) {
      const run = ingest(corpus, crashed)
      await new Promise((r) => setTimeout(r, cleanMs * (0.3 + 0.5 * random())))
      run.child.kill('SIGKILL')
      await run.exit
      const state = await snapshot(crashed)
      // Whatever is stored is whole: each document has exactly the claims and events of the clean run.
      for (const [hash, items] of state.perDocument) expect(items).toBe(reference.perDocument.get(hash))
      partials.push(state.counts.documents)
    }
    // At least one kill must have landed mid-ingest, or this test proved nothing.
    expect(
      partials.some((n) => n > 0 && n < 200),
      `documents after each kill: ${partials.join(', ')}`,
    ).toBe(true)

    expect((await ingest(corpus, crashed).exit).code).toBe(0)
    const after = await snapshot(crashed)
    expect(after.counts).toEqual(reference.counts)
    expect(after.perDocument).toEqual(reference.perDocument)
  }, 180_000)
})
