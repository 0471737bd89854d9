// Plain enumeration over typed arrays: every outcome's utilities, with a mixed-radix counter and
// prefix sums kept in issue order (so each utility is the same float sum as in divide and conquer).
// Used as the fallback of the frontier, for the opposition when a party can exceed 1, for the
// simulation, and beside divide and conquer in `npm run bench`.
import { formatCount, InputError } from '../../core/index.ts'
import type { Domain } from './domain.ts'
import { type Frontier, finalPoints } from './frontier.ts'

export interface Enumeration {
  /** utilities[p][k]: party p's utility for outcome k. */
  utilities: Float64Array[]
  /** The option index of issue i in outcome k is digits[k * issues + i]. */
  digits: Uint8Array | Uint16Array
  count: number
}

/** The most packages enumerated one by one (the frontier's fallback, the opposition, the simulation). */
export const ENUMERATION_LIMIT = 20_000_000

/** The option indices of each issue inside the red lines. */
const allowedOptions = (d: Domain) =>
  d.issues.map((issue, i) => issue.options.map((_, o) => o).filter((o) => d.allowed?.[i]?.[o] ?? true))

/** How many packages an enumeration of `d` visits: those inside the red lines. */
export function enumerationSize(d: Domain): number {
  return allowedOptions(d).reduce((n, o) => n * o.length, 1)
}

export function enumerateOutcomes(d: Domain, limit = ENUMERATION_LIMIT): Enumeration {
  const m = d.parties.length
  const k = d.issues.length
  const opts = allowedOptions(d)
  const count = opts.reduce((n, o) => n * o.length, 1)
  if (count > limit)
    throw new InputError(
      `${formatCount(count)} packages is more than the enumeration limit of ${formatCount(limit)}`,
      { code: 'too-large' },
    )
  const utilities = d.parties.map(() => new Float64Array(count))
  const wide = opts.some((o) => o.length > 255)
  const digits = wide ? new Uint16Array(count * k) : new Uint8Array(count * k)
  if (count === 0) return { utilities, digits, count }
  const idx = new Int32Array(k) // position in opts[i]
  const prefix = Array.from({ length: m }, () => new Float64Array(k + 1))
  const recompute = (from: number) => {
    for (let p = 0; p < m; p++) {
      const c = d.contributions[p] as Float64Array[]
      const pre = prefix[p] as Float64Array
      for (let i = from; i < k; i++)
        pre[i + 1] =
          (pre[i] as number) +
          ((c[i] as Float64Array)[(opts[i] as number[])[idx[i] as number] as number] as number)
    }
  }
  recompute(0)
  for (let n = 0; n < count; n++) {
    for (let p = 0; p < m; p++) (utilities[p] as Float64Array)[n] = (prefix[p] as Float64Array)[k] as number
    for (let i = 0; i < k; i++) digits[n * k + i] = (opts[i] as number[])[idx[i] as number] as number
    // Advance the counter, last issue fastest; recompute the prefix sums from the first digit that changed.
    let i = k - 1
    while (i >= 0) {
      idx[i] = (idx[i] as number) + 1
      if ((idx[i] as number) < (opts[i] as number[]).length) break
      idx[i] = 0
      i--
    }
    if (i >= 0) recompute(i)
  }
  return { utilities, digits, count }
}

/** The frontier by enumerating every outcome, then rounding and sweeping. */
export function enumeratedFrontier(d: Domain, e: Enumeration = enumerateOutcomes(d)): Frontier {
  const m = d.parties.length
  const k = d.issues.length
  const vec = new Float64Array(e.count * m)
  for (let n = 0; n < e.count; n++)
    for (let p = 0; p < m; p++) vec[n * m + p] = (e.utilities[p] as Float64Array)[n] as number
  const ones = new Float64Array(e.count).fill(1)
  const points = finalPoints(vec, ones, e.count, m, (n) => Array.from(e.digits.subarray(n * k, n * k + k)))
  return { outcomes: e.count, points, capped: false, method: 'enumeration' }
}
