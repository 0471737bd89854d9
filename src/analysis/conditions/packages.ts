// The link to packages: a package (one position per issue) meets a condition when it settles the
// required issue in the required state. The conditions it meets fix an order of settlement; a
// condition it does not meet blocks its holder's move on the issue held back.
import type { Scenario } from '../../scenario/index.ts'
import { buildNetwork, isConsistent } from './network.ts'
import { roadmap, type Step } from './roadmap.ts'

export interface PackageSequence {
  /** Conditions whose required state the package meets: their order applies. */
  met: string[]
  /** Conditions it does not meet: the holder's move on the held-back issue is blocked. */
  unmet: { condition: string; party: string; issue: string; requires: string; position: number | null }[]
  /** Conditions whose required issue the package does not settle (it is not among the package's issues). */
  undecided: string[]
  /** Whether the met conditions can all hold together. */
  consistent: boolean
  /** Their roadmap when they can. */
  roadmap: Step[]
}

export function packageSequence(
  s: Scenario,
  positions: Readonly<Record<string, number | null>>,
): PackageSequence {
  const met: string[] = []
  const unmet: PackageSequence['unmet'] = []
  const undecided: string[] = []
  for (const c of s.conditions) {
    const x = positions[c.requires.issue] ?? null
    if (x === null) {
      undecided.push(c.id)
      continue
    }
    const ok =
      x !== null &&
      (c.requires.min === undefined || x >= c.requires.min - 1e-9) &&
      (c.requires.max === undefined || x <= c.requires.max + 1e-9)
    if (ok) met.push(c.id)
    else
      unmet.push({ condition: c.id, party: c.party, issue: c.issue, requires: c.requires.issue, position: x })
  }
  const net = buildNetwork(s, { removed: new Set([...unmet.map((u) => u.condition), ...undecided]) })
  const consistent = isConsistent(net)
  return { met, unmet, undecided, consistent, roadmap: consistent ? roadmap(s, net) : [] }
}
