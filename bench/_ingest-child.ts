// Runs one ingest in its own process and prints {added, ms, maxRssMiB}: memory is measured for the
// ingest alone, as a user's `parley ingest` run would use it (the store exists already).
import { lexiconExtractor, loadLexicon } from '../src/extract/index.ts'
import { defaultLexicon } from '../src/paths.ts'
import { ingestPaths } from '../src/pipeline/index.ts'
import { openStore } from '../src/store/index.ts'

const [corpus, db] = process.argv.slice(2)
const t = performance.now()
const store = await openStore(db ?? '')
const report = await ingestPaths([corpus ?? ''], {
  store,
  extractor: lexiconExtractor(await loadLexicon(defaultLexicon)),
})
const ms = performance.now() - t
await store.close()
console.log(JSON.stringify({ added: report.added, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }))
