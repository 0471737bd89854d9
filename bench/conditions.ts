// The conditions analysis at scale: 1,000 conditions over 200 issues, mostly a forward order with
// waits, plus a few backward "only after" conditions that close cycles (deadlocks to find).
import {
  analyzeConditions,
  buildNetwork,
  findDeadlocks,
  isConsistent,
} from '../src/analysis/conditions/index.ts'
import type { Condition, Scenario } from '../src/scenario/index.ts'
import { rng } from '../test/pipeline/_corpus.ts'
import type { BenchResult } from './_report.ts'

export function syntheticConditions(
  issueCount: number,
  conditionCount: number,
  backward: number,
  seed = 3,
): Scenario {
  const random = rng(seed)
  const pick = (n: number) => Math.floor(random() * n)
  const issues = Array.from({ length: issueCount }, (_, i) => ({
    id: `i${i}`,
    name: `Issue ${i}`,
    description: 'synthetic',
    options: [
      { label: 'low', position: 0 },
      { label: 'high', position: 100 },
    ],
  }))
  const conditions: Condition[] = []
  for (let k = 0; k < conditionCount; k++) {
    let a = pick(issueCount)
    let b = pick(issueCount)
    while (a === b) b = pick(issueCount)
    // Forward: a later issue waits for an earlier one. Backward (the first few): an earlier one waits for a later one.
    if ((k >= backward && a < b) || (k < backward && a > b)) [a, b] = [b, a]
    conditions.push({
      id: `c${k}`,
      party: k % 2 === 0 ? 'P' : 'Q',
      issue: `i${a}`,
      requires: { issue: `i${b}` },
      relation: 'after',
      ...(k >= backward && random() < 0.5 ? { min_days: 1 + pick(60) } : {}),
      assumption: 'synthetic',
    } as Condition)
  }
  return {
    meta: { id: 'bench', title: 'bench', as_of: '2025-01-01' },
    sources: [],
    history: [],
    parties: ['P', 'Q'].map((id) => ({
      id,
      name: id,
      aliases: [],
      capability: { value: 50, assumption: 'x' },
    })),
    issues,
    stances: [],
    conditions,
    events: [],
    items: [],
  }
}

export function benchConditions(): BenchResult[] {
  const s = syntheticConditions(200, 1000, 3)
  let t = performance.now()
  const consistent = isConsistent(buildNetwork(s))
  const checkMs = performance.now() - t
  t = performance.now()
  const { deadlocks, complete } = findDeadlocks(s)
  const deadlockMs = performance.now() - t
  t = performance.now()
  const report = analyzeConditions(s)
  const fullMs = performance.now() - t
  return [
    {
      name: `consistency check (200 issues, 1,000 conditions; consistent: ${consistent})`,
      value: checkMs,
      unit: 'ms',
    },
    {
      name: `all deadlocks (${deadlocks.length} found${complete ? ', search complete' : ', search capped'})`,
      value: deadlockMs,
      unit: 'ms',
    },
    {
      name: `full analysis: deadlocks, ${report.relaxations.length} relaxations, roadmap`,
      value: fullMs,
      unit: 'ms',
    },
  ]
}
