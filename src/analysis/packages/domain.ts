// A negotiation domain with additive utilities: issues with discrete options, and for each party
// the weighted value of every option, so that a party's utility for a package (one option per
// issue) is the sum, in issue order, of its contributions. Scenarios, GENIUS XML and GeniusWeb JSON
// all become a Domain.
import { formatCount, InputError } from '../../core/index.ts'

/** The most values one issue may have (a GENIUS integer issue, a GeniusWeb number range). */
export const MAX_ISSUE_VALUES = 100_000

/** The most packages a domain may have: 2^53 − 1, the largest count a double holds exactly. */
export const MAX_OUTCOMES = Number.MAX_SAFE_INTEGER

export interface DomainIssue {
  id: string
  name: string
  /** Option labels, in scale order; `value` is what the source calls the option (a label or an integer). */
  options: { label: string; value: string | number }[]
}

export interface Domain {
  issues: DomainIssue[]
  parties: { id: string; name: string }[]
  /** contributions[p][i][o]: party p's weight on issue i times its value for option o. */
  contributions: Float64Array[][]
  /** Each party's reservation value (its utility of no agreement); 0 when the source gives none. */
  reservation: number[]
  /** allowed[i][o]: whether option o of issue i lies inside every party's red line. Absent: all allowed. */
  allowed?: boolean[][]
}

/** Party p's utility for the package `options` (an option index per issue), summed in issue order. */
export function utility(d: Domain, p: number, options: ArrayLike<number>): number {
  let u = 0
  const c = d.contributions[p] as Float64Array[]
  for (let i = 0; i < d.issues.length; i++) u += (c[i] as Float64Array)[options[i] as number] as number
  return u
}

export function outcomeCount(d: Domain): number {
  return d.issues.reduce((n, i) => n * i.options.length, 1)
}

/** Throws an InputError naming `file` when the issues span more than MAX_OUTCOMES packages. */
export function checkOutcomeSpace(file: string, issues: readonly DomainIssue[]): void {
  const n = issues.reduce((count, i) => count * i.options.length, 1)
  if (n <= MAX_OUTCOMES) return
  throw new InputError(
    `${file}: ${formatCount(n)} packages (${issues.map((i) => i.options.length).join(' × ')} options); a domain may have at most ${formatCount(MAX_OUTCOMES)} (2^53 − 1), so that every count stays exact`,
    { code: 'too-large' },
  )
}

/** The package as issue name → option value, as GENIUS names outcomes. */
export function decode(d: Domain, options: ArrayLike<number>): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  d.issues.forEach((issue, i) => {
    out[issue.name] = issue.options[options[i] as number]?.value ?? ''
  })
  return out
}

/** Each party's best utility over the whole domain (the sum of its best contribution per issue). */
export function bestUtilities(d: Domain): number[] {
  return d.contributions.map((c) =>
    c.reduce((sum, issue) => sum + issue.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY), 0),
  )
}

export function worstUtilities(d: Domain): number[] {
  return d.contributions.map((c) =>
    c.reduce((sum, issue) => sum + issue.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY), 0),
  )
}

/** The domain restricted to some parties, in the order given. */
export function selectParties(d: Domain, ids: readonly string[]): Domain {
  const idx = ids.map((id) => {
    const i = d.parties.findIndex((p) => p.id === id)
    if (i < 0)
      throw new RangeError(`unknown party "${id}"; expected one of: ${d.parties.map((p) => p.id).join(', ')}`)
    return i
  })
  return {
    ...d,
    parties: idx.map((i) => d.parties[i] as Domain['parties'][number]),
    contributions: idx.map((i) => d.contributions[i] as Float64Array[]),
    reservation: idx.map((i) => d.reservation[i] ?? 0),
  }
}
