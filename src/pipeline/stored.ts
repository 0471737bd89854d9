// Reads back what the store holds in the shapes the analyses of stored articles take.
import { type Contradiction, findContradictions } from '../extract/index.ts'
import type { Store } from '../store/index.ts'

/** Every stored document with its text and claims, as findContradictions reads them. */
export async function storedDocuments(store: Store) {
  const docs = []
  for (const d of await store.listDocuments()) {
    const full = await store.getDocument(d.id)
    const { claims } = await store.listClaims({ documentId: d.id, limit: 100_000 })
    docs.push({ document: d.title ?? d.path, text: full?.text ?? '', claims })
  }
  return docs
}

/** The contradictions between the stored articles' claims. */
export async function storedContradictions(store: Store): Promise<Contradiction[]> {
  return findContradictions(await storedDocuments(store))
}
