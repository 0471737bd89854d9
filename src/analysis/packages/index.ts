export { analyzeFrontier, type Disagreement, type FrontierReport, type SolutionPoint } from './analyze.ts'
export { coupleIssues, type Exclusion } from './couple.ts'
export {
  bestUtilities,
  checkOutcomeSpace,
  type Domain,
  type DomainIssue,
  decode,
  MAX_ISSUE_VALUES,
  MAX_OUTCOMES,
  outcomeCount,
  selectParties,
  utility,
  worstUtilities,
} from './domain.ts'
export {
  ENUMERATION_LIMIT,
  type Enumeration,
  enumeratedFrontier,
  enumerateOutcomes,
  enumerationSize,
} from './enumerate.ts'
export { type ScenarioDomainOptions, scenarioDomain } from './from-scenario.ts'
export { type Frontier, type FrontierPoint, paretoFrontier, round9, TIE } from './frontier.ts'
export { GeniusError, geniusDomain, readGeniusDomain, readGeniusProfile, rootOf } from './genius.ts'
export {
  GeniusWebDomainJson,
  GeniusWebProfileJson,
  geniusWebDomain,
  geniusWebProfileProblems,
  readGeniusWebDomain,
  readGeniusWebProfile,
} from './geniusweb.ts'
export {
  frontierPair,
  type PackageConditions,
  type ScenarioFrontier,
  scenarioDomainWithRedLines,
  scenarioFrontier,
} from './scenario-frontier.ts'
export { type SimulationResult, STRATEGIES, simulate } from './simulate.ts'
export { distanceToIdeal, geniusKalai, kalaiSmorodinsky, maxWelfare, nashPoint } from './solutions.ts'
export { type IssueZopa, type Zopa, zopa } from './zopa.ts'
