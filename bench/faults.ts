// Fault injection (issue 10), `npm run bench -- faults`:
// 1. kill -9 at seeded random points of `parley ingest`, 20 times on one store: after each kill every stored
//    article holds exactly the claims and events of a clean run, and a final re-run reaches the clean counts.
// 2. A full disk: the embedded store on a small tmpfs (needs root for mount). The ingest stops with a clear
//    error, the store stays readable, and after the disk grows a re-run stores the rest.
// 3. A PostgreSQL server restart while `parley serve` answers: requests during the outage get a JSON 503,
//    never a hang or a 500, and the API answers again once the server is back.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultCorpus } from '../src/paths.ts'
import { openStore } from '../src/store/index.ts'
import { freshDatabase, postgresBinaries, startPostgres } from '../test/helpers/postgres.ts'
import { parleyProcess, serveProcess, storeSnapshot } from '../test/helpers/processes.ts'
import { rng, writeSyntheticCorpus } from '../test/pipeline/_corpus.ts'
import type { BenchResult } from './_report.ts'

const parley = parleyProcess
const snapshot = storeSnapshot

async function killNine(kills: number): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-kill-'))
  const corpus = join(dir, 'corpus')
  writeSyntheticCorpus(corpus, 150, 11)
  const clean = join(dir, 'clean')
  await (await openStore(clean)).close()
  const t = Date.now()
  if ((await parley(['ingest', corpus, '--db', clean]).exit).code !== 0)
    throw new Error('clean ingest failed')
  const cleanMs = Date.now() - t
  const reference = await snapshot(clean)
  const random = rng(20261201)
  let torn = 0
  let lost = 0
  let differentCounts = 0
  const after: number[] = []
  for (let k = 0; k < kills; k++) {
    // Each kill on a store of its own, created first, so the kill lands in ingest work.
    const db = join(dir, `crashed-${k}`)
    await (await openStore(db)).close()
    const run = parley(['ingest', corpus, '--db', db])
    await new Promise((r) => setTimeout(r, cleanMs * (0.05 + 0.9 * random())))
    run.child.kill('SIGKILL')
    await run.exit
    const state = await snapshot(db)
    for (const [hash, items] of state.perDocument) if (items !== reference.perDocument.get(hash)) torn++
    after.push(state.counts.documents)
    if ((await parley(['ingest', corpus, '--db', db]).exit).code !== 0) throw new Error(`re-run ${k} failed`)
    const end = await snapshot(db)
    lost += [...reference.perDocument.keys()].filter(
      (h) => end.perDocument.get(h) !== reference.perDocument.get(h),
    ).length
    if (JSON.stringify(end.counts) !== JSON.stringify(reference.counts)) differentCounts++
    rmSync(db, { recursive: true, force: true })
  }
  const midway = after.filter((n) => n > 0 && n < reference.counts.documents).length
  console.log(`  articles stored when each kill landed: ${after.join(' ')}`)
  console.log(`  clean run ${JSON.stringify(reference.counts)}`)
  rmSync(dir, { recursive: true, force: true })
  return [
    {
      name: `kill -9 during ingest of ${reference.counts.documents} articles, each on a fresh store (${midway} mid-way)`,
      value: kills,
      unit: 'kills',
    },
    { name: 'articles stored partly (claims or events missing) after a kill', value: torn, unit: 'articles' },
    { name: 'articles lost or different after the re-runs', value: lost, unit: 'articles' },
    { name: 're-runs whose counts differ from the clean run', value: differentCounts, unit: 'runs' },
  ]
}

