// Parsers for option values: each names the option, the value received and what is allowed. The date
// readers of ingest stay out of this file (--reference-date is read in ../_extraction.ts), so that a
// command that reads no article does not load them.
import { InputError, isCalendarDay, wholeNumber } from '../../core/index.ts'

export function parseMegabytes(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0)
    throw new InputError(`${option}: expected a positive number of megabytes, got "${value}"`)
  return Math.round(n * 1024 * 1024)
}

export function parseCount(
  option: string,
  value: string | undefined,
  { min = 0, max = Number.MAX_SAFE_INTEGER } = {},
): number | undefined {
  if (value === undefined) return undefined
  const n = wholeNumber(value, min, max)
  if (n === undefined)
    throw new InputError(`${option}: expected a whole number from ${min} to ${max}, got "${value}"`)
  return n
}

/** A day, YYYY-MM-DD, as an option's value. */
export function parseDay(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (!isCalendarDay(value)) throw new InputError(`${option} ${value}: expected a date YYYY-MM-DD`)
  return value
}

/** A duration such as 500ms, 30s, 15m or 1h, in milliseconds. */
export function parseDuration(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/.exec(value.trim())
  if (m === null)
    throw new InputError(`${option}: expected a duration such as 30s, 15m or 1h, got "${value}"`)
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h']
  return Math.round(Number(m[1]) * unit)
}
