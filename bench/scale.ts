// npm run bench -- scale [--articles N] [--configs embedded-1,embedded-2,postgres-1,postgres-2] [--keep]
// A year of news: N articles (default 100,000) recombined from the bundled real ones, ingested on
// the embedded store and on a PostgreSQL server (a local one started here, fsync on), with 1 and 2
// workers; then the main API queries on the full store. Figures go to stdout and to
// bench/out/scale.json, the chart to docs/performance-scale.svg.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { defaultLexicon, defaultScenario, packageRoot, webRoot } from '../src/paths.ts'
import { createApp, listen, openWorkspace } from '../src/server/index.ts'
import { openStore } from '../src/store/index.ts'
import { freshDatabase, startPostgres, type TestServer } from '../test/helpers/postgres.ts'
import type { BenchResult } from './_report.ts'
import { writeScaleCorpus } from './_scale-corpus.ts'

interface ChildRun {
  added: number
  ms: number
  maxRssMiB: number
  samples: { done: number; rssMiB: number; ms: number }[]
}

export interface ScaleRun {
  config: string
  articles: number
  queueMs: number
  workMs: number
  perSecond: number
  peakRssMiB: number
  rssAt: { done: number; rssMiB: number }[]
  storeMiB: number
}

const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`)

function child(args: string[], label: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '_scale-child.ts'), ...args],
      {
        cwd: packageRoot,
      },
    )
    let out = ''
    let err = ''
    p.stdout.on('data', (d) => {
      out += d
    })
    p.stderr.on('data', (d: Buffer) => {
      err += d
      for (const line of d.toString().split('\n'))
        if (line.startsWith('{"done":')) {
          const s = JSON.parse(line) as ChildRun['samples'][number]
          if (s.done % 10_000 === 0) log(`${label}: ${s.done} inputs, ${s.rssMiB.toFixed(0)} MiB`)
        }
    })
    p.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as ChildRun)
        : reject(new Error(`${label} exited ${code}: ${err.slice(-2000)}`)),
    )
  })
}

async function ingestRun(
  config: string,
  db: string,
  corpus: string,
  articles: number,
  size: () => Promise<number>,
): Promise<ScaleRun> {
  const [kind, workers] = config.split('-') as [string, string]
  log(`${config}: queueing ${articles} inputs`)
  const queued = await child(['queue', db, corpus], `${config} queue`)
  const t = performance.now()
  const runs =
    kind === 'embedded'
      ? // One process holds the embedded store: its workers are concurrent drains in that process.
        [await child(['work', db, 'w', workers], config)]
      : await Promise.all(
          Array.from({ length: Number(workers) }, (_, k) =>
            child(['work', db, `w${k}`, '1'], `${config} w${k}`),
          ),
        )
  const workMs = performance.now() - t
  const added = runs.reduce((n, r) => n + r.added, 0)
  if (added !== articles) throw new Error(`${config}: ${added} articles stored, expected ${articles}`)
  const samples = runs[0]?.samples ?? []
  const at = (share: number) => samples[Math.max(0, Math.ceil(samples.length * share) - 1)]
  const run: ScaleRun = {
    config,
    articles,
    queueMs: queued.ms,
    workMs,
    perSecond: (articles / (queued.ms + workMs)) * 1000,
    peakRssMiB: Math.max(queued.maxRssMiB, ...runs.map((r) => r.maxRssMiB)),
    rssAt: [0.1, 0.25, 0.5, 0.75, 1]
      .map(at)
      .filter((s) => s !== undefined)
      .map((s) => ({ done: s.done * runs.length, rssMiB: s.rssMiB })),
    storeMiB: (await size()) / 1024 / 1024,
  }
  log(
    `${config}: ${articles} in ${((queued.ms + workMs) / 60_000).toFixed(1)} min, ${run.perSecond.toFixed(1)}/s`,
  )
  return run
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN
}

/** Views that read the whole store; measured with fewer requests (`npm run bench -- scale-api --db DIR`). */
export const WHOLE_STORE_QUERIES = [
  'api/sources',
  'api/events',
  'api/contradictions',
  'api/claims?limit=1000',
]

export async function apiLatency(
  db: string,
  extra: readonly string[] = [],
): Promise<{ query: string; p50: number; p95: number; bytes: number }[]> {
  const store = await openStore(db)
  const ws = await openWorkspace(defaultScenario, store, {
    lexicon: defaultLexicon,
    case: { id: 'ukraine-2025', name: 'US–Russia–Ukraine peace talks, 2025' },
  })
  const server = await listen(createApp(ws, { webRoot }), { host: '127.0.0.1', port: 0 })
  try {
    const { documents } = await store.counts()
    const queries = [
      'api/health',
      'api/claims?party=RU&issue=territory&limit=50',
      'api/claims?act=condition&limit=50&offset=2000',
      `api/sources/${Math.ceil(documents / 2)}`,
      'api/search?q=energy%20infrastructure',
      'api/search?q=%22security%20guarantees%22%20-referendum',
      'api/changes?since=2025-12-01',
      'api/changes',
    ]
    const out = []
    for (const q of [...queries, ...extra]) {
      const times: number[] = []
      let bytes = 0
      const n = extra.includes(q) ? 7 : 45
      for (let i = 0; i < n; i++) {
        const t = performance.now()
        const r = await fetch(`${server.url}${q}`)
        const body = await r.arrayBuffer()
        if (r.status !== 200) throw new Error(`${q}: HTTP ${r.status}`)
        if (i >= (n > 10 ? 5 : 1)) times.push(performance.now() - t)
        bytes = body.byteLength
      }
      out.push({ query: q, p50: percentile(times, 50), p95: percentile(times, 95), bytes })
      log(`GET /${q}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`)
    }
    return out
  } finally {
    await server.close()
    await store.close()
  }
}

export async function benchScale(articles: number, configs: string[], keep = false): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-scale-'))
  let server: TestServer | undefined
  try {
    const corpus = join(dir, 'corpus')
    log(`writing ${articles} articles`)
    writeScaleCorpus(corpus, articles, 2025, (n) => n % 20_000 === 0 && log(`  ${n} written`))
    const runs: ScaleRun[] = []
    let latency: Awaited<ReturnType<typeof apiLatency>> = []
    let latencyOn = ''
    for (const config of configs) {
      if (config.startsWith('embedded')) {
        const db = join(dir, `db-${config}`)
        const run = await ingestRun(config, db, corpus, articles, async () =>
          Number(execFileSync('du', ['-sb', db]).toString().split('\t')[0]),
        )
        runs.push(run)
        if (latency.length === 0) {
          latency = await apiLatency(db)
          latencyOn = `embedded store (${config})`
        }
        if (keep && config === configs.find((c) => c.startsWith('embedded'))) log(`kept the store ${db}`)
        else rmSync(db, { recursive: true, force: true })
      } else {
        server ??= await startPostgres({ durable: true })
        const url = await freshDatabase(server.url, `parley_scale_${config.replace('-', '_')}`)
        runs.push(
          await ingestRun(config, url, corpus, articles, async () => {
            const c = new pg.Client({ connectionString: url })
            await c.connect()
            const [row] = (await c.query('select pg_database_size(current_database())::bigint as n')).rows
            await c.end()
            return Number(row.n)
          }),
        )
        if (latency.length === 0) {
          latency = await apiLatency(url)
          latencyOn = `PostgreSQL server (${config})`
        }
      }
    }
    mkdirSync(join(import.meta.dirname, 'out'), { recursive: true })
    writeFileSync(
      join(import.meta.dirname, 'out', 'scale.json'),
      `${JSON.stringify({ articles, runs, latency, latencyOn, node: process.version }, null, 2)}\n`,
    )
    writeFileSync(join(packageRoot, 'docs', 'performance-scale.svg'), chart(runs))
    return [
      ...runs.flatMap((r): BenchResult[] => [
        {
          name: `${r.config}: ${r.articles} articles queued + ingested`,
          value: (r.queueMs + r.workMs) / 60_000,
          unit: 'min',
          target: { value: (30 * r.articles) / 100_000, better: 'lower' },
        },
        { name: `${r.config}: throughput`, value: r.perSecond, unit: 'articles/s' },
        { name: `${r.config}: peak resident memory of a process`, value: r.peakRssMiB, unit: 'MiB' },
        {
          name: `${r.config}: resident memory at 10% → 100% of the corpus`,
          value: (r.rssAt.at(-1)?.rssMiB ?? 0) / (r.rssAt[0]?.rssMiB ?? 1),
          unit: '× (1 = flat)',
        },
        { name: `${r.config}: store size`, value: r.storeMiB, unit: 'MiB' },
      ]),
      ...latency.map(
        (l): BenchResult => ({
          name: `GET /${l.query} p95 (${latencyOn}; p50 ${l.p50.toFixed(1)} ms)`,
          value: l.p95,
          unit: 'ms',
          target: { value: 200, better: 'lower' },
        }),
      ),
    ]
  } finally {
    await server?.stop()
    if (!keep) rmSync(dir, { recursive: true, force: true })
  }
}

/** Throughput per configuration, and resident memory as the corpus grows: one small SVG. */
export function chart(runs: ScaleRun[]): string {
  const W = 640
  const H = 260
  const colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728']
  const maxRate = Math.max(...runs.map((r) => r.perSecond)) * 1.15
  const bars = runs
    .map((r, i) => {
      const h = (r.perSecond / maxRate) * 180
      const x = 40 + i * 62
      return `<rect x="${x}" y="${210 - h}" width="44" height="${h}" fill="${colors[i % 4]}"/>
