// npm run bench [-- name…]: every benchmark, figures and ratios to their targets, in one run.
import { printResults } from './_report.ts'
import { benchConditions } from './conditions.ts'
import { benchForecast } from './forecast.ts'
import { benchIngest } from './ingest.ts'
import { benchPackages } from './packages.ts'

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
}

const wanted = process.argv.slice(2).filter((a) => a !== '--')
const unknown = wanted.filter((w) => !(w in benches))
if (unknown.length > 0) {
  console.error(
    `unknown benchmark ${unknown.join(', ')}; expected one of: ${Object.keys(benches).join(', ')}`,
  )
  process.exit(1)
}
console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores`)
for (const name of wanted.length > 0 ? wanted : Object.keys(benches)) await benches[name]?.()
