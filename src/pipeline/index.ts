export { countInputs, type IngestOptions, type IngestReport, ingestPaths } from './ingest.ts'
