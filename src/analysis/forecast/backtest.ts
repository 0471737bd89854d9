// Backtests on issues with known outcomes (the DEU data): each forecast's error |forecast − outcome|,
// summarised as the mean (MAE) and the median absolute error over the scored issues; and an ensemble
// whose convex weights are fitted on training folds only and scored on the held-out fold.
import type { ForecastIssue } from './problem.ts'

export interface Score {
  mae: number
  median_ae: number
  n: number
}

export function score(
  issues: readonly ForecastIssue[],
  predict: (issue: ForecastIssue) => number | null | undefined,
): Score {
  const errors: number[] = []
  for (const issue of issues) {
    const p = predict(issue)
    if (issue.outcome === undefined || p === null || p === undefined || !Number.isFinite(p)) continue
    errors.push(Math.abs(p - issue.outcome))
  }
  const sorted = [...errors].sort((a, b) => a - b)
  const mid = sorted.length / 2
  const median =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2 === 1
        ? (sorted[Math.floor(mid)] as number)
        : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
  return { mae: errors.reduce((s, e) => s + e, 0) / errors.length, median_ae: median, n: errors.length }
}

/** The plain median of the positions: the average of the two middle ones for an even count (DEU "median actor"). */
export function plainMedian(xs: readonly number[]): number | undefined {
  if (xs.length === 0) return undefined
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length / 2
  return s.length % 2 === 1 ? s[Math.floor(mid)] : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

export interface CrossValidated extends Score {
  folds: number
  /** The weights fitted on all the data, for information (the score uses only out-of-fold weights). */
  weights: Record<string, number>
}

/**
 * A convex combination of several forecasts, its weights chosen on a grid (step 1/steps) to minimise
 * the MAE on the training folds, and scored on the held-out fold. Folds are whole groups (DEU proposals),
 * assigned round-robin in sorted order, so issues of one proposal never sit on both sides.
 */
export function crossValidatedEnsemble(
  issues: readonly ForecastIssue[],
  components: Record<string, (issue: ForecastIssue) => number | null | undefined>,
  { folds = 10, steps = 10 } = {},
): CrossValidated {
  const names = Object.keys(components)
  const rows = issues.flatMap((issue) => {
    const xs = names.map((n) => components[n]?.(issue))
    return issue.outcome === undefined || xs.some((x) => x === null || x === undefined || !Number.isFinite(x))
      ? []
      : [{ issue, xs: xs as number[], y: issue.outcome }]
  })
  const groups = [...new Set(rows.map((r) => r.issue.group ?? r.issue.id))].sort()
  const foldOf = new Map(groups.map((g, k) => [g, k % folds]))
  const grid = simplex(names.length, steps)
  const fitWeights = (train: typeof rows) => {
    let best = grid[0] as number[]
    let bestMae = Number.POSITIVE_INFINITY
    for (const w of grid) {
      let sum = 0
      for (const r of train) sum += Math.abs(r.xs.reduce((s, x, k) => s + x * (w[k] as number), 0) - r.y)
      if (sum < bestMae) {
        bestMae = sum
        best = w
      }
    }
    return best
  }
  const predictions = new Map<ForecastIssue, number>()
  for (let f = 0; f < folds; f++) {
    const train = rows.filter((r) => foldOf.get(r.issue.group ?? r.issue.id) !== f)
    const w = fitWeights(train)
    for (const r of rows.filter((x) => foldOf.get(x.issue.group ?? x.issue.id) === f)) {
      predictions.set(
        r.issue,
        r.xs.reduce((s, x, k) => s + x * (w[k] as number), 0),
      )
    }
  }
  const all = fitWeights(rows)
  return {
    ...score(
      rows.map((r) => r.issue),
      (issue) => predictions.get(issue),
    ),
    folds,
    weights: Object.fromEntries(names.map((n, k) => [n, all[k] as number])),
  }
}

/** Every vector of `k` non-negative multiples of 1/steps that sum to 1. */
function simplex(k: number, steps: number): number[][] {
  const out: number[][] = []
  const walk = (left: number, prefix: number[]) => {
    if (prefix.length === k - 1) {
      out.push([...prefix, left / steps])
      return
    }
    for (let i = 0; i <= left; i++) walk(left - i, [...prefix, i / steps])
  }
  walk(steps, [])
  return out
}
