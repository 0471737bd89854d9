import { forecast } from '../../analysis/forecast/index.ts'
import { defaultScenario } from '../../paths.ts'
import { loadScenario, summarizeEvidence } from '../../scenario/index.ts'
import type { Io } from '../_io.ts'
import { fixed, singleStanceNote, table } from '../_table.ts'
import { basisMark } from './scenario-show.ts'

/** The main job on a scenario: validate it, run every available analysis, print a summary. */
export async function run(file: string | undefined, io: Io): Promise<void> {
  const path = file ?? defaultScenario
  const s = await loadScenario(path)
  const e = summarizeEvidence(s)
  const f = forecast(s)

  io.out(`Parley: ${s.meta.title}, as of ${s.meta.as_of}`)
  io.out(`Scenario: ${path}`)
  io.out(
    `Evidence: ${e.quotes} verbatim quotes from ${e.sourcesCited} of ${s.sources.length} sources` +
      ` (${s.sources.filter((x) => x.date_estimated).length} with estimated dates); of ${e.numbers} numbers,` +
      ` ${e.evidenced} rest on quotes and ${e.assumptionOnly} on a named assumption alone.`,
  )
  io.out('')
  io.out('Parties')
  io.out(
    table(
      [
        ['id', 'name', 'capability', 'basis'],
        ...s.parties.map((p) => [p.id, p.name, String(p.capability.value), basisMark(p.capability)]),
      ],
      [false, false, true],
    ),
  )
  io.out('')
  io.out(`Issues and forecasts (${f.models.join(', ')}; 0–100 on each issue's scale)`)
  io.out(
    table(
      [
        ['issue', 'parties', ...f.models, 'compromise lands nearest'],
        ...f.issues.map((i) => [
          i.id,
          i.parties.join(' ') || '(none)',
          ...f.models.map((m) => fixed(i.models[m]?.position)),
          i.models.compromise?.option ?? '–',
        ]),
      ],
      [false, false, ...f.models.map(() => true)],
    ),
  )
  const note = singleStanceNote(f.issues)
  if (note !== '') io.out(note)
  io.out('')
  io.out(
    `${s.conditions.length} conditions and ${s.events.length} events on the timeline. ` +
      'More: parley scenario show FILE, parley forecast FILE --json.',
  )
}
