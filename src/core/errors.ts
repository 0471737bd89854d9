/**
 * What kind of user error an InputError is, as a short stable string for programs (the CLI's exit 1 and
 * the server's 4xx carry it); the message is for people.
 * - `invalid`: the input breaks a rule of its format (the default);
 * - `malformed`: it cannot be parsed at all (bad XML, JSON, CSV structure);
 * - `not-finite`: a number is NaN or infinite, or too large to be one;
 * - `out-of-range`: a number is finite but outside the range its field allows;
 * - `too-large`: the input, or what it would make Parley compute, is over a named cap;
 * - `unsupported`: a construct Parley refuses on purpose (a DOCTYPE or ENTITY declaration in XML);
 * - `missing`: a required section or record is absent, so there is nothing to analyse.
 */
export const INPUT_ERROR_CODES = [
  'invalid',
  'malformed',
  'not-finite',
  'out-of-range',
  'too-large',
  'unsupported',
  'missing',
] as const
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number]

export interface InputErrorOptions {
  code?: InputErrorCode
  cause?: unknown
}

/** Bad input from the user: the CLI prints the message and exits with code 1, without a stack trace. */
export class InputError extends Error {
  override name = 'InputError'
  readonly code: InputErrorCode
  constructor(message: string, options: InputErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = options.code ?? 'invalid'
  }
}

/** One problem in one file, located for a person to act on. `line` 0 means the file as a whole. */
export interface LocatedProblem {
  file: string
  line: number
  column: number
  /** The field path, e.g. `stances[3].position.value`, or '' for the file as a whole. */
  path: string
  message: string
  /** What kind of problem it is; the error's code is its first problem's, `invalid` when none has one. */
  code?: InputErrorCode
}

export function formatProblem(p: LocatedProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file
  return p.path === '' ? `${where}: ${p.message}` : `${where} ${p.path}: ${p.message}`
}

/** Every problem found in a file, reported at once. */
export class LocatedInputError extends InputError {
  override name = 'LocatedInputError'
  constructor(
    readonly problems: LocatedProblem[],
    options: InputErrorOptions = {},
  ) {
    super(problems.map(formatProblem).join('\n'), {
      ...options,
      code: options.code ?? problems.find((p) => p.code !== undefined)?.code ?? 'invalid',
    })
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

/** A count as people read it: 5,000,001; past 2^53 − 1, where a double stops counting exactly, 1.00e+25. */
export function formatCount(n: number): string {
  return Number.isSafeInteger(n) ? n.toLocaleString('en-US') : n.toExponential(2)
}

/**
 * What is wrong with a number written as `text` for a field that takes numbers from `min` to `max`, or
 * undefined when it is fine. Not a number: "expected a number, got "x"" (`malformed`); infinite or out of
 * the range: "expected a number from 0 to 1, got "1e308"" (`not-finite` or `out-of-range`).
 */
export function numberProblem(
  text: string,
  min = Number.NEGATIVE_INFINITY,
  max = Number.POSITIVE_INFINITY,
): { message: string; code: InputErrorCode } | undefined {
  const value = text.trim() === '' ? Number.NaN : Number(text)
  if (Number.isNaN(value)) return { message: `expected a number, got "${text}"`, code: 'malformed' }
  if (Number.isFinite(value) && value >= min && value <= max) return undefined
  const range = Number.isFinite(max)
    ? ` from ${formatNumber(min)} to ${formatNumber(max)}`
    : Number.isFinite(min)
      ? ` of at least ${formatNumber(min)}`
      : ''
  return {
    message: `expected a${range === '' ? ' finite' : ''} number${range}, got "${text}"`,
    code: Number.isFinite(value) ? 'out-of-range' : 'not-finite',
  }
}

const formatNumber = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en-US') : String(x))
