/** Bad input from the user: the CLI prints the message and exits with code 1, without a stack trace. */
export class InputError extends Error {
  override name = 'InputError'
}

/** One problem in one file, located for a person to act on. `line` 0 means the file as a whole. */
export interface LocatedProblem {
  file: string
  line: number
  column: number
  /** The field path, e.g. `stances[3].position.value`, or '' for the file as a whole. */
  path: string
  message: string
}

export function formatProblem(p: LocatedProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file
  return p.path === '' ? `${where}: ${p.message}` : `${where} ${p.path}: ${p.message}`
}

/** Every problem found in a file, reported at once. */
export class LocatedInputError extends InputError {
  override name = 'LocatedInputError'
  constructor(readonly problems: LocatedProblem[]) {
    super(problems.map(formatProblem).join('\n'))
  }
}

/** Formats a field path the way a reader writes it: `stances[3].position.value`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}
