// Reading a YAML or JSON file against a zod schema, with every problem located as
// `file:line:col field: problem` (a scenario, a lexicon). Pure: the caller reads the file.
export { closest, editDistance } from './_distance.ts'
export { type Problem, type ReadOptions, readLocated } from './read.ts'
