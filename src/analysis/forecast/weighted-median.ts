/**
 * The weighted median: sort by value, then take the first value at which the running weight
 * reaches at least half of the total weight. For equal weights and an even count this is the lower
 * of the two middle values; zero weights are ignored. Undefined when the weights sum to 0. "At least
 * half" allows a relative 1e-12 for float sums, so that weights 0.7, 0.1, 0.2 tie at half exactly as
 * 70, 10, 20 do.
 * This is the rule of the DEU forecasting literature for the "weighted median actor" (Thomson et
 * al. 2006, The European Union Decides), the median-voter position of a weighted vote.
 */
export function weightedMedian(values: ArrayLike<number>, weights: ArrayLike<number>): number | undefined {
  const order = Array.from({ length: values.length }, (_, i) => i)
    .filter((i) => (weights[i] ?? 0) > 0)
    .sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0))
  let total = 0
  for (const i of order) total += weights[i] ?? 0
  if (!(total > 0)) return undefined
  let running = 0
  for (const i of order) {
    running += weights[i] ?? 0
    if (running >= (total / 2) * (1 - 1e-12)) return values[i]
  }
  return values[order[order.length - 1] ?? 0]
}
