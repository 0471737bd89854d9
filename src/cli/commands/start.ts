import { analyzeScenario } from '../../analyze/index.ts'
import { lexiconExtractor, loadLexicon } from '../../extract/index.ts'
import { countInputs, ingestPaths, storedContradictions } from '../../pipeline/index.ts'
import type { Scenario } from '../../scenario/index.ts'
import { openStore } from '../../store/index.ts'
import { caseOf, loadCaseScenario, noteBundled, scenarioOf } from '../_case.ts'
import type { Io } from '../_io.ts'
import { progressBar } from '../_progress.ts'
import { fixed, singleStanceNote, table } from '../_table.ts'
import { basisMark } from './scenario-show.ts'
import { listenOptions, serveDashboard } from './serve.ts'

/** The main job on a scenario: ingest the corpus, validate the scenario, run every analysis, print a
 * summary, then serve the dashboard (unless `serve` is false). */
export async function run(
  file: string | undefined,
  opts: { case?: string; db?: string; corpus?: string; serve?: boolean; host?: string; port?: string },
  io: Io,
): Promise<void> {
  const inCase = await caseOf(opts, [file])
  const path = scenarioOf(file, inCase, io)
  const serving = opts.serve !== false
  const listenAt = serving ? listenOptions(opts) : undefined
  if (opts.corpus === undefined) noteBundled(inCase, 'its corpus', io)
  const corpus = opts.corpus === undefined ? inCase.case.corpus : [opts.corpus]
  const location = inCase.store
  io.out(`Store: ${location} (opening; the first run creates it, which takes a few seconds)`)
  // Open the store while the scenario and the lexicon load: on a second run that is most of the wait.
  const opening = openStore(location)
  let s: Scenario
  let lexicon: Awaited<ReturnType<typeof loadLexicon>>
  try {
    ;[s, lexicon] = await Promise.all([loadCaseScenario(path), loadLexicon(inCase.case.lexicon)])
  } catch (error) {
    await (await opening).close()
    throw error
  }
  const store = await opening
  const eventTypes = inCase.case.eventTypes
  try {
    const bar = progressBar(await countInputs(corpus), 'ingest')
    const report = await ingestPaths(corpus, {
      store,
      extractor: lexiconExtractor(lexicon, eventTypes === undefined ? {} : { eventTypes }),
      onProgress: (done) => bar.update(done),
    })
    bar.stop()
    const counts = await store.counts()
    const contradictionCount = (await storedContradictions(store)).length
    let corpusLine =
      `Corpus: ${corpus.join(', ')}: ${report.added} new and ${report.unchanged} already stored, ${report.failed.length} skipped; ` +
      `the store holds ${counts.documents} articles, ${counts.claims} claims, ${counts.events} events, ` +
      `${counts.links} near-duplicate links, ${contradictionCount} contradiction${contradictionCount === 1 ? '' : 's'} (parley claims, parley contradictions).`
    for (const f of report.failed)
      corpusLine += `
  skipped ${f.path}: ${f.reason}`
    summary(path, s, corpusLine, io)
    if (listenAt) await serveDashboard(path, store, listenAt, io, inCase.case)
  } finally {
    await store.close()
  }
}

function summary(path: string, s: Scenario, corpusLine: string, io: Io): void {
  // The same analyses, with the same defaults, as the dashboard and the report.
  const analyses = analyzeScenario(s)
  const e = analyses.evidence
  const f = analyses.forecasts

  io.out(corpusLine)
  io.out('')
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
  io.out(
    `Issues and forecasts (${f.models.join(', ')}; eum and exchange after ${analyses.options.rounds} rounds; 0–100 on each issue's scale)`,
  )
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
  const c = analyses.conditions
  io.out('')
  io.out(
    `Conditions: ${s.conditions.length}; ${c.consistent ? 'they can all hold together' : `${c.deadlocks.length} deadlock${c.deadlocks.length === 1 ? '' : 's'}`}.`,
  )
  for (const d of c.deadlocks) io.out(`  ${d.parties.join('/')}: ${d.explanation}`)
  const best = c.roadmap_relaxation
  if (best)
    io.out(
      `  Cheapest relaxation: ${best.change.map((ch) => `${ch.action} ${ch.condition}`).join(' and ')} (cost ${best.cost}, ${best.cost_basis}).`,
    )
  const steps = c.roadmap.filter((st) => st.latest_day !== null && !st.party)
  const last = steps.reduce((m, st) => Math.max(m, st.earliest_day), 0)
  if (steps.length > 0) {
    io.out(
      `  Roadmap${best ? ' after it' : ''}: ${steps
        .filter((st) => st.earliest_day === 0)
        .map((st) => st.issue)
        .join(', ')} from day 0` +
        (last > 0
          ? `; ${steps
              .filter((st) => st.earliest_day === last)
              .map((st) => st.issue)
              .join(', ')} no earlier than day ${last}.`
          : '.'),
    )
  }
  io.out('')
  io.out(
    `${s.events.length} events on the timeline. More: parley scenario show FILE, parley forecast FILE, parley conditions FILE.`,
  )
}
