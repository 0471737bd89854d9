// GeniusWeb JSON: a domain ({name, issuesValues: {issue: {values: […]} | {range: [low, high, step]}}})
// and profiles ({LinearAdditiveUtilitySpace: {issueUtilities, issueWeights, reservationBid?}}).
// Discrete utilities are used as written (GeniusWeb keeps them in [0, 1]); number issues interpolate
// linearly between (lowValue, lowUtility) and (highValue, highUtility). The reservation value is the
// utility of the reservation bid, 0 without one.
// The schemas below check what is read (issue 21): utilities and weights from 0 to 1, numbers finite and
// within ±MAX_VALUE, a range's step positive and at most MAX_ISSUE_VALUES values in it. The CLI reads the
// files through them to locate every problem at its line; the readers check again for other callers.
import { z } from 'zod'
import { formatCount, formatPath, numberProblem } from '../../core/index.ts'
import { checkOutcomeSpace, type Domain, type DomainIssue, MAX_ISSUE_VALUES } from './domain.ts'
import { GeniusError } from './genius.ts'

/** The largest magnitude of a number value read: differences of two stay far from overflowing. */
const MAX_VALUE = 1e12

/** A number from `min` to `max`, written as a JSON number or as text ("1"). */
const numberIn = (what: string, min = -MAX_VALUE, max = MAX_VALUE) =>
  z.union([z.number(), z.string()], { error: `${what}: expected a number` }).transform((v, ctx) => {
    const problem = numberProblem(String(v), min, max)
    if (problem === undefined) return Number(v)
    ctx.addIssue({ code: 'custom', message: `${what}: ${problem.message}`, params: { code: problem.code } })
    return z.NEVER
  })

const Value = z.union([z.string(), z.number()], { error: 'expected text or a number' })
const Unit = z
  .number({ error: 'expected a number from 0 to 1' })
  .min(0, { error: 'expected a number from 0 to 1' })
  .max(1, { error: 'expected a number from 0 to 1' })

const IssueValues = z
  .looseObject({
    values: z.array(Value).min(1, { error: 'expected at least one value' }).optional(),
    range: z.tuple([numberIn('low'), numberIn('high'), numberIn('step')]).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.values === undefined && v.range === undefined)
      ctx.addIssue({ code: 'custom', message: 'expected "values" or "range"', params: { code: 'missing' } })
    if (v.range === undefined) return
    const [low, high, step] = v.range
    if (!(step > 0))
      ctx.addIssue({
        code: 'custom',
        path: ['range', 2],
        message: `the step must be positive, got ${step}`,
        params: { code: 'out-of-range' },
      })
    else if (high < low)
      ctx.addIssue({ code: 'custom', path: ['range'], message: `high ${high} is below low ${low}` })
    else if (Math.floor((high - low) / step + 1e-9) + 1 > MAX_ISSUE_VALUES)
      ctx.addIssue({
        code: 'custom',
        path: ['range'],
        message: `${formatCount(Math.floor((high - low) / step + 1e-9) + 1)} values from ${low} to ${high} by ${step}; an issue may have at most ${formatCount(MAX_ISSUE_VALUES)}`,
        params: { code: 'too-large' },
      })
  })

/** A GeniusWeb domain file. */
export const GeniusWebDomainJson = z.looseObject({
  name: z.string().optional(),
  issuesValues: z
    .record(z.string(), IssueValues)
    .refine((r) => Object.keys(r).length > 0, { error: 'expected at least one issue' }),
})

const IssueUtility = z
  .looseObject({
    DiscreteValueSetUtilities: z.looseObject({ valueUtilities: z.record(z.string(), Unit) }).optional(),
    NumberValueSetUtilities: z
      .looseObject({
        lowValue: numberIn('lowValue'),
        lowUtility: Unit,
        highValue: numberIn('highValue'),
        highUtility: Unit,
      })
      .optional(),
  })
  .refine((u) => u.DiscreteValueSetUtilities !== undefined || u.NumberValueSetUtilities !== undefined, {
    error: 'unknown value set utilities: expected DiscreteValueSetUtilities or NumberValueSetUtilities',
  })

/** A GeniusWeb profile file (a linear additive utility space). */
export const GeniusWebProfileJson = z.looseObject({
  LinearAdditiveUtilitySpace: z.looseObject({
    issueUtilities: z.record(z.string(), IssueUtility).default({}),
    issueWeights: z.record(z.string(), Unit).default({}),
    reservationBid: z.looseObject({ issuevalues: z.record(z.string(), Value).optional() }).optional(),
  }),
})
type ProfileJson = z.output<typeof GeniusWebProfileJson>