async function fullDisk(): Promise<BenchResult[]> {
  if (process.getuid?.() !== 0) {
    console.log('  skipped: mounting a tmpfs needs root')
    return []
  }
  const mount = mkdtempSync(join(tmpdir(), 'parley-tiny-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=150m', 'tmpfs', mount])
  try {
    const corpus = join(mkdtempSync(join(tmpdir(), 'parley-disk-')), 'corpus')
    writeSyntheticCorpus(corpus, 3000, 5)
    const db = join(mount, 'db')
    const t = Date.now()
    const run = parley(['ingest', corpus, '--db', db])
    const timer = setTimeout(() => run.child.kill('SIGKILL'), 10 * 60_000)
    const { code, stderr } = await run.exit
    clearTimeout(timer)
    const seconds = (Date.now() - t) / 1000
    console.log(
      `  ingest on a 150 MB tmpfs: exit ${code} after ${seconds.toFixed(0)} s: ${stderr.trim().split('\n')[0]}`,
    )
    const partial = await snapshot(db) // the store opens and reads
    console.log(`  the store then holds ${partial.counts.documents} articles and opens for reading`)
    execFileSync('mount', ['-o', 'remount,size=600m', mount])
    const rerun = await parley(['ingest', corpus, '--db', db]).exit
    const end = await snapshot(db)
    console.log(`  after the disk grew to 600 MB: exit ${rerun.code}, ${end.counts.documents} articles`)
    const kept = [...partial.perDocument.keys()].filter(
      (h) => end.perDocument.get(h) !== partial.perDocument.get(h),
    ).length
    return [
      {
        name: `full disk: exit code of the ingest (clear message: ${/MB free/.test(stderr)})`,
        value: code ?? -1,
        unit: '',
      },
      {
        name: 'full disk: articles stored before the stop',
        value: partial.counts.documents,
        unit: 'articles',
      },
      { name: 'full disk: articles changed or lost by the re-run', value: kept, unit: 'articles' },
      {
        name: 'full disk: articles after the re-run with space',
        value: end.counts.documents,
        unit: 'articles',
      },
    ]
  } finally {
    execFileSync('umount', [mount])
  }
}

async function postgresRestart(): Promise<BenchResult[]> {
  if (postgresBinaries() === undefined) {
    console.log('  skipped: no PostgreSQL binaries')
    return []
  }
  const server = await startPostgres()
  try {
    const url = await freshDatabase(server.url, 'parley_restart')
    if ((await parley(['ingest', defaultCorpus, '--db', url]).exit).code !== 0)
      throw new Error('ingest failed')
    const { url: base, child: serve } = await serveProcess(url)
    try {
      const statuses = new Map<number, number>()
      let slowest = 0
      let running = true
      let firstOkAfterUp = 0
      let upAt = 0
      const loop = (async () => {
        while (running) {
          const t = Date.now()
          let status = 0
          try {
            const r = await fetch(`${base}/api/claims?limit=5`, { signal: AbortSignal.timeout(10_000) })
            status = r.status
            await r.json()
          } catch {
            status = -1 // no answer within 10 s, or not JSON
          }
          slowest = Math.max(slowest, Date.now() - t)
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
          if (upAt > 0 && status === 200 && firstOkAfterUp === 0) firstOkAfterUp = Date.now() - upAt
          await new Promise((r) => setTimeout(r, 20))
        }
      })()
      await new Promise((r) => setTimeout(r, 1000))
      await server.down?.()
      await new Promise((r) => setTimeout(r, 3000))
      await server.up?.()
      upAt = Date.now()
      await new Promise((r) => setTimeout(r, 3000))
      running = false
      await loop
      const summary = [...statuses].map(([s, n]) => `${s === -1 ? 'no answer' : s}: ${n}`).join(', ')
      console.log(
        `  answers while the server went down for 3 s and came back: ${summary}; slowest ${slowest} ms`,
      )
      const bad = [...statuses].filter(([s]) => s !== 200 && s !== 503).reduce((n, [, k]) => n + k, 0)
      return [
        {
          name: `PostgreSQL restart: answers other than 200 or a JSON 503 (${summary})`,
          value: bad,
          unit: 'answers',
        },
        {
          name: 'PostgreSQL restart: the first 200 after the server was back',
          value: firstOkAfterUp,
          unit: 'ms',
        },
        { name: 'PostgreSQL restart: the slowest answer', value: slowest, unit: 'ms' },
      ]
    } finally {
      serve.kill('SIGINT')
    }
  } finally {
    await server.stop()
  }
}

export async function benchFaults(kills = 20): Promise<BenchResult[]> {
  return [...(await killNine(kills)), ...(await fullDisk()), ...(await postgresRestart())]
}
