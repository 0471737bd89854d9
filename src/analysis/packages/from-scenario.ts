// A scenario as a domain. Party p's utility for a package (one option o_i per issue i) is
//
//   U_p = Σ_i w_pi · (1 − |pos(o_i) − x_pi| / 100),   w_pi = s_pi / Σ_j s_pj,
//
// over the issues where p holds a stance (x_pi its position, s_pi its salience, j running over the
// issues of the domain where p holds one); an issue without a stance adds nothing. An option outside
// a party's acceptable range (its red line) is not allowed: red lines are hard constraints.
import type { Scenario } from '../../scenario/index.ts'
import type { Domain } from './domain.ts'

export interface ScenarioDomainOptions {
  /** Party ids, in order; default: every party with a stance on the issues. */
  parties?: readonly string[]
  /** Issue ids; default: the issues on which at least two of the parties hold a stance. */
  issues?: readonly string[]
  /** Keep red lines as hard constraints (default true). */
  redLines?: boolean
}

export function scenarioDomain(s: Scenario, options: ScenarioDomainOptions = {}): Domain {
  const stance = (p: string, i: string) => s.stances.find((st) => st.party === p && st.issue === i)
  const candidates =
    options.parties ?? s.parties.map((p) => p.id).filter((p) => s.stances.some((st) => st.party === p))
  for (const p of candidates)
    if (!s.parties.some((x) => x.id === p))
      throw new RangeError(`unknown party "${p}"; expected one of: ${s.parties.map((x) => x.id).join(', ')}`)
  const issueIds =
    options.issues ??
    s.issues.map((i) => i.id).filter((i) => candidates.filter((p) => stance(p, i) !== undefined).length >= 2)
  const issues = issueIds.map((id) => {
    const issue = s.issues.find((i) => i.id === id)
    if (issue === undefined)
      throw new RangeError(`unknown issue "${id}"; expected one of: ${s.issues.map((i) => i.id).join(', ')}`)
    return issue
  })
  const parties =
    options.parties ?? candidates.filter((p) => issues.some((i) => stance(p, i.id) !== undefined))
  const contributions = parties.map((p) => {
    const total = issues.reduce((sum, i) => sum + (stance(p, i.id)?.salience.value ?? 0), 0)
    return issues.map((i) => {
      const st = stance(p, i.id)
      if (st === undefined || total === 0) return new Float64Array(i.options.length)
      const w = st.salience.value / total
      return Float64Array.from(i.options, (o) => w * (1 - Math.abs(o.position - st.position.value) / 100))
    })
  })
  const allowed =
    options.redLines === false
      ? undefined
      : issues.map((i) =>
          i.options.map((o) =>
            parties.every((p) => {
              const r = stance(p, i.id)?.acceptable
              return r === undefined || (o.position >= r.min && o.position <= r.max)
            }),
          ),
        )
  return {
    issues: issues.map((i) => ({
      id: i.id,
      name: i.id,
      options: i.options.map((o) => ({ label: o.label, value: o.label })),
    })),
    parties: parties.map((id) => ({ id, name: s.parties.find((x) => x.id === id)?.name ?? id })),
    contributions,
    reservation: parties.map(() => 0),
    ...(allowed ? { allowed } : {}),
  }
}
