// `parley scenario draft` and `parley scenario update`: the scenario from the claims, and the changes
// new articles propose to it. The rules live in src/draft/; this reads, writes and prints.
import { writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { stringify } from 'yaml'
import { InputError } from '../../core/index.ts'
import {
  compareWithCurated,
  type DraftScenario,
  draftScenario,
  fillFromBase,
  proposeUpdates,
  selectUpdates,
  type UpdateSet,
  writeUpdates,
} from '../../draft/index.ts'
import { lexiconExtractor, loadLexicon } from '../../extract/index.ts'
import { readTextFile, readTextFileSync } from '../../locate/index.ts'
import { countInputs, draftArticles, isStoreLocation, sourceHashes } from '../../pipeline/index.ts'
import { parseScenario, resolveSource } from '../../scenario/index.ts'
import { caseOf, type InCase, loadCaseScenario, noteBundled } from '../_case.ts'
import type { Io } from '../_io.ts'
import { progressBar } from '../_progress.ts'
import { parseDay } from './_options.ts'

export interface DraftOptions {
  case?: string
  from?: string[]
  parties?: string
  issues?: string
  asOf?: string
  lexicon?: string
  base?: string
  compare?: string
  out?: string
  json?: boolean
}

export async function runDraft(opts: DraftOptions, io: Io): Promise<void> {
  const asOf = parseDay('--as-of', opts.asOf)
  const inCase = await caseOf(opts, [opts.out, ...(opts.from ?? [])])
  const lexicon = await caseLexicon(opts, inCase, io)
  const scenarioDir = opts.out === undefined ? process.cwd() : dirname(resolve(opts.out))
  const from = fromOf(opts, inCase, io)
  const { articles, failures } = await readFrom(from, lexicon, scenarioDir, inCase.case.eventTypes)
  for (const f of failures) io.err(`skipped ${f.path}: ${f.reason}`)
  const list = (s: string | undefined) =>
    s
      ?.split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '')
  const known = new Set(lexicon.issues.filter((i) => (i.options?.length ?? 0) >= 2).map((i) => i.id))
  const issues = list(opts.issues)
  const bad = issues?.filter((i) => !known.has(i)) ?? []
  if (bad.length > 0)
    throw new InputError(
      `--issues: ${bad.join(', ')} ha${bad.length === 1 ? 's' : 've'} no ordered options in the lexicon; known: ${[...known].join(', ')}`,
    )
  const drafted = draftScenario({
    articles,
    lexicon,
    parties: list(opts.parties),
    issues,
    asOf,
    from: from.join(', '),
  })
  for (const x of drafted.excluded) io.err(`left out ${x.file}: ${x.reason}`)
  for (const w of unknownIssueWarnings(articles, lexicon)) io.err(`warning: ${w}`)
  let scenario: DraftScenario = drafted.scenario
  if (opts.base !== undefined) scenario = fillFromBase(scenario, await loadCaseScenario(opts.base), opts.base)

  if (opts.compare !== undefined) {
    const a = compareWithCurated(scenario, await loadCaseScenario(opts.compare))
    if (opts.json) io.out(JSON.stringify(a, null, 2))
    else io.out(renderAgreement(a, opts.compare))
  } else if (opts.json) io.out(JSON.stringify(scenario, null, 2))

  const text = `${header(scenario)}${stringify(scenario, { lineWidth: 0 })}`
  if (opts.out !== undefined) {
    await writeFile(opts.out, text)
    if (!opts.json && opts.compare === undefined) io.out(summary(scenario, opts.out))
  } else if (!opts.json && opts.compare === undefined) {
    io.out(text.trimEnd())
    io.err(summary(scenario, 'standard output'))
  }
}

/** --lexicon, else the case's lexicon (said when that is the bundled one). */
async function caseLexicon(opts: { lexicon?: string | undefined }, inCase: InCase, io: Io) {
  if (opts.lexicon === undefined) noteBundled(inCase, 'its lexicon', io)
  return loadLexicon(opts.lexicon ?? inCase.case.lexicon)
}

/** --from, else the case's store (said when that is the bundled default). */
function fromOf(opts: { from?: string[] | undefined }, inCase: InCase, io: Io): string[] {
  if (opts.from !== undefined && opts.from.length > 0) return opts.from
  noteBundled(inCase, 'its store', io)
  return [inCase.store]
}

