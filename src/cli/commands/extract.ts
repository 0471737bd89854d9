import { basename, join } from 'node:path'
import { InputError } from '../../core/index.ts'
import {
  evaluate,
  findContradictions,
  GoldFileSchema,
  type ScoredFile,
  toGoldFile,
} from '../../extract/index.ts'
import { type Article, type Failure, readArticles } from '../../ingest/index.ts'
import { readErrorReason, readTextFileSync } from '../../locate/index.ts'
import { caseOf } from '../_case.ts'
import { type ExtractionOptions, makeExtractor, parseReferenceDate, resolveLexicon } from '../_extraction.ts'
import type { Io } from '../_io.ts'
import { progressBar } from '../_progress.ts'
import { fixed, table } from '../_table.ts'

export interface ExtractCommandOptions extends ExtractionOptions {
  json?: boolean
  eval?: string
  referenceDate?: string
}

export async function run(paths: string[], opts: ExtractCommandOptions, io: Io): Promise<void> {
  const gold = opts.eval === undefined ? undefined : readGold(opts.eval)
  const inCase = await caseOf(opts, paths)
  const extractor = makeExtractor(
    opts.extractor,
    await resolveLexicon(opts, inCase, io),
    inCase.case.eventTypes,
  )
  const reference = parseReferenceDate(opts.referenceDate)
  const articles: Article[] = []
  const failures: Failure[] = []
  for await (const r of readArticles(paths, reference ? { reference } : {})) {
    if ('failure' in r) failures.push(r.failure)
    else articles.push(r.article)
  }
  const bar = progressBar(articles.length, 'extract')
  const results = []
  for (const [i, a] of articles.entries()) {
    results.push({ path: a.path, text: a.text, ...(await extractor.extract({ text: a.text, date: a.date })) })
    bar.update(i + 1)
  }
  bar.stop()
  for (const f of failures) io.err(`skipped ${f.path}: ${f.reason}`)

  const corpus = basename(paths[0] ?? 'corpus')
  const file = toGoldFile(corpus, results)
  if (gold !== undefined) {
    const raw = new Map(articles.map((a) => [basename(a.path), a.path]))
    const evaluation = evaluate(gold, file, (f) => {
      const path = raw.get(f)
      return path === undefined ? undefined : readTextFileSync(path)
    })
    if (opts.json) io.out(JSON.stringify(evaluation, null, 2))
    else io.out(renderEvaluation(evaluation, opts.eval ?? '', articles.length))
    return
  }
  const contradictions = findContradictions(
    results.map((r) => ({ document: basename(r.path), text: r.text, claims: r.claims })),
  )
  if (opts.json) {
    io.out(JSON.stringify({ ...file, contradictions }, null, 2))
    return
  }
  for (const [i, a] of file.articles.entries()) {
    io.out(`${a.file}: ${a.claims.length} claims, ${a.events.length} events`)
    for (const c of a.claims) {
      const cond = c.condition_issue
        ? ` after ${c.condition_issue}${c.min_days ? ` (≥ ${c.min_days} days)` : ''}`
        : ''
      io.out(`  ${c.actor} ${c.act} ${c.issue}${cond}${c.hedge ? ` [${c.hedge}]` : ''}: “${c.quote}”`)
    }
    for (const e of a.events)
      io.out(`  event ${e.type} ${e.participants.join('–')}${e.date ? ` on ${e.date}` : ''}: “${e.quote}”`)
    if (i < file.articles.length - 1) io.out('')
  }
  if (contradictions.length > 0) {
    io.out('\nContradictions')
    for (const c of contradictions) io.out(`  ${c.kind}: ${c.explanation}`)
  }
}

function readGold(path: string): ScoredFile {
  let raw: unknown
  try {
    raw = JSON.parse(readTextFileSync(path)) // a regular file of at most 20 MB (PARLEY_MAX_FILE_MB)
  } catch (error) {
    throw new InputError(`${path}: cannot read the gold file: ${readErrorReason(error)}`)
  }
  const parsed = GoldFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new InputError(`${path} ${join(...(issue?.path.map(String) ?? ['']))}: ${issue?.message}`)
  }
  return parsed.data
}

function renderEvaluation(e: ReturnType<typeof evaluate>, goldPath: string, predicted: number): string {
  const row = (name: string, p: ReturnType<typeof evaluate>['claims']) => [
    name,
    String(p.tp),
    String(p.fp),
    String(p.fn),
    fixed(p.precision, 3),
    fixed(p.recall, 3),
    fixed(p.f1, 3),
  ]
  const right = [false, true, true, true, true, true, true]
  const lines = [
    `gold: ${goldPath} (${e.articles} articles); predicted: ${predicted} articles`,
    '',
    table(
      [
        ['', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1'],
        row('claims', e.claims),
        row('claims (ignore act)', e.claims_ignore_act),
        row('events', e.events),
      ],
      right,
    ),
    '',
    table(
      [
        ['claims per act', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1'],
        ...Object.entries(e.per_act).map(([act, p]) => row(`  ${act}`, p)),
      ],
      right,
    ),
    '',
    `quotes verbatim: ${e.quotes.verbatim}/${e.quotes.checked} = ${fixed(e.quotes_verbatim, 3)}`,
    '',
    `claims F1=${fixed(e.claims.f1, 3)} P=${fixed(e.claims.precision, 3)} R=${fixed(e.claims.recall, 3)} events F1=${fixed(e.events.f1, 3)} quotes_verbatim=${e.quotes_verbatim === null ? 'n/a' : (Math.floor(e.quotes_verbatim * 1000) / 1000).toFixed(3)}`,
  ]
  return lines.join('\n')
}
