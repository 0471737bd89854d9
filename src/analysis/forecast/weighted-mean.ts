/**
 * Σ wᵢxᵢ / Σ wᵢ, or undefined when the weights sum to 0 (nobody counts). Weights must be ≥ 0.
 * With capability × salience as weights this is the "compromise model" (van den Bos 1991; Achen 2006).
 */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>): number | undefined {
  let sum = 0
  let total = 0
  for (let i = 0; i < values.length; i++) {
    const w = weights[i] ?? 0
    sum += w * (values[i] ?? 0)
    total += w
  }
  return total > 0 ? sum / total : undefined
}
