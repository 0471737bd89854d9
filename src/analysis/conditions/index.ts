export {
  analyzeConditions,
  type ConditionsOptions,
  type ConditionsReport,
  type DeadlockReport,
} from './analyze.ts'
export { elementaryCycles } from './cycles.ts'
export { type Deadlock, findDeadlocks } from './deadlocks.ts'
export { conditionText, deadlockText, stateText } from './explain.ts'
export { buildNetwork, conditionEdges, type Edge, isConsistent, type Network, ORIGIN } from './network.ts'
export { type PackageSequence, packageSequence } from './packages.ts'
export {
  type ConditionEdit,
  type CostBasis,
  findRelaxations,
  minimalHittingSets,
  type Relaxation,
  removalCost,
} from './relaxations.ts'
export { roadmap, type Step } from './roadmap.ts'
