// How far a drafted scenario agrees with a hand-curated one: positions within one option, the
// conditions and red lines found or missed, the numbers left empty.
import type { Scenario } from '../scenario/index.ts'
import type { DraftScenario } from './draft.ts'

export interface StanceAgreement {
  party: string
  issue: string
  curated: number
  drafted: number | null
  /** How many options apart the two positions are on the curated issue's scale; null when not drafted. */
  optionsApart: number | null
}

export interface Agreement {
  stances: {
    /** Curated stances. */
    curated: number
    /** Of those, how many the draft gives a position. */
    drafted: number
    /** Of those, how many lie within one option of the curated position. */
    withinOneOption: number
    /** withinOneOption ÷ curated. */
    share: number
    rows: StanceAgreement[]
  }
  conditions: { found: string[]; missed: string[]; extra: string[] }
  redLines: { found: string[]; missed: string[]; extra: string[] }
  /** Drafted numbers left empty (no claim supports them), by what they are. */
  empty: { total: number; capability: number; position: number; other: number }
}

export function compareWithCurated(draft: DraftScenario, curated: Scenario): Agreement {
  const rows: StanceAgreement[] = curated.stances.map((c) => {
    const issue = curated.issues.find((i) => i.id === c.issue)
    const d = draft.stances.find((s) => s.party === c.party && s.issue === c.issue)
    const drafted = d?.position.value ?? null
    const index = (v: number) => nearestOption(issue?.options.map((o) => o.position) ?? [], v)
    return {
      party: c.party,
      issue: c.issue,
      curated: c.position.value,
      drafted,
      optionsApart: drafted === null ? null : Math.abs(index(drafted) - index(c.position.value)),
    }
  })
  const drafted = rows.filter((r) => r.drafted !== null).length
  const within = rows.filter((r) => r.optionsApart !== null && r.optionsApart <= 1).length

  const condKey = (c: { party: string; issue: string; requires: { issue: string } }) =>
    `${c.party} ${c.issue} after ${c.requires.issue}`
  const curatedConds = new Set(curated.conditions.map(condKey))
  const draftConds = new Set(draft.conditions.map(condKey))
  const redKey = (s: { party: string; issue: string }) => `${s.party} ${s.issue}`
  const curatedRed = new Set(curated.stances.filter((s) => s.acceptable !== undefined).map(redKey))
  const draftRed = new Set(draft.stances.filter((s) => s.acceptable !== undefined).map(redKey))
  const split = (want: Set<string>, got: Set<string>) => ({
    found: [...want].filter((k) => got.has(k)),
    missed: [...want].filter((k) => !got.has(k)),
    extra: [...got].filter((k) => !want.has(k)),
  })
  const empty = draft.draft.empty.filter(
    (e) => !e.reason.startsWith('filled') && !e.reason.startsWith('dropped'),
  )
  const count = (re: RegExp) => empty.filter((e) => re.test(e.path)).length
  const capability = count(/\.capability$/)
  const position = count(/\.position$/)
  return {
    stances: {
      curated: rows.length,
      drafted,
      withinOneOption: within,
      share: rows.length === 0 ? 0 : within / rows.length,
      rows,
    },
    conditions: split(curatedConds, draftConds),
    redLines: split(curatedRed, draftRed),
    empty: { total: empty.length, capability, position, other: empty.length - capability - position },
  }
}

function nearestOption(positions: readonly number[], value: number): number {
  let best = 0
  positions.forEach((p, i) => {
    if (Math.abs(p - value) < Math.abs((positions[best] ?? 0) - value)) best = i
  })
  return best
}
