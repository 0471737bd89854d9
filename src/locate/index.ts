// Reading a YAML or JSON file against a zod schema, with every problem located as
// `file:line:col field: problem` (a scenario, a lexicon): readLocated is pure, the caller reads the file.
// And reading a file at all, bounded: only regular files, never past a limit (bounded.ts).

export { closest, editDistance } from './_distance.ts'
export {
  BoundedReadError,
  type BoundedReadOptions,
  DEFAULT_FILE_LIMIT_MB,
  FILE_LIMIT_VARIABLE,
  fileLimit,
  kindOf,
  readBounded,
  readBoundedSync,
  readErrorReason,
  readTextFile,
  readTextFileSync,
} from './bounded.ts'
export { type Problem, type ReadOptions, readLocated } from './read.ts'
