import { summarizeEvidence } from '../../scenario/index.ts'
import { loadCaseScenario } from '../_case.ts'
import type { Io } from '../_io.ts'

export async function run(file: string, io: Io): Promise<void> {
  const s = await loadCaseScenario(file)
  const e = summarizeEvidence(s)
  io.out(
    `ok: ${file}: ${s.parties.length} parties, ${s.issues.length} issues, ${s.stances.length} stances, ` +
      `${s.conditions.length} conditions, ${s.events.length} events; ${e.quotes} quotes verbatim in ${e.sourcesCited} sources`,
  )
}