<text x="${x + 22}" y="${204 - h}" text-anchor="middle">${r.perSecond.toFixed(0)}</text>
<text x="${x + 22}" y="226" text-anchor="middle">${r.config.replace('-', ' ')}</text>`
    })
    .join('\n')
  const maxDone = Math.max(...runs.flatMap((r) => r.rssAt.map((s) => s.done)), 1)
  const maxRss = Math.max(...runs.flatMap((r) => r.rssAt.map((s) => s.rssMiB)), 1) * 1.1
  const lines = runs
    .map((r, i) => {
      const pts = r.rssAt.map((s) => `${340 + (s.done / maxDone) * 270},${210 - (s.rssMiB / maxRss) * 180}`)
      return `<polyline fill="none" stroke="${colors[i % 4]}" stroke-width="2" points="${pts.join(' ')}"/>`
    })
    .join('\n')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="10">
<title>Parley scale benchmark: ingest throughput per configuration, and worker memory as the corpus grows</title>
<text x="20" y="14" font-size="12" font-weight="bold">Ingest throughput (articles/s, queue + work)</text>
<line x1="30" y1="210" x2="300" y2="210" stroke="#333"/>
${bars}
<text x="340" y="14" font-size="12" font-weight="bold">Worker RSS (MiB) as the corpus grows</text>
<line x1="340" y1="210" x2="610" y2="210" stroke="#333"/><line x1="340" y1="30" x2="340" y2="210" stroke="#333"/>
<text x="336" y="34" text-anchor="end">${maxRss.toFixed(0)}</text><text x="336" y="210" text-anchor="end">0</text>
<text x="610" y="224" text-anchor="end">${maxDone} articles</text>
${lines}
</svg>
`
}
