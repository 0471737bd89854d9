import {
  analyzeConditions,
  conditionText,
  packageSequence,
  type Relaxation,
} from '../../analysis/conditions/index.ts'
import { forecast } from '../../analysis/forecast/index.ts'
import { InputError } from '../../core/index.ts'
import type { Scenario } from '../../scenario/index.ts'
import { loadCaseScenario } from '../_case.ts'
import type { Io } from '../_io.ts'
import { table } from '../_table.ts'
import { parseCount } from './_options.ts'

export async function run(
  file: string,
  opts: { json?: boolean; cost?: string; top?: string },
  io: Io,
): Promise<void> {
  const cost = opts.cost ?? 'salience'
  if (cost !== 'salience' && cost !== 'count')
    throw new InputError(`--cost: expected salience or count, got "${cost}"`)
  const top = parseCount('--top', opts.top, { min: 1, max: 100 }) ?? 5
  const s = await loadCaseScenario(file)
  const report = analyzeConditions(s, { cost, relaxations: top })
  // The package the compromise model forecasts: which conditions it meets, and what it blocks.
  const compromise = Object.fromEntries(
    forecast(s).issues.map((i) => [i.id, i.models.compromise?.position ?? null]),
  )
  const pkg = packageSequence(s, compromise)
  if (opts.json) {
    io.out(
      JSON.stringify(
        { scenario: s.meta.id, ...report, compromise_package: { positions: compromise, ...pkg } },
        null,
        2,
      ),
    )
    return
  }
  io.out(renderReport(s, report, pkg))
}

export function renderReport(
  s: Scenario,
  report: ReturnType<typeof analyzeConditions>,
  pkg: ReturnType<typeof packageSequence>,
): string {
  const byId = new Map(s.conditions.map((c) => [c.id, c]))
  const out: string[] = []
  const parties = [...new Set(s.conditions.map((c) => c.party))]
  out.push(`Conditions of ${s.meta.title}: ${s.conditions.length} from ${parties.join(', ') || 'no party'}`)
  out.push(
    report.consistent
      ? 'They can all hold together.'
      : `They cannot all hold together: ${report.deadlocks.length} deadlock${report.deadlocks.length === 1 ? '' : 's'}${report.complete ? '' : ' (the search was capped; there may be more)'}.`,
  )
  for (const [i, d] of report.deadlocks.entries()) {
    out.push('', `Deadlock ${i + 1} (${d.parties.join(', ')}): ${d.explanation}`)
    for (const e of d.evidence) {
      const quotes = e.evidence.map((q) => `“${q.quote}” (source ${q.source})`)
      out.push(`  ${e.condition}: ${quotes.join(' ') || `assumption: ${e.assumption}`}`)
    }
  }
  if (report.relaxations.length > 0) {
    const basis =
      report.relaxations[0]?.cost_basis === 'count'
        ? 'one per condition'
        : "the holder's salience on the issue it holds back; weakening costs the share of days given up"
    out.push('', `Relaxations, cheapest first (cost: ${basis})`)
    for (const [i, r] of report.relaxations.entries())
      out.push(`  ${i + 1}. ${changeText(s, byId, r)}: cost ${r.cost}`)
  }
  if (report.roadmap.length > 0) {
    out.push(
      '',
      report.roadmap_relaxation
        ? `Roadmap after relaxation 1, in days from the start`
        : 'Roadmap, in days from the start',
    )
    const rows = report.roadmap
      .filter((st) => st.latest_day !== null)
      .map((st) => [
        String(st.earliest_day),
        st.party ? `${st.issue} (${st.party}'s move)` : st.issue,
        st.latest_day === null ? '–' : String(st.latest_day),
        st.slack === null ? '–' : String(st.slack),
        st.after.join(', ') || '–',
        st.critical ? 'critical' : '',
      ])
    out.push(
      table(
        [['earliest day', 'issue', 'latest day', 'slack', 'after', ''], ...rows],
        [true, false, true, true],
      ),
    )
    const free = report.roadmap.filter((st) => st.latest_day === null).map((st) => st.issue)
    if (free.length > 0) out.push(`No condition constrains: ${free.join(', ')}.`)
  }
  out.push('', 'Under the package the compromise model forecasts:')
  out.push(
    `  ${pkg.met.length} conditions met; ${pkg.unmet.length} not met, which block their holder's move:`,
  )
  for (const u of pkg.unmet) {
    const c = byId.get(u.condition)
    out.push(
      `  - ${u.condition}: ${c ? conditionText(s, c) : ''} (the package has ${u.requires} at ${u.position === null ? 'no position' : u.position.toFixed(1)})`,
    )
  }
  return out.join('\n')
}

function changeText(s: Scenario, byId: Map<string, Scenario['conditions'][number]>, r: Relaxation): string {
  return r.change
    .map((ch) => {
      const c = byId.get(ch.condition)
      const what = c ? ` (${conditionText(s, c)})` : ''
      if (ch.action === 'remove') return `drop ${ch.condition}${what}`
      return 'min_days' in ch
        ? `shorten the wait of ${ch.condition} from ${ch.min_days.from} to ${ch.min_days.to} days${what}`
        : `extend the deadline of ${ch.condition} from ${ch.max_days.from} to ${ch.max_days.to} days${what}`
    })
    .join(' and ')
}
