// Two `parley ingest` worker processes drain one queue on a real PostgreSQL server (started by the
// test on a free local port): every input is ingested exactly once, and both workers did a share.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/paths.ts'
import { freshDatabase, startPostgres, type TestServer } from '../helpers/postgres.ts'
import { writeSyntheticCorpus } from './_corpus.ts'

const bin = join(packageRoot, 'bin/parley.js')

function parley(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, PARLEY_DB: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
    })
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

let server: TestServer
beforeAll(async () => {
  server = await startPostgres()
}, 60_000)
afterAll(async () => {
  await server?.stop()
})

describe('concurrent ingest workers on a PostgreSQL server', () => {
  it('ingest every queued input exactly once, with FOR UPDATE SKIP LOCKED', async () => {
    const url = await freshDatabase(server.url, 'parley_workers')
    const corpus = join(mkdtempSync(join(tmpdir(), 'parley-workers-')), 'corpus')
    const n = 150
    writeSyntheticCorpus(corpus, n, 11)

    const queued = await parley(['ingest', corpus, '--queue-only', '--db', url, '--json'])
    expect(queued.code, queued.stderr).toBe(0)
    expect(JSON.parse(queued.stdout)).toMatchObject({ inputs: n, queued: n, queue: { pending: n } })

    const [a, b] = await Promise.all(
      ['w1', 'w2'].map((w) => parley(['ingest', '--db', url, '--worker', w, '--batch', '2', '--json'])),
    )
    expect(a?.code, a?.stderr).toBe(0)
    expect(b?.code, b?.stderr).toBe(0)
    const added = [a, b].map((r) => JSON.parse(r?.stdout ?? '{}').added as number)
    expect((added[0] ?? 0) + (added[1] ?? 0)).toBe(n)

    const db = new pg.Client({ connectionString: url })
    await db.connect()
    try {
      const byWorker = (
        await db.query<{ worker: string; n: number }>(
          "select worker, count(*)::integer as n from ingest_queue where status = 'done' group by worker order by worker",
        )
      ).rows
      expect(byWorker.map((r) => r.worker)).toEqual(['w1', 'w2'])
      expect(byWorker.map((r) => r.n)).toEqual(added)
      const docs = (
        await db.query<{ n: number; distinct: number }>(
          'select count(*)::integer as n, count(distinct path)::integer as distinct from documents',
        )
      ).rows[0]
      expect(docs).toEqual({ n, distinct: n })
      // The payloads of done inputs are dropped: the documents hold the cleaned text.
      expect((await db.query('select 1 from ingest_queue where payload is not null')).rowCount).toBe(0)
    } finally {
      await db.end()
    }
  }, 120_000)
})
