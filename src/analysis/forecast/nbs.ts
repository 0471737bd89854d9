// The Nash bargaining solution on one issue (Nash 1950), in its generalised form with bargaining
// powers (Harsanyi & Selten 1972): the point x of the scale that maximises
//
//   Σ_i w_i · log(u_i(x) − d_i),   u_i(x) = 1 − |x − x_i| / (max − min),   w_i = c_i · s_i,
//
// with the disagreement point d stated: d_i = 0 for every actor, the utility of an outcome a whole scale
// away from its position (no worse than any outcome on the issue, and equal to the far end's for an
// actor at one end). The objective is concave, so a ternary search finds
// the maximum; near an actor's own position the log is steep, which keeps the search inside the scale.
import type { Actor } from './actors.ts'

export const NBS_DISAGREEMENT =
  'd_i = 0 for every actor: the utility of an outcome a whole scale away from its position'

export function nashBargaining(actors: readonly Actor[], min: number, max: number): number | undefined {
  const weights = actors.map((a) => a.capability * a.salience)
  if (actors.length === 0 || !(weights.reduce((s, w) => s + w, 0) > 0)) return undefined
  const range = max - min
  if (!(range > 0)) return actors[0]?.position
  const objective = (x: number) => {
    let v = 0
    for (const [i, a] of actors.entries()) {
      const w = weights[i] as number
      if (w === 0) continue
      const u = 1 - Math.abs(x - a.position) / range
      v += u > 0 ? w * Math.log(u) : Number.NEGATIVE_INFINITY
    }
    return v
  }
  let lo = min
  let hi = max
  for (let k = 0; k < 200 && hi - lo > 1e-10 * range; k++) {
    const m1 = lo + (hi - lo) / 3
    const m2 = hi - (hi - lo) / 3
    if (objective(m1) < objective(m2)) lo = m1
    else hi = m2
  }
  return (lo + hi) / 2
}
