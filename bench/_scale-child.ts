// One process of the scale benchmark. `queue DB CORPUS` queues the corpus; `work DB NAME [DRAINS]`
// works the queue (DRAINS concurrent drains in this process, default 1). Progress and memory go to
// stderr as JSON lines; the last stdout line is {added, ms, maxRssMiB, samples}.
import { lexiconExtractor, loadLexicon } from '../src/extract/index.ts'
import { defaultLexicon } from '../src/paths.ts'
import { drainQueue, enqueuePaths } from '../src/pipeline/index.ts'
import { openStore } from '../src/store/index.ts'

const [mode, db = '', arg = '', drains = '1'] = process.argv.slice(2)
const t = performance.now()
const store = await openStore(db)
const rss = () => process.memoryUsage.rss() / 1024 / 1024
const samples: { done: number; rssMiB: number; ms: number }[] = []
let added = 0
if (mode === 'queue') {
  const r = await enqueuePaths([arg], { store })
  added = r.queued
} else {
  const extractor = lexiconExtractor(await loadLexicon(defaultLexicon))
  let done = 0
  const reports = await Promise.all(
    Array.from({ length: Number(drains) }, (_, k) =>
      drainQueue({
        store,
        extractor,
        worker: `${arg}-${k}`,
        onProgress: () => {
          done++
          if (done % 1000 === 0) {
            const s = { done, rssMiB: rss(), ms: performance.now() - t }
            samples.push(s)
            process.stderr.write(`${JSON.stringify(s)}\n`)
          }
        },
      }),
    ),
  )
  added = reports.reduce((n, r) => n + r.added, 0)
}
await store.close()
console.log(
  JSON.stringify({
    added,
    ms: performance.now() - t,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    samples,
  }),
)