export interface UpdateOptions {
  case?: string
  from?: string[]
  accept?: string
  acceptedOn?: string
  asOf?: string
  lexicon?: string
  out?: string
  json?: boolean
}

export async function runUpdate(file: string, opts: UpdateOptions, io: Io): Promise<void> {
  const asOf = parseDay('--as-of', opts.asOf)
  const acceptedOn = parseDay('--accepted-on', opts.acceptedOn) ?? new Date().toISOString().slice(0, 10)
  const scenario = await loadCaseScenario(file)
  const scenarioDir = dirname(resolve(file))
  if (opts.out !== undefined && dirname(resolve(opts.out)) !== scenarioDir)
    throw new InputError(
      `--out ${opts.out}: write the updated scenario beside ${file}, since its sources' paths are relative to it`,
    )
  const inCase = await caseOf(opts, [file])
  const lexicon = await caseLexicon(opts, inCase, io)
  const taken = new Set(scenario.sources.map((s) => s.id))
  const { articles, failures } = await readFrom(
    fromOf(opts, inCase, io),
    lexicon,
    scenarioDir,
    inCase.case.eventTypes,
    taken,
  )
  for (const f of failures) io.err(`skipped ${f.path}: ${f.reason}`)
  const knownHashes = await sourceHashes(scenario.sources.map((s) => resolveSource(file, s.file)))
  const set = proposeUpdates(scenario, articles, lexicon, { knownHashes, asOf })

  if (opts.accept === undefined) {
    io.out(opts.json ? JSON.stringify(set, null, 2) : renderUpdates(set, file))
    return
  }
  const accept = opts.accept === 'all' ? 'all' : opts.accept.split(',').map((x) => x.trim())
  const chosen = selectUpdates(set, accept)
  const updated = writeUpdates(await readTextFile(file), set, chosen, acceptedOn)
  const target = opts.out ?? file
  // The result must load like any scenario file before it is written.
  parseScenario(updated, {
    file: target,
    readSource: (s) => readTextFileSync(resolveSource(target, s), 'source'),
  })
  if (opts.out === undefined) io.out(updated.trimEnd())
  else {
    await writeFile(opts.out, updated)
    if (opts.json) io.out(JSON.stringify({ out: opts.out, accepted: chosen.map((c) => c.id) }, null, 2))
    else
      io.out(
        `wrote ${opts.out}: ${chosen.length} of ${set.changes.length} changes accepted on ${acceptedOn}, recorded in its history`,
      )
  }
}

async function readFrom(
  from: string[],
  lexicon: Awaited<ReturnType<typeof loadLexicon>>,
  scenarioDir: string,
  eventTypes: readonly string[] | undefined,
  takenIds?: ReadonlySet<string>,
) {
  if (from.length === 0)
    throw new InputError('--from: give a store (a directory or postgres:// URL) or article files')
  const files = from.filter((f) => !isStoreLocation(f))
  const bar = progressBar(files.length === from.length ? await countInputs(files) : 0, 'read and extract')
  try {
    return await draftArticles(from, {
      extractor: lexiconExtractor(lexicon, eventTypes === undefined ? {} : { eventTypes }),
      scenarioDir,
      onProgress: (n) => bar.update(n),
      ...(takenIds ? { takenIds } : {}),
    })
  } finally {
    bar.stop()
  }
}

function header(s: DraftScenario): string {
  const open = s.draft.empty.filter((e) => !e.reason.startsWith('filled') && !e.reason.startsWith('dropped'))
  const lines = [
    `Drafted by parley scenario draft from ${s.draft.from}${s.draft.as_of ? `, as of ${s.draft.as_of}` : ''}.`,
    'Every number cites the claims behind it; the rules are under draft.rules.',
    open.length === 0
      ? 'No number is empty.'
      : `${open.length} numbers are empty (null), listed under draft.empty: fill each with evidence or an assumption; parley scenario check locates them.`,
  ]
  return `${lines.map((l) => `# ${l}`).join('\n')}\n`
}

