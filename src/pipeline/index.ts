export { countInputs, type IngestOptions, type IngestReport, ingestPaths } from './ingest.ts'
export { storedContradictions, storedDocuments } from './stored.ts'
