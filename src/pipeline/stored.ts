// Reads back what the store holds in the shapes the analyses of stored articles take.
import { type Contradiction, findContradictions } from '../extract/index.ts'
import type { DocumentStore } from '../store/index.ts'

/**
 * Contradictions are looked for among the newest articles only: the comparison is between every
 * acceptance and every rejection, which a year of news would make quadratic in the hundreds of thousands.
 */
export const CONTRADICTION_WINDOW = 1000

/** The newest stored documents with their texts and claims, as findContradictions reads them. */
export async function storedDocuments(store: DocumentStore, recent = CONTRADICTION_WINDOW) {
  return (await store.recentDocuments(recent)).map((d) => ({
    id: d.id,
    document: d.title ?? d.path,
    text: d.text,
    claims: d.claims,
  }))
}

/** The contradictions between the claims of the newest stored articles. */
export async function storedContradictions(
  store: DocumentStore,
  recent = CONTRADICTION_WINDOW,
): Promise<Contradiction[]> {
  return findContradictions(await storedDocuments(store, recent))
}
