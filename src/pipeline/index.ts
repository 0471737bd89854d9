export { type StoredChanges, storedChanges } from './changes.ts'
export {
  countInputs,
  defaultWorker,
  drainQueue,
  enqueuePaths,
  type IngestOptions,
  type IngestReport,
  ingestPaths,
  type WorkerOptions,
} from './ingest.ts'
export { storedContradictions, storedDocuments } from './stored.ts'
