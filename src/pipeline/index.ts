export {
  type ArticlesFrom,
  draftArticles,
  isStoreLocation,
  relativeTo,
  sourceHashes,
  storedArticles,
  withSourceIds,
} from './draft-input.ts'
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
export { type StoredMoves, storedMoves } from './moves.ts'
export { storedContradictions, storedDocuments } from './stored.ts'
export { type FeedPoll, type PollReport, pollOnce, type WatchOptions } from './watch.ts'