/** What a profile lacks for the domain's issues, at its path in the file. */
export function geniusWebProfileProblems(
  profile: ProfileJson,
  domain: readonly DomainIssue[],
): { path: (string | number)[]; message: string }[] {
  const space = profile.LinearAdditiveUtilitySpace
  const out: { path: (string | number)[]; message: string }[] = []
  for (const issue of domain) {
    const u = space.issueUtilities[issue.name]
    if (u === undefined || space.issueWeights[issue.name] === undefined) {
      out.push({
        path: ['LinearAdditiveUtilitySpace'],
        message: `no utility or weight for issue "${issue.name}"`,
      })
      continue
    }
    const discrete = u.DiscreteValueSetUtilities?.valueUtilities
    const path = ['LinearAdditiveUtilitySpace', 'issueUtilities', issue.name]
    for (const o of issue.options) {
      if (discrete !== undefined && discrete[String(o.value)] === undefined)
        out.push({ path, message: `issue "${issue.name}": no utility for "${o.value}"` })
      if (discrete === undefined && !Number.isFinite(Number(o.value)))
        out.push({
          path,
          message: `issue "${issue.name}": number utilities, but the value "${o.value}" is no number`,
        })
    }
  }
  return out
}

/** `json` read by `schema`, or a GeniusError naming `file` and every problem's path. */
function checked<S extends z.ZodType>(file: string, json: unknown, schema: S, what: string): z.output<S> {
  const parsed = schema.safeParse(json)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`.replace(/^: /, ''))
  throw new GeniusError(`${file}: not a GeniusWeb ${what}: ${problems.join('; ')}`)
}

export function readGeniusWebDomain(file: string, json: unknown): DomainIssue[] {
  const domain = checked(file, json, GeniusWebDomainJson, 'domain')
  const issues = Object.entries(domain.issuesValues).map(([name, v]): DomainIssue => {
    if (v.values !== undefined)
      return { id: name, name, options: v.values.map((x) => ({ label: String(x), value: String(x) })) }
    const [low, high, step] = v.range as [number, number, number]
    const options: { label: string; value: number }[] = []
    for (let x = low; x <= high + 1e-12 && options.length < MAX_ISSUE_VALUES; x += step)
      options.push({ label: String(Math.round(x * 1e9) / 1e9), value: Math.round(x * 1e9) / 1e9 })
    return { id: name, name, options }
  })
  checkOutcomeSpace(file, issues)
  return issues
}

export function readGeniusWebProfile(
  file: string,
  json: unknown,
  domain: DomainIssue[],
): { contributions: Float64Array[]; reservation: number } {
  const profile = checked(file, json, GeniusWebProfileJson, 'profile')
  const missing = geniusWebProfileProblems(profile, domain)
  if (missing.length > 0) throw new GeniusError(`${file}: ${missing.map((p) => p.message).join('; ')}`)
  const space = profile.LinearAdditiveUtilitySpace
  const contributions = domain.map((issue) => {
    const u = space.issueUtilities[issue.name] as z.output<typeof IssueUtility>
    const w = space.issueWeights[issue.name] as number
    const discrete = u.DiscreteValueSetUtilities?.valueUtilities
    if (discrete !== undefined)
      return Float64Array.from(issue.options, (o) => w * (discrete[String(o.value)] as number))
    const { lowValue, lowUtility, highValue, highUtility } = u.NumberValueSetUtilities as {
      lowValue: number
      lowUtility: number
      highValue: number
      highUtility: number
    }
    return Float64Array.from(issue.options, (o) => {
      const x = Number(o.value)
      const f = highValue === lowValue ? 1 : (x - lowValue) / (highValue - lowValue)
      return w * Math.min(1, Math.max(0, lowUtility + f * (highUtility - lowUtility)))
    })
  })
  const bid = space.reservationBid?.issuevalues
  let reservation = 0
  if (bid !== undefined) {
    reservation = domain.reduce((sum, issue, i) => {
      const o = issue.options.findIndex((opt) => String(opt.value) === String(bid[issue.name]))
      return sum + (o < 0 ? 0 : ((contributions[i] as Float64Array)[o] as number))
    }, 0)
  }
  return { contributions, reservation }
}

export function geniusWebDomain(
  domainFile: { name: string; json: unknown; file?: string },
  profiles: { name: string; json: unknown; file?: string }[],
): Domain {
  const issues = readGeniusWebDomain(domainFile.file ?? domainFile.name, domainFile.json)
  const read = profiles.map((p) => readGeniusWebProfile(p.file ?? p.name, p.json, issues))
  return {
    issues,
    parties: profiles.map((p) => ({ id: p.name, name: p.name })),
    contributions: read.map((r) => r.contributions),
    reservation: read.map((r) => r.reservation),
  }
}
