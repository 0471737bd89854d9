// Cross-issue constraints ("option X on one issue excludes option Y on another") break the
// independence divide and conquer relies on. Issues linked by constraints are merged into one
// compound issue whose options are the allowed combinations; the domain is additive again, and the
// frontier is computed as before (each compound contribution is the sum of its members' in order).
import type { Domain, DomainIssue } from './domain.ts'

export interface Exclusion {
  a: { issue: number; option: number }
  b: { issue: number; option: number }
}

export function coupleIssues(d: Domain, exclusions: readonly Exclusion[], maxOptions = 1_000_000): Domain {
  if (exclusions.length === 0) return d
  const parent = d.issues.map((_, i) => i)
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root] as number
    return root
  }
  for (const e of exclusions) parent[find(e.a.issue)] = find(e.b.issue)
  const groups = new Map<number, number[]>()
  for (let i = 0; i < d.issues.length; i++) groups.set(find(i), [...(groups.get(find(i)) ?? []), i])

  const issues: DomainIssue[] = []
  const contributions: Float64Array[][] = d.parties.map(() => [])
  const allowed: boolean[][] = []
  for (const members of [...groups.values()].sort((x, y) => (x[0] as number) - (y[0] as number))) {
    const options = members.map((i) =>
      (d.issues[i] as DomainIssue).options.map((_, o) => o).filter((o) => d.allowed?.[i]?.[o] ?? true),
    )
    const size = options.reduce((n, o) => n * o.length, 1)
    if (size > maxOptions)
      throw new RangeError(
        `coupled issues ${members.map((i) => d.issues[i]?.name).join(' + ')} have ${size} combinations, more than ${maxOptions}`,
      )
    const combos: number[][] = []
    const walk = (k: number, picked: number[]) => {
      if (k === members.length) {
        const ok = exclusions.every((e) => {
          const ia = members.indexOf(e.a.issue)
          const ib = members.indexOf(e.b.issue)
          return ia < 0 || ib < 0 || picked[ia] !== e.a.option || picked[ib] !== e.b.option
        })
        if (ok) combos.push([...picked])
        return
      }
      for (const o of options[k] as number[]) walk(k + 1, [...picked, o])
    }
    walk(0, [])
    issues.push({
      id: members.map((i) => d.issues[i]?.id).join('+'),
      name: members.map((i) => d.issues[i]?.name).join(' + '),
      options: combos.map((c) => ({
        label: c.map((o, k) => d.issues[members[k] as number]?.options[o]?.label).join(' + '),
        value: c.map((o, k) => String(d.issues[members[k] as number]?.options[o]?.value)).join(' + '),
      })),
    })
    d.parties.forEach((_, p) => {
      ;(contributions[p] as Float64Array[]).push(
        Float64Array.from(combos, (c) =>
          c.reduce(
            (s, o, k) =>
              s +
              (((d.contributions[p] as Float64Array[])[members[k] as number] as Float64Array)[o] as number),
            0,
          ),
        ),
      )
    })
    allowed.push(combos.map(() => true))
  }
  return { issues, parties: d.parties, contributions, reservation: d.reservation, allowed }
}
