// The records more than one part of the store reads or writes: a document as ingest hands it over,
// what adding it did, and a claim as stored. Each part's own shapes live in its file.
import type { Claim, ExtractedEvent } from '../core/index.ts'
import type { ArticleDate } from '../ingest/index.ts'

export interface NewDocument {
  contentHash: string
  path: string
  url?: string | undefined
  title?: string | undefined
  format: 'text' | 'html' | 'feed'
  date?: ArticleDate | undefined
  text: string
  bytes: number
  /** MinHash signature and its LSH band keys (src/ingest/minhash.ts). */
  signature: Uint32Array
  bands: number[]
  extractor: string
  claims: Claim[]
  events: ExtractedEvent[]
}

export interface DocumentLink {
  a: number
  b: number
  kind: 'near_duplicate'
  similarity: number
}

export interface AddResult {
  id: number
  /** False when a document with the same content hash was already stored: nothing was written. */
  added: boolean
  links: DocumentLink[]
}

export interface StoredClaim extends Claim {
  id: number
  documentId: number
  path: string
  title: string | null
  date: string | null
  dateEstimated: boolean
}
