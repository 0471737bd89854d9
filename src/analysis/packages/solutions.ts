// Solution points on a frontier (validation/README.md, Pareto):
// - Nash (1950): the point maximising Π (u_i − d_i), with the disagreement point d stated;
// - Kalai–Smorodinsky (1975): the point maximising min_i (u_i − d_i)/(best_i − d_i), best_i being party
//   i's best utility in the whole domain;
// - GENIUS's "Kalai": the point minimising Σ_{i<j} |u_i − u_j|, which equals the proper KS point only
//   when every best_i is 1 and d = 0, so it is reported apart;
// - maximum welfare Σ u_i; opposition: the smallest distance from any outcome to (1, …, 1).
import type { FrontierPoint } from './frontier.ts'

export function nashPoint(points: readonly FrontierPoint[], d: readonly number[]): FrontierPoint | undefined {
  return argmax(points, (u) =>
    u.every((x, i) => x > (d[i] ?? 0))
      ? u.reduce((prod, x, i) => prod * (x - (d[i] ?? 0)), 1)
      : Number.NEGATIVE_INFINITY,
  )
}

export function kalaiSmorodinsky(
  points: readonly FrontierPoint[],
  d: readonly number[],
  best: readonly number[],
): FrontierPoint | undefined {
  return argmax(points, (u) =>
    u.reduce(
      (m, x, i) => Math.min(m, (x - (d[i] ?? 0)) / ((best[i] ?? 1) - (d[i] ?? 0))),
      Number.POSITIVE_INFINITY,
    ),
  )
}

export function geniusKalai(points: readonly FrontierPoint[]): FrontierPoint | undefined {
  return argmax(points, (u) => {
    let s = 0
    for (let i = 0; i < u.length; i++)
      for (let j = i + 1; j < u.length; j++) s += Math.abs((u[i] as number) - (u[j] as number))
    return -s
  })
}

export function maxWelfare(points: readonly FrontierPoint[]): FrontierPoint | undefined {
  return argmax(points, (u) => u.reduce((a, b) => a + b, 0))
}

/** The Euclidean distance from a utility vector to (1, …, 1). */
export function distanceToIdeal(u: readonly number[]): number {
  return Math.sqrt(u.reduce((s, x) => s + (1 - x) ** 2, 0))
}

function argmax(points: readonly FrontierPoint[], score: (u: number[]) => number): FrontierPoint | undefined {
  let best: FrontierPoint | undefined
  let bestScore = Number.NEGATIVE_INFINITY
  for (const p of points) {
    const s = score(p.utilities)
    if (s > bestScore) {
      best = p
      bestScore = s
    }
  }
  return bestScore === Number.NEGATIVE_INFINITY ? undefined : best
}
