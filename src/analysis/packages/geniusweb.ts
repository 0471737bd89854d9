// GeniusWeb JSON: a domain ({name, issuesValues: {issue: {values: […]} | {range: [low, high, step]}}})
// and profiles ({LinearAdditiveUtilitySpace: {issueUtilities, issueWeights, reservationBid?}}).
// Discrete utilities are used as written (GeniusWeb keeps them in [0, 1]); number issues interpolate
// linearly between (lowValue, lowUtility) and (highValue, highUtility). The reservation value is the
// utility of the reservation bid, 0 without one.
import type { Domain, DomainIssue } from './domain.ts'
import { GeniusError } from './genius.ts'

type Json = Record<string, unknown>

export function readGeniusWebDomain(file: string, json: Json): DomainIssue[] {
  const values = json.issuesValues as Record<string, Json> | undefined
  if (values === undefined) throw new GeniusError(`${file}: not a GeniusWeb domain (no "issuesValues")`)
  return Object.entries(values).map(([name, v]) => {
    if (Array.isArray(v.values))
      return {
        id: name,
        name,
        options: (v.values as unknown[]).map((x) => ({ label: String(x), value: String(x) })),
      }
    const range = v.range as [string | number, string | number, string | number] | undefined
    if (range === undefined)
      throw new GeniusError(`${file}: issue "${name}" has neither "values" nor "range"`)
    const [low, high, step] = range.map(Number) as [number, number, number]
    const options: { label: string; value: number }[] = []
    for (let x = low; x <= high + 1e-12; x += step)
      options.push({ label: String(Math.round(x * 1e9) / 1e9), value: Math.round(x * 1e9) / 1e9 })
    return { id: name, name, options }
  })
}

export function readGeniusWebProfile(
  file: string,
  json: Json,
  domain: DomainIssue[],
): { contributions: Float64Array[]; reservation: number } {
  const space = json.LinearAdditiveUtilitySpace as Json | undefined
  if (space === undefined)
    throw new GeniusError(`${file}: not a GeniusWeb profile (no "LinearAdditiveUtilitySpace")`)
  const utilities = (space.issueUtilities ?? {}) as Record<string, Json>
  const weights = (space.issueWeights ?? {}) as Record<string, number>
  const contributions = domain.map((issue) => {
    const u = utilities[issue.name]
    const w = Number(weights[issue.name])
    if (u === undefined || !Number.isFinite(w))
      throw new GeniusError(`${file}: no utility or weight for issue "${issue.name}"`)
    const discrete = (u.DiscreteValueSetUtilities as Json | undefined)?.valueUtilities as
      | Record<string, number>
      | undefined
    if (discrete !== undefined) {
      return Float64Array.from(issue.options, (o) => {
        const v = discrete[String(o.value)]
        if (v === undefined)
          throw new GeniusError(`${file}: issue "${issue.name}": no utility for "${o.value}"`)
        return w * v
      })
    }
    const number = u.NumberValueSetUtilities as
      | { lowValue: number; lowUtility: number; highValue: number; highUtility: number }
      | undefined
    if (number === undefined)
      throw new GeniusError(`${file}: issue "${issue.name}": unknown value set utilities`)
    const { lowValue, lowUtility, highValue, highUtility } = number
    return Float64Array.from(issue.options, (o) => {
      const x = Number(o.value)
      const f = highValue === lowValue ? 1 : (x - lowValue) / (highValue - lowValue)
      return w * Math.min(1, Math.max(0, lowUtility + f * (highUtility - lowUtility)))
    })
  })
  const bid = (space.reservationBid as Json | undefined)?.issuevalues as Record<string, unknown> | undefined
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
  domainFile: { name: string; json: Json },
  profiles: { name: string; json: Json }[],
): Domain {
  const issues = readGeniusWebDomain(domainFile.name, domainFile.json)
  const read = profiles.map((p) => readGeniusWebProfile(p.name, p.json, issues))
  return {
    issues,
    parties: profiles.map((p) => ({ id: p.name, name: p.name })),
    contributions: read.map((r) => r.contributions),
    reservation: read.map((r) => r.reservation),
  }
}
