export { isChrome, removeChrome } from './boilerplate.ts'
export { type ArticleDate, type DateSource, namesDay, parseDateString, resolveDate } from './dates.ts'
export { DEFAULT_MAX_BYTES, decodeArticle, firstInvalidUtf8 } from './decode.ts'
export { readFeed } from './feed.ts'
export { backoff, type Fetched, type FetchOptions, fetchPolitely, HostGate } from './fetch.ts'
export { blocksToText, readHtml } from './html.ts'
export { BANDS, bands, HASHES, signature, similarity } from './minhash.ts'
export {
  type Article,
  contentHash,
  countInputs,
  type Failure,
  type Input,
  looksEnglish,
  type ManifestEntry,
  type ReadOptions,
  type ReadResult,
  readArticles,
  readInput,
  walkInputs,
} from './read.ts'
export { cleanPlainText, detectTitle, splitHeader } from './text.ts'
