// `parley case new DIR --from ARTICLES…` bootstraps a case folder from articles alone: the articles copied
// in, a draft lexicon (src/bootstrap) and a parley.yaml. `parley case check [DIR]` validates a case
// folder: its file, lexicon, corpus, event types and scenario, all problems at once.
import { cp, mkdir, readdir, stat, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { bootstrapLexicon, lexiconYaml } from '../../bootstrap/index.ts'
import { CASE_FILE, type Case, eventTypesOf, findCase } from '../../case/index.ts'
import { InputError } from '../../core/index.ts'
import { coverageWarnings, lexiconCoverage } from '../../draft/index.ts'
import { eventTypesWithoutCues, type Lexicon, loadLexicon } from '../../extract/index.ts'
import { countInputs, readArticles } from '../../ingest/index.ts'
import { loadScenario, type Scenario } from '../../scenario/index.ts'
import type { Io } from '../_io.ts'

export interface CaseNewOptions {
  from: string[]
  name?: string
  id?: string
}

export async function runNew(dir: string, opts: CaseNewOptions, io: Io): Promise<void> {
  const target = resolve(dir)
  if ((await stat(join(target, CASE_FILE)).catch(() => undefined)) !== undefined)
    throw new InputError(`${join(dir, CASE_FILE)} exists already; parley case new makes a new case folder`)
  const articles = []
  for await (const r of readArticles(opts.from)) {
    if ('failure' in r) io.err(`skipped ${r.failure.path}: ${r.failure.reason}`)
    else articles.push({ name: basename(r.article.path), text: r.article.text })
  }
  if (articles.length === 0)
    throw new InputError(`--from: no article could be read from ${opts.from.join(', ')}`)
  const proposal = bootstrapLexicon(articles)
  const id = opts.id ?? slug(basename(target))
  const name = opts.name ?? `The negotiation of ${basename(target)}`
  await mkdir(join(target, 'articles'), { recursive: true })
  for (const from of opts.from) await cp(from, join(target, 'articles', basename(from)), { recursive: true })
  await writeFile(
    join(target, 'lexicon.yaml'),
    lexiconYaml(
      proposal,
      `Draft lexicon for ${name}, proposed by parley case new from ${articles.length} articles.`,
      {
        scales: true,
      },
    ),
  )
  await writeFile(join(target, CASE_FILE), caseFile(id, name))
  io.out(newSummary(dir, proposal, articles.length))
}

/** An id from a folder name: lower case, letters, digits and dashes. */
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '') || 'case'

function caseFile(id: string, name: string): string {
  return [
    '# A case folder, made by parley case new. Edit lexicon.yaml (docs/lexicon.md), then run',
    '# parley case check, parley ingest, and parley scenario draft --out scenario.yaml (docs/new-case.md).',
    'schema: parley-case/1',
    `id: ${id}`,
    `name: ${JSON.stringify(name)}`,
    'corpus: [articles]',
    'lexicon: lexicon.yaml',
    '# scenario: scenario.yaml',
    '# event_types: [call, meeting, talks, strike, agreement]',
    '',
  ].join('\n')
}

function newSummary(dir: string, p: ReturnType<typeof bootstrapLexicon>, n: number): string {
  const parties = p.parties.map(
    (x) => `  ${x.id.padEnd(14)} ${x.name} (${x.count} mentions; ${x.aliases.join(', ')})`,
  )
  const issues = p.issues.map(
    (x, i) =>
      `  ${String(i + 1).padStart(2)}. ${x.id.padEnd(18)} ${x.count} act sentences; ${x.terms.slice(0, 5).join(', ')}`,
  )
  return [
    `Case folder ${dir}: ${n} articles in articles/, a draft lexicon in lexicon.yaml, and ${CASE_FILE}.`,
    `Proposed parties (${p.parties.length}):`,
    ...parties,
    `Proposed issues, best first (${p.issues.length}):`,
    ...issues,
    'Next: edit lexicon.yaml (merge, rename or drop parties and issues; give each issue its ordered options),',
    `then parley case check ${dir}, parley ingest --case ${dir}, and parley scenario draft --case ${dir} --out ${join(dir, 'scenario.yaml')}.`,
  ].join('\n')
}

export async function runCheck(dir: string | undefined, opts: { case?: string }, io: Io): Promise<void> {
  const { case: c, how } = await findCase({ case: opts.case ?? dir })
  if (how === 'bundled' && dir === undefined && opts.case === undefined)
    io.err(
      'parley: no parley.yaml here or above: checking the bundled case; name another with parley case check DIR',
    )
  const problems: string[] = []
  const warnings: string[] = []
  const lexicon = await attempt(() => loadLexicon(c.lexicon), problems)
  const articles = await corpusCount(c, problems)
  const eventTypes = await attempt(() => eventTypesOf(c), problems)
  if (lexicon !== undefined && eventTypes !== undefined)
    for (const t of eventTypesWithoutCues(lexicon, eventTypes))
      warnings.push(`event type "${t}" has no cues: give them under events: in ${c.lexicon}`)
  const scenario =
    c.scenario === undefined || eventTypes === undefined
      ? undefined
      : await attempt(() => loadScenario(c.scenario as string, { eventTypes }), problems)
  if (lexicon !== undefined && scenario !== undefined)
    warnings.push(...coverageWarnings(lexiconCoverage(lexicon, scenario)))
  for (const w of warnings) io.err(`warning: ${w}`)
  if (problems.length > 0) throw new InputError(problems.join('\n'))
  io.out(checkSummary(c, lexicon as Lexicon, articles, scenario, warnings.length))
}

/** The value of `read`, or undefined with its problems kept (located ones included: every problem at once). */
async function attempt<T>(read: () => Promise<T>, problems: string[]): Promise<T | undefined> {
  try {
    return await read()
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    problems.push(error.message)
    return undefined
  }
}

async function corpusCount(c: Case, problems: string[]): Promise<number> {
  let n = 0
  for (const path of c.corpus) {
    const info = await stat(path).catch(() => undefined)
    if (info === undefined) problems.push(`${c.file} corpus: ${path} does not exist`)
    else if (info.isDirectory() && (await readdir(path)).length === 0)
      problems.push(`${c.file} corpus: ${path} is empty`)
    else n += await countInputs([path])
  }
  return n
}

function checkSummary(
  c: Case,
  lexicon: Lexicon,
  articles: number,
  scenario: Scenario | undefined,
  warnings: number,
): string {
  return [
    `ok: case ${c.id} (${c.name}): ${articles} article inputs; lexicon with ${lexicon.actors.length} parties and ${lexicon.issues.length} issues`,
    scenario === undefined
      ? '; no scenario yet (parley scenario draft --out scenario.yaml, then name it in parley.yaml)'
      : `; scenario ${scenario.meta.id} with ${scenario.parties.length} parties, ${scenario.issues.length} issues`,
    warnings > 0 ? `; ${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ].join('')
}
