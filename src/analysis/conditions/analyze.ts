// The entry point of the conditions analysis: consistency, deadlocks with their evidence, ranked
// relaxations, and the roadmap of the network as it stands or, when it is inconsistent, after the
// cheapest relaxation.
import type { Evidence, Scenario } from '../../scenario/index.ts'
import { findDeadlocks } from './deadlocks.ts'
import { deadlockText } from './explain.ts'
import { buildNetwork, isConsistent } from './network.ts'
import { adjustments, type CostBasis, findRelaxations, type Relaxation } from './relaxations.ts'
import { roadmap, type Step } from './roadmap.ts'

export interface DeadlockReport {
  conditions: string[]
  parties: string[]
  explanation: string
  /** The cycle of events, each waiting for the next. */
  cycle: string[]
  evidence: { condition: string; party: string; evidence: Evidence[]; assumption?: string }[]
}

export interface ConditionsReport {
  consistent: boolean
  /** False when the search for deadlocks hit its cap; the deadlocks listed are then a subset. */
  complete: boolean
  deadlocks: DeadlockReport[]
  relaxations: Relaxation[]
  /** The roadmap of the network as it stands, or after `roadmap_relaxation` when it is inconsistent. */
  roadmap: Step[]
  roadmap_relaxation: Relaxation | null
}

export interface ConditionsOptions {
  cost?: CostBasis
  /** How many relaxations to list, best first. */
  relaxations?: number
  cycleLimit?: number
}

export function analyzeConditions(s: Scenario, options: ConditionsOptions = {}): ConditionsReport {
  const net = buildNetwork(s)
  const consistent = isConsistent(net)
  const byId = new Map(s.conditions.map((c) => [c.id, c]))
  if (consistent) {
    return {
      consistent,
      complete: true,
      deadlocks: [],
      relaxations: [],
      roadmap: roadmap(s, net),
      roadmap_relaxation: null,
    }
  }
  const { deadlocks, complete } = findDeadlocks(s, net, options.cycleLimit)
  const reports: DeadlockReport[] = deadlocks.map((d) => {
    const conditions = d.conditions.map((id) => byId.get(id)).filter((c) => c !== undefined)
    return {
      conditions: d.conditions,
      parties: [...new Set(conditions.map((c) => c.party))],
      explanation: deadlockText(s, conditions),
      cycle: d.cycle,
      evidence: conditions.map((c) => ({
        condition: c.id,
        party: c.party,
        evidence: c.evidence ?? [],
        ...(c.assumption ? { assumption: c.assumption } : {}),
      })),
    }
  })
  const relaxations = findRelaxations(s, deadlocks, options.cost ?? 'salience', options.relaxations ?? 5)
  const best = relaxations[0]
  return {
    consistent,
    complete,
    deadlocks: reports,
    relaxations,
    roadmap: best ? roadmap(s, buildNetwork(s, adjustments(best.change))) : [],
    roadmap_relaxation: best ?? null,
  }
}