function summary(s: DraftScenario, where: string): string {
  const open = s.draft.empty.filter((e) => !e.reason.startsWith('filled') && !e.reason.startsWith('dropped'))
  const filled = s.draft.empty.filter((e) => e.reason.startsWith('filled')).length
  const dropped = s.draft.empty.filter((e) => e.reason.startsWith('dropped')).length
  const positioned = s.stances.filter((x) => x.position.value !== null).length
  return [
    `drafted ${where}: ${s.parties.length} parties, ${s.issues.length} issues, ${s.stances.length} stances (${positioned} with a position), ` +
      `${s.stances.filter((x) => x.acceptable).length} red lines, ${s.conditions.length} conditions, ${s.events.length} events, ${s.sources.length} sources`,
    `empty numbers: ${open.length}${filled ? `; filled from the base: ${filled}` : ''}${dropped ? `; dropped: ${dropped}` : ''}`,
  ].join('\n')
}

function renderAgreement(a: ReturnType<typeof compareWithCurated>, curated: string): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`
  const out = [
    `Agreement with ${curated}`,
    `Positions: ${a.stances.withinOneOption} of ${a.stances.curated} curated stances (${pct(a.stances.share)}) are drafted within one option; ${a.stances.drafted} have a drafted position.`,
  ]
  for (const r of a.stances.rows)
    out.push(
      `  ${r.party.padEnd(4)} ${r.issue.padEnd(22)} curated ${String(r.curated).padStart(3)}  drafted ${r.drafted === null ? '  —' : String(r.drafted).padStart(3)}${r.optionsApart === null ? '' : `  ${r.optionsApart} option${r.optionsApart === 1 ? '' : 's'} apart`}`,
    )
  const three = (name: string, x: { found: string[]; missed: string[]; extra: string[] }) =>
    `${name}: found ${x.found.length} of ${x.found.length + x.missed.length}${x.missed.length ? `; missed: ${x.missed.join(', ')}` : ''}${x.extra.length ? `; not in the curated file: ${x.extra.join(', ')}` : ''}`
  out.push(three('Conditions', a.conditions), three('Red lines', a.redLines))
  out.push(
    `Empty numbers: ${a.empty.total} (${a.empty.capability} capabilities, ${a.empty.position} positions, ${a.empty.other} other)`,
  )
  return out.join('\n')
}

function renderUpdates(set: UpdateSet, file: string): string {
  const out = [
    `${set.newArticles.length} new article${set.newArticles.length === 1 ? '' : 's'} against ${file} (${set.known} already among its sources)`,
  ]
  for (const a of set.newArticles)
    out.push(`  ${a.id}  ${a.date ?? 'undated'}  ${a.claims} claims  ${a.file}`)
  if (set.unmodelledParties.length > 0)
    out.push(
      `Parties in the new claims that the scenario does not model: ${set.unmodelledParties.join(', ')}`,
    )
  if (set.unmodelledIssues.length > 0)
    out.push(`Issues in the new claims that the scenario does not model: ${set.unmodelledIssues.join(', ')}`)
  out.push('', set.changes.length === 0 ? 'No changes proposed.' : `${set.changes.length} proposed changes:`)
  for (const c of set.changes) {
    out.push(`  ${c.id.padEnd(4)} ${c.kind.padEnd(13)} ${c.summary}`)
    for (const e of c.evidence.slice(0, 3))
      out.push(
        `         ${e.source}${e.date ? ` (${e.date})` : ''}: “${e.quote.length > 150 ? `${e.quote.slice(0, 149)}…` : e.quote}”`,
      )
    if (c.evidence.length > 3) out.push(`         … and ${c.evidence.length - 3} more quotes`)
  }
  if (set.changes.length > 0)
    out.push('', `Accept with: parley scenario update ${file} --from … --accept all|c1,c2 --out NEW.yaml`)
  return out.join('\n')
}

/** The issues the claims name that the lexicon does not know: their claims cannot be placed on any scale. */
function unknownIssueWarnings(
  articles: readonly { claims: readonly { issue: string }[] }[],
  lexicon: Awaited<ReturnType<typeof loadLexicon>>,
): string[] {
  const known = new Set(lexicon.issues.map((i) => i.id))
  const unknown = new Map<string, number>()
  for (const a of articles)
    for (const c of a.claims) if (!known.has(c.issue)) unknown.set(c.issue, (unknown.get(c.issue) ?? 0) + 1)
  if (unknown.size === 0) return []
  const listed = [...unknown].map(([id, n]) => `${id} (${n} claim${n === 1 ? '' : 's'})`).join(', ')
  return [
    `the claims name issues the lexicon does not know: ${listed}; they were extracted with another lexicon, so re-ingest the articles with this one (or give --lexicon)`,
  ]
}
