// npm run bench [-- name…]: every benchmark, figures and ratios to their targets, in one run.
import { printResults } from './_report.ts'
import { benchConditions } from './conditions.ts'
import { benchFaults } from './faults.ts'
import { benchForecast } from './forecast.ts'
import { benchFuzz } from './fuzz.ts'
import { benchIngest } from './ingest.ts'
import { benchLoad } from './load.ts'
import { benchPackages } from './packages.ts'
import { apiLatency, benchScale, WHOLE_STORE_QUERIES } from './scale.ts'

const benches: Record<string, () => Promise<void>> = {
  ingest: async () =>
    printResults('Ingest (1,000 synthetic articles from the bundled corpus)', await benchIngest(1000)),
  packages: async () =>
    printResults('Packages: exact Pareto frontier (GENIUS domains from validation/pareto)', benchPackages()),
  conditions: async () =>
    printResults(
      'Conditions (synthetic: 200 issues, 1,000 conditions, 3 of them backward)',
      benchConditions(),
    ),
  forecast: async () => printResults('Forecast models (DEU, COP21, bundled scenario)', await benchForecast()),
  faults: async () =>
    printResults(
      'Faults: kill -9 during ingest, a full disk, a PostgreSQL restart under the API',
      await benchFaults(Number(option('--kills') ?? 20)),
    ),
  fuzz: async () => {
    const runs = Number(option('--runs') ?? 500)
    printResults(
      `Fuzzing (fast-check; ${runs} cases a target, ${runs * 4} for the API)`,
      await benchFuzz(runs),
    )
  },
  load: async () =>
    printResults(
      'API load (parley serve on 127.0.0.1, the bundled store; autocannon, 50 clients, 30 s)',
      await benchLoad(),
    ),
  scale: async () => {
    const articles = Number(option('--articles') ?? 100_000)
    const configs = (option('--configs') ?? 'embedded-1,embedded-2,postgres-1,postgres-2').split(',')
    printResults(
      `Scale (${articles} articles recombined from the bundled ones; PostgreSQL: a local server, fsync on)`,
      await benchScale(articles, configs, process.argv.includes('--keep')),
    )
  },
  'scale-api': async () => {
    const db = option('--db')
    if (db === undefined)
      throw new Error('scale-api needs --db: a store kept by `npm run bench -- scale --keep`')
    const latency = await apiLatency(db, WHOLE_STORE_QUERIES)
    printResults(
      `API latency on ${db}`,
      latency.map((l) => ({
        name: `GET /${l.query} p95 (p50 ${l.p50.toFixed(1)} ms, ${(l.bytes / 1024).toFixed(0)} KiB)`,
        value: l.p95,
        unit: 'ms',
        target: { value: 200, better: 'lower' as const },
      })),
    )
  },
}

/** The value after a flag: `npm run bench -- scale --articles 20000`. */
function option(flag: string): string | undefined {
  const i = process.argv.indexOf(flag)
  return i < 0 ? undefined : process.argv[i + 1]
}

// `scale` writes 100,000 articles and runs for most of an hour; `faults`, `fuzz` and `load` take minutes and the whole
// machine. They run only when named.
const DEFAULT = ['ingest', 'packages', 'conditions', 'forecast']
const args = process.argv.slice(2).filter((a) => a !== '--')
const wanted = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'))
const unknown = wanted.filter((w) => !(w in benches))
if (unknown.length > 0) {
  console.error(
    `unknown benchmark ${unknown.join(', ')}; expected one of: ${Object.keys(benches).join(', ')}`,
  )
  process.exit(1)
}
console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores`)
for (const name of wanted.length > 0 ? wanted : DEFAULT) await benches[name]?.()
