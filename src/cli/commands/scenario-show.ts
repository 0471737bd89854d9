import type { Grounded, Scenario } from '../../scenario/index.ts'
import { summarizeEvidence } from '../../scenario/index.ts'
import { loadCaseScenario } from '../_case.ts'
import type { Io } from '../_io.ts'
import { table } from '../_table.ts'

export async function run(file: string, opts: { json?: boolean }, io: Io): Promise<void> {
  const s = await loadCaseScenario(file)
  io.out(opts.json ? JSON.stringify(s, null, 2) : render(s))
}

/** E: the number rests on quotes; A: on an assumption alone; E+A: quotes read through an assumption. */
export function basisMark(g: Pick<Grounded, 'evidence' | 'assumption'>): string {
  const e = (g.evidence?.length ?? 0) > 0
  return e && g.assumption ? 'E+A' : e ? 'E' : 'A'
}

function render(s: Scenario): string {
  const e = summarizeEvidence(s)
  const out: string[] = []
  out.push(`${s.meta.title} (${s.meta.id}), as of ${s.meta.as_of}`)
  out.push(
    `${e.quotes} quotes from ${e.sourcesCited} sources; of ${e.numbers} numbers, ${e.evidenced} rest on evidence and ${e.assumptionOnly} on an assumption alone`,
  )

  out.push('', 'Sources')
  out.push(table(s.sources.map((src) => [src.id, dateText(src.date, src.date_estimated), src.title])))

  out.push('', 'Parties (capability 0–100; E evidence, A assumption)')
  out.push(
    table(
      s.parties.map((p) => [p.id, p.name, String(p.capability.value), basisMark(p.capability)]),
      [false, false, true],
    ),
  )

  out.push('', 'Issues')
  for (const issue of s.issues) {
    out.push(`${issue.id}: ${issue.name}`)
    out.push(
      table(
        issue.options.map((o) => [`  ${o.position}`, o.label]),
        [true],
      ),
    )
  }

  out.push('', 'Stances (position [acceptable range] salience)')
  out.push(
    table([
      ['issue', ...s.parties.map((p) => p.id)],
      ...s.issues.map((issue) => [
        issue.id,
        ...s.parties.map((p) => {
          const st = s.stances.find((x) => x.party === p.id && x.issue === issue.id)
          if (st === undefined) return '·'
          const range = st.acceptable ? ` [${st.acceptable.min}–${st.acceptable.max}]` : ''
          return `${st.position.value}${range} s${st.salience.value}`
        }),
      ]),
    ]),
  )

  if (s.conditions.length > 0) {
    out.push('', 'Conditions')
    for (const c of s.conditions) {
      const state = stateText(c.requires)
      const days = `${c.min_days ? ` for at least ${c.min_days} days` : ''}${c.max_days !== undefined ? `, within ${c.max_days} days` : ''}`
      out.push(
        `${c.id} (${c.party}, ${basisMark(c)}): ${c.issue} ${c.relation.replace('_', ' ')} ${state}${days}`,
      )
    }
  }

  if (s.events.length > 0) {
    out.push('', 'Events')
    const events = [...s.events].sort((a, b) => a.date.localeCompare(b.date))
    out.push(
      table(
        events.map((ev) => [
          dateText(ev.date, ev.date_estimated),
          ev.type,
          ev.participants.join('–'),
          ev.summary ?? ev.id,
        ]),
      ),
    )
  }
  return out.join('\n')
}

function stateText(r: Scenario['conditions'][number]['requires']): string {
  const who = r.party ? `${r.party} on ` : ''
  const range =
    r.min !== undefined && r.max !== undefined
      ? ` in ${r.min}–${r.max}`
      : r.min !== undefined
        ? ` ≥ ${r.min}`
        : r.max !== undefined
          ? ` ≤ ${r.max}`
          : ''
  return `${who}${r.issue}${range}`
}

/** A date, with `~` when it is an estimate; '–' when there is none. */
export function dateText(date: string | undefined, estimated: boolean): string {
  return date === undefined ? '–' : `${estimated ? '~' : ''}${date}`
}
