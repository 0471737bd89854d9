// The zone of possible agreement. Red lines (acceptable ranges) are intervals on one issue each, so a
// package meets them all iff every issue has an option inside all ranges: the feasible packages are
// the product of the issues' feasible options, and every minimal set of red lines that rules agreement
// out lies within one issue. When an issue has no feasible option, the cheapest relaxation moves red
// lines to admit one option, at a named cost: Σ over the parties whose range excludes it of
// salience × distance (in points of the issue's 0–100 scale) from the range to the option.
import type { Scenario } from '../../scenario/index.ts'

export interface IssueZopa {
  issue: string
  /** Parties with a red line on the issue, and their ranges. */
  red_lines: { party: string; min: number; max: number }[]
  /** The intersection of the ranges, or null when they do not overlap. */
  intersection: { min: number; max: number } | null
  /** Options inside every range. */
  feasible: string[]
  /** Minimal sets of parties whose red lines leave no option (only when `feasible` is empty). */
  conflicts: string[][]
  /** The cheapest ways to admit one option (only when `feasible` is empty), best first. */
  relaxations: {
    option: string
    position: number
    cost: number
    moves: { party: string; from: { min: number; max: number }; to: { min: number; max: number } }[]
  }[]
}

export interface Zopa {
  /** Packages that meet every red line (the product of the feasible options per issue). */
  feasible_packages: number
  packages: number
  issues: IssueZopa[]
  cost_basis: 'salience × distance'
}

export function zopa(s: Scenario): Zopa {
  const issues = s.issues.map((issue): IssueZopa => {
    const red = s.stances
      .filter((st) => st.issue === issue.id && st.acceptable !== undefined)
      .map((st) => ({ party: st.party, min: st.acceptable?.min ?? 0, max: st.acceptable?.max ?? 100 }))
    const inside = (pos: number, parties: typeof red) => parties.every((r) => pos >= r.min && pos <= r.max)
    const lo = red.reduce((a, r) => Math.max(a, r.min), 0)
    const hi = red.reduce((a, r) => Math.min(a, r.max), 100)
    const feasible = issue.options.filter((o) => inside(o.position, red)).map((o) => o.label)
    let conflicts: string[][] = []
    let relaxations: IssueZopa['relaxations'] = []
    if (feasible.length === 0) {
      // Minimal infeasible subsets of this issue's red lines, by subsets in order of size.
      const infeasible: number[][] = []
      for (let mask = 1; mask < 1 << red.length; mask++) {
        const set = red.map((_, i) => i).filter((i) => mask & (1 << i))
        if (infeasible.some((x) => x.every((i) => set.includes(i)))) continue
        if (
          !issue.options.some((o) =>
            inside(
              o.position,
              set.map((i) => red[i] as (typeof red)[number]),
            ),
          )
        )
          infeasible.push(set)
      }
      conflicts = infeasible
        .filter(
          (x) => !infeasible.some((y) => y !== x && y.length < x.length && y.every((i) => x.includes(i))),
        )
        .map((x) => x.map((i) => red[i]?.party ?? ''))
      relaxations = issue.options
        .map((o) => {
          const moves = red
            .filter((r) => o.position < r.min || o.position > r.max)
            .map((r) => ({
              party: r.party,
              from: { min: r.min, max: r.max },
              to: { min: Math.min(r.min, o.position), max: Math.max(r.max, o.position) },
            }))
          const cost = moves.reduce((sum, m) => {
            const salience =
              s.stances.find((st) => st.party === m.party && st.issue === issue.id)?.salience.value ?? 50
            const distance = m.from.min - m.to.min + (m.to.max - m.from.max)
            return sum + salience * distance
          }, 0)
          return { option: o.label, position: o.position, cost, moves }
        })
        .sort((a, b) => a.cost - b.cost)
        .slice(0, 3)
    }
    return {
      issue: issue.id,
      red_lines: red,
      intersection: lo <= hi ? { min: lo, max: hi } : null,
      feasible,
      conflicts,
      relaxations,
    }
  })
  const product = (f: (i: IssueZopa, n: number) => number) =>
    s.issues.reduce((n, issue, k) => n * f(issues[k] as IssueZopa, issue.options.length), 1)
  return {
    feasible_packages: product((z) => z.feasible.length),
    packages: product((_, n) => n),
    issues,
    cost_basis: 'salience × distance',
  }
}
