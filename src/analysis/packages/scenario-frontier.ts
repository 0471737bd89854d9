// The frontier of a scenario's packages, as the CLI and the dashboard show it: the scenario's domain
// with red lines as hard constraints or, when no package meets them all, without them (said so); and
// which of the scenario's conditions the Nash and Kalai–Smorodinsky packages meet.
import type { Scenario } from '../../scenario/index.ts'
import { packageSequence } from '../conditions/index.ts'
import { analyzeFrontier, type Disagreement, type FrontierReport, type SolutionPoint } from './analyze.ts'
import type { Domain } from './domain.ts'
import { type ScenarioDomainOptions, scenarioDomain } from './from-scenario.ts'

export interface PackageConditions {
  met: string[]
  unmet: string[]
  undecided: string[]
}

export interface ScenarioFrontier extends FrontierReport {
  /** Set when no package meets every red line, so the frontier is computed without them. */
  red_lines_ignored?: string
  conditions: { nash: PackageConditions | null; ks: PackageConditions | null }
  /** Each issue of the domain with its options' positions, to place the packages on the issues' scales. */
  issues: { id: string; options: { label: string; position: number }[] }[]
}

/** The scenario's domain with its red lines, or without them (and why) when no package meets them all. */
export function scenarioDomainWithRedLines(
  s: Scenario,
  options: Omit<ScenarioDomainOptions, 'redLines'> = {},
): { domain: Domain; redLinesIgnored?: string } {
  const domain = scenarioDomain(s, { ...options, redLines: true })
  if (domain.issues.length === 0)
    throw new RangeError('no issue on which two of the parties hold a stance; name the issues')
  const feasible = domain.issues.reduce(
    (n, _, i) => n * (domain.allowed?.[i]?.filter(Boolean).length ?? 1),
    1,
  )
  if (feasible > 0) return { domain }
  return {
    domain: scenarioDomain(s, { ...options, redLines: false }),
    redLinesIgnored:
      'no package meets every red line (see the ZOPA), so the frontier is computed without them',
  }
}

export function scenarioFrontier(
  s: Scenario,
  options: Omit<ScenarioDomainOptions, 'redLines'> & { disagreement?: Disagreement } = {},
): ScenarioFrontier {
  const { disagreement, ...domainOptions } = options
  const { domain, redLinesIgnored } = scenarioDomainWithRedLines(s, domainOptions)
  const report = analyzeFrontier(domain, { disagreement: disagreement ?? 'reservation' })
  const sequence = (p: SolutionPoint | null): PackageConditions | null => {
    if (p === null) return null
    const positions = Object.fromEntries(
      Object.entries(p.outcome).map(([issue, label]) => [
        issue,
        s.issues.find((i) => i.id === issue)?.options.find((o) => o.label === label)?.position ?? null,
      ]),
    )
    const seq = packageSequence(s, positions)
    return { met: seq.met, unmet: seq.unmet.map((u) => u.condition), undecided: seq.undecided }
  }
  return {
    ...report,
    ...(redLinesIgnored ? { red_lines_ignored: redLinesIgnored } : {}),
    conditions: { nash: sequence(report.nash), ks: sequence(report.ks) },
    issues: domain.issues.map((i) => ({
      id: i.id,
      options: s.issues.find((x) => x.id === i.id)?.options ?? [],
    })),
  }
}

/** The two parties that hold stances on the most issues in common (the first such pair in party order). */
export function frontierPair(s: Scenario): string[] {
  const issuesOf = new Map(
    s.parties.map((p) => [p.id, new Set(s.stances.filter((st) => st.party === p.id).map((st) => st.issue))]),
  )
  let best: string[] = []
  let bestShared = 0
  for (const [i, a] of s.parties.entries()) {
    for (const b of s.parties.slice(i + 1)) {
      const shared = [...(issuesOf.get(a.id) ?? [])].filter((x) => issuesOf.get(b.id)?.has(x)).length
      if (shared > bestShared) {
        best = [a.id, b.id]
        bestShared = shared
      }
    }
  }
  return best
}
