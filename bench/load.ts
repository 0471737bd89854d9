// A bounded load test of the API (issue 10): `parley serve` on 127.0.0.1 over the bundled store (the five
// articles ingested, the bundled scenario), in a process of its own; autocannon drives 50 concurrent
// clients for 30 s through what the dashboard asks for. Reports throughput, latency percentiles, errors
// and non-2xx answers, and the server's resident memory before and after.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { defaultCorpus } from '../src/paths.ts'
import { parleyProcess, serveProcess } from '../test/helpers/processes.ts'
import type { BenchResult } from './_report.ts'

/** What the dashboard's views request, each once in turn. */
export const LOAD_PATHS = [
  '/api/health',
  '/api/sources',
  '/api/claims?limit=100',
  '/api/search?q=ceasefire',
  '/api/changes',
  '/api/events',
  '/api/contradictions',
  '/api/scenario',
  '/api/forecasts',
  '/api/zopa',
  '/api/conditions',
  '/',
]

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(m?.[1] ?? 0) / 1024
}

export async function benchLoad({ connections = 50, seconds = 30 } = {}): Promise<BenchResult[]> {
  const db = join(mkdtempSync(join(tmpdir(), 'parley-load-')), 'db')
  if ((await parleyProcess(['ingest', defaultCorpus, '--db', db]).exit).code !== 0)
    throw new Error('ingest failed')
  const { url, child: server } = await serveProcess(db)
  try {
    // One pass first, so every route is warm, then the memory before the load.
    for (const p of LOAD_PATHS) await (await fetch(url + p)).arrayBuffer()
    const before = rssMiB(server.pid as number)
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      requests: LOAD_PATHS.map((path) => ({ method: 'GET' as const, path })),
    })
    const after = rssMiB(server.pid as number)
    const r = result as typeof result & { non2xx: number; errors: number; timeouts: number }
    const total = result.requests.total
    console.log(
      `  ${total} requests in ${seconds} s; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}; server RSS ${before.toFixed(0)} → ${after.toFixed(0)} MiB`,
    )
    return [
      {
        name: `throughput, ${connections} clients × ${seconds} s over ${LOAD_PATHS.length} routes (${total} requests)`,
        value: result.requests.average,
        unit: 'req/s',
      },
      { name: 'latency p50', value: result.latency.p50, unit: 'ms' },
      { name: 'latency p99', value: result.latency.p99, unit: 'ms' },
      {
        name: 'errors + timeouts + non-2xx answers',
        value: r.errors + r.timeouts + r.non2xx,
        unit: 'responses',
      },
      { name: 'server memory (RSS) before the load', value: before, unit: 'MiB' },
      { name: 'server memory (RSS) after the load', value: after, unit: 'MiB' },
    ]
  } finally {
    server.kill('SIGINT')
  }
}
