import { findContradictions } from '../../extract/index.ts'
import { openStore, storeLocation } from '../../store/index.ts'
import type { Io } from '../_io.ts'

export async function run(opts: { db?: string; json?: boolean }, io: Io): Promise<void> {
  const store = await openStore(storeLocation(opts.db))
  try {
    const contradictions = findContradictions(await storedDocuments(store))
    if (opts.json) io.out(JSON.stringify({ contradictions }, null, 2))
    else if (contradictions.length === 0) io.out('no contradictions found')
    else
      for (const c of contradictions)
        io.out(`${c.kind}: ${c.explanation}\n  a: “${c.a.quote}”\n  b: “${c.b.quote}”`)
  } finally {
    await store.close()
  }
}

/** Every stored document with its text and claims, as findContradictions reads them. */
export async function storedDocuments(store: Awaited<ReturnType<typeof openStore>>) {
  const docs = []
  for (const d of await store.listDocuments()) {
    const full = await store.getDocument(d.id)
    const { claims } = await store.listClaims({ documentId: d.id, limit: 100_000 })
    docs.push({ document: d.title ?? d.path, text: full?.text ?? '', claims })
  }
  return docs
}
