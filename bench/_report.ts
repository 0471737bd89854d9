export interface BenchResult {
  name: string
  value: number
  unit: string
  /** A target to compare with: the ratio is printed beside the figure. */
  target?: { value: number; better: 'higher' | 'lower' }
}

export function printResults(title: string, results: BenchResult[]): void {
  console.log(`\n${title}`)
  const rows = results.map((r) => {
    const figure = `${r.value >= 100 ? r.value.toFixed(0) : r.value.toFixed(2)} ${r.unit}`
    let versus = ''
    if (r.target) {
      const ratio = r.target.better === 'higher' ? r.value / r.target.value : r.target.value / r.value
      versus = `target ${r.target.better === 'higher' ? '≥' : '≤'} ${r.target.value} ${r.unit}: ${ratio.toFixed(2)}× ${ratio >= 1 ? 'met' : 'MISSED'}`
    }
    return [r.name, figure, versus]
  })
  const w0 = Math.max(...rows.map((r) => r[0]?.length ?? 0))
  const w1 = Math.max(...rows.map((r) => r[1]?.length ?? 0))
  for (const [a, b, c] of rows) console.log(`  ${a?.padEnd(w0)}  ${b?.padStart(w1)}  ${c}`)
}
