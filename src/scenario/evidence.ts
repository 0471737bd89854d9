import type { Grounded, Scenario } from './schema.ts'

export interface EvidenceSummary {
  /** {source, quote} pairs anywhere in the scenario. */
  quotes: number
  /** Sources that at least one quote cites. */
  sourcesCited: number
  /** Numbers with a basis: capabilities, positions, saliences, acceptable ranges. */
  numbers: number
  /** Of those, how many rest on evidence (with or without an assumption) and how many on an assumption alone. */
  evidenced: number
  assumptionOnly: number
}

/** Counts what the scenario's numbers rest on. */
export function summarizeEvidence(s: Scenario): EvidenceSummary {
  const grounded: Pick<Grounded, 'evidence' | 'assumption'>[] = [
    ...s.parties.map((p) => p.capability),
    ...s.stances.flatMap((st) => [st.position, st.salience, ...(st.acceptable ? [st.acceptable] : [])]),
  ]
  const evidenceLists = [
    ...grounded.map((g) => g.evidence ?? []),
    ...s.conditions.map((c) => c.evidence ?? []),
    ...s.events.map((e) => e.evidence),
  ]
  const cited = new Set(evidenceLists.flat().map((e) => e.source))
  const evidenced = grounded.filter((g) => (g.evidence?.length ?? 0) > 0).length
  return {
    quotes: evidenceLists.reduce((n, list) => n + list.length, 0),
    sourcesCited: cited.size,
    numbers: grounded.length,
    evidenced,
    assumptionOnly: grounded.length - evidenced,
  }
}
