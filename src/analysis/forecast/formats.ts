// Text formats of the forecasting literature, parsed into a ForecastProblem. Pure: the caller reads
// the file. Every error names the file and the line.
// - BdM CSV (jmckib/dmasad's EUM ports): header Actor,Capability,Position,Salience; salience 0–1.
// - DECIDE (decide-exchange-model): TAB-separated records '#A' actor, '#P' issue, '#M' scale point,
//   '#D' actor issue position salience power; quoted text fields; '#0' and '#/' lines are comments.
// - DEU I+II+III (blksv/predictioneers_game's deu3.csv): TAB-separated, row 2 a GDP-like capability
//   row, p<actor>/s<actor> positions and saliences on 0–100, out the real outcome (validation/README.md).
// Every number is checked with zod (issue 21): finite, and within its field's range (positions within
// ±MAX_POSITION, capabilities up to MAX_CAPABILITY), and a file must hold something to forecast.
import { z } from 'zod'
import {
  type InputErrorCode,
  LocatedInputError,
  type LocatedProblem,
  numberProblem,
} from '../../core/index.ts'
import type { ForecastIssue, ForecastProblem } from './problem.ts'

export type ForecastFormat = 'bdm' | 'decide' | 'deu'

/** The largest magnitude of a position read: any scale of the literature, far from overflowing. */
export const MAX_POSITION = 1e9
/** The largest capability read (a GDP in dollars fits). */
export const MAX_CAPABILITY = 1e15

export function detectFormat(text: string): ForecastFormat | undefined {
  const first = text.split('\n').find((l) => l.trim() !== '') ?? ''
  if (/^\s*'?#[APMD]'?\s/.test(first) || text.includes("'#D'")) return 'decide'
  if (/^\s*"?prnrnmc"?\t/.test(first)) return 'deu'
  if (/^\s*actor\s*,\s*capability\s*,\s*position\s*,\s*salience\s*$/i.test(first)) return 'bdm'
  return undefined
}

interface Problem {
  line: number
  message: string
  path?: string
  code?: InputErrorCode
}

function fail(file: string, problems: Problem[]): never {
  throw new LocatedInputError(
    problems.map(
      (p): LocatedProblem => ({
        file,
        line: p.line,
        column: p.line > 0 ? 1 : 0,
        path: p.path ?? '',
        message: p.message,
        ...(p.code === undefined ? {} : { code: p.code }),
      }),
    ),
  )
}

/** A number cell from `min` to `max`, read from its text. */
const cell = (min?: number, max?: number) =>
  z.string().transform((text, ctx) => {
    const problem = numberProblem(text, min, max)
    if (problem === undefined) return Number(text)
    ctx.addIssue({ code: 'custom', message: problem.message, params: { code: problem.code } })
    return z.NEVER
  })
const Position = cell(-MAX_POSITION, MAX_POSITION)

/**
 * `values` read by `schema`, or undefined after adding each problem at `line`: under the field as path,
 * or under `path` with the field before the message, or with `prefix` and the field before it.
 */
function readCells<S extends z.ZodType>(
  schema: S,
  values: Record<string, string>,
  line: number,
  problems: Problem[],
  where: { path?: string; prefix?: string } = {},
): z.output<S> | undefined {
  const parsed = schema.safeParse(values)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '')
    const code = (issue.code === 'custom' ? issue.params?.code : undefined) as InputErrorCode | undefined
    const located =
      where.path !== undefined
        ? { path: where.path, message: `${field}: ${issue.message}` }
        : where.prefix !== undefined
          ? { message: `${where.prefix} ${field}: ${issue.message}` }
          : { path: field, message: issue.message }
    problems.push({ line, ...located, ...(code === undefined ? {} : { code }) })
  }
  return undefined
}

/** Whether some actor has capability × salience above 0: else no model has anything to weigh. */
const carriesWeight = (actors: readonly { capability: number; salience: number }[]) =>
  actors.some((a) => a.capability * a.salience > 0)
const NO_WEIGHT = 'no actor carries weight: capability × salience is 0 for every actor'

const BdmRow = z.object({
  Capability: cell(0, MAX_CAPABILITY),
  Position,
  Salience: cell(0, 1),
})

export function parseBdmCsv(text: string, file: string): ForecastProblem {
  const lines = text.split(/\r?\n/)
  const header = lines[0]
    ?.trim()
    .split(',')
    .map((h) => h.trim().toLowerCase())
  if (header?.join(',') !== 'actor,capability,position,salience') {
    fail(file, [{ line: 1, message: 'expected the header Actor,Capability,Position,Salience' }])
  }
  const problems: Problem[] = []
  const actors = lines.slice(1).flatMap((line, k) => {
    if (line.trim() === '') return []
    const cells = line.split(',').map((x) => x.trim())
    const n = k + 2
    if (cells.length !== 4) {
      problems.push({
        line: n,
        path: '',
        message: `expected 4 fields, got ${cells.length}`,
        code: 'malformed',
      })
      return []
    }
    const [party = '', c = '', x = '', s = ''] = cells
    const row = readCells(BdmRow, { Capability: c, Position: x, Salience: s }, n, problems)
    return row === undefined
      ? []
      : [{ party, capability: row.Capability, position: row.Position, salience: row.Salience }]
  })
  if (actors.length === 0 && problems.length === 0)
    problems.push({ line: 2, path: '', message: 'no actors', code: 'missing' })
  else if (problems.length === 0 && !carriesWeight(actors)) problems.push({ line: 0, message: NO_WEIGHT })
  if (problems.length > 0) fail(file, problems)
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (const a of actors) {
    min = Math.min(min, a.position)
    max = Math.max(max, a.position)
  }
  return {
    source: file,
    capability: 'Capability column',
    issues: [{ id: 'issue', name: 'issue', min, max, actors }],
  }
}

const DecideData = z.object({ position: Position, power: cell(0, MAX_CAPABILITY) })
const DecidePoint = z.object({ position: Position })

interface DecideIssue {
  name: string
  line: number
  min: number
  max: number
  actors: ForecastIssue['actors']
}

const unquote = (f: string | undefined) => (f ?? '').trim().replace(/^'(.*)'$/, '$1')

/** The '#A', '#P' and '#M' records, and the '#D' lines for later (they may come before their '#P'). */
function readDecideRecords(text: string, problems: Problem[]) {
  const actors = new Map<string, string>()
  const issues = new Map<string, DecideIssue>()
  const data: { line: number; fields: string[] }[] = []
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = k + 1
    if (raw.trim() === '' || /^\s*'?#[0/]/.test(raw)) return
    const fields = raw.split('\t')
    const kind = unquote(fields[0])
    if (kind === '#A') actors.set(unquote(fields[1]), unquote(fields[2]) || unquote(fields[1]))
    else if (kind === '#P')
      issues.set(unquote(fields[1]), {
        name: unquote(fields[2]) || unquote(fields[1]),
        line,
        min: Number.POSITIVE_INFINITY,
        max: Number.NEGATIVE_INFINITY,
        actors: [],
      })
    else if (kind === '#M') {
      const issue = issues.get(unquote(fields[1]))
      if (issue === undefined) {
        problems.push({
          line,
          message: `'#M' names an unknown issue "${unquote(fields[1])}"; define it with '#P' first`,
        })
        return
      }
      const point = readCells(DecidePoint, { position: fields[2] ?? '' }, line, problems, { prefix: "'#M'" })
      if (point === undefined) return
      issue.min = Math.min(issue.min, point.position)
      issue.max = Math.max(issue.max, point.position)
    } else if (kind === '#D') data.push({ line, fields })
    else problems.push({ line, message: `unknown record "${kind}"; expected '#A', '#P', '#M' or '#D'` })
  })
  return { actors, issues, data }
}

export function parseDecide(text: string, file: string): ForecastProblem {
  const problems: Problem[] = []
  const { actors, issues, data } = readDecideRecords(text, problems)
  for (const { line, fields } of data) {
    const actor = unquote(fields[1])
    const issue = issues.get(unquote(fields[2]))
    const [x, s, c] = [fields[3], fields[4], fields[5]].map(Number)
    if (!actors.has(actor)) problems.push({ line, message: `'#D' names an unknown actor "${actor}"` })
    else if (issue === undefined)
      problems.push({ line, message: `'#D' names an unknown issue "${unquote(fields[2])}"` })
    else if (
      ![x, s, c].every((v) => Number.isFinite(v)) ||
      (s as number) < 0 ||
      (s as number) > 1 ||
      (c as number) < 0
    ) {
      problems.push({
        line,
        message: `'#D' expects position, salience (0–1) and power (≥ 0) as numbers, got "${fields.slice(3, 6).join('", "')}"`,
      })
    } else {
      const d = readCells(DecideData, { position: fields[3] ?? '', power: fields[5] ?? '' }, line, problems, {
        prefix: "'#D'",
      })
      if (d !== undefined)
        issue.actors.push({ party: actor, position: d.position, salience: s as number, capability: d.power })
    }
  }
  if (issues.size === 0 && problems.length === 0)
    problems.push({ line: 1, message: "no issues: expected '#P' records", code: 'missing' })
  else if (data.length === 0 && problems.length === 0)
    problems.push({
      line: 0,
      message: "no '#D' records: no actor has a position on any issue",
      code: 'missing',
    })
  else if (problems.length === 0)
    for (const [id, issue] of issues)
      if (issue.actors.length === 0)
        problems.push({
          line: issue.line,
          message: `issue "${id}" has no actor: no '#D' record places one on it`,
          code: 'missing',
        })
      else if (!carriesWeight(issue.actors))
        problems.push({ line: issue.line, message: `issue "${id}": ${NO_WEIGHT} on it` })
  if (problems.length > 0)
    fail(
      file,
      problems.sort((a, b) => a.line - b.line),
    )
  // Actors in '#A' order on every issue, as the exchange model's tie rule needs.
  const order = [...actors.keys()]
  return {
    source: file,
    capability: "'#D' power",
    actors: order,
    issues: [...issues].map(([id, i]) => ({
      id,
      name: i.name,
      min: Number.isFinite(i.min) ? i.min : 0,
      max: Number.isFinite(i.max) ? i.max : 100,
      actors: [...i.actors].sort((a, b) => order.indexOf(a.party) - order.indexOf(b.party)),
    })),
  }
}

const DeuCells = z.object({ position: cell(0, 100), salience: cell(0, 100) })
const DeuOutcome = z.object({ out: cell(0, 100) })
const Gdp = z.object({ capability: cell(0, MAX_CAPABILITY) })

/** DEU: with `capability: 'gdp'` the GDP-like row 2 stands for capability, else every actor counts 1. */
export function parseDeu(
  text: string,
  file: string,
  { capability = 'none' as 'none' | 'gdp' } = {},
): ForecastProblem {
  const rows = text.split(/\r?\n/).map((l) => l.split('\t').map((c) => c.trim().replace(/^"(.*)"$/, '$1')))
  const header = rows[0] ?? []
  const col = (name: string) => header.indexOf(name)
  for (const required of ['isnr', 'out', 'prnr'])
    if (col(required) < 0)
      fail(file, [{ line: 1, message: `no "${required}" column in the header`, code: 'missing' }])
  const actorNames = header
    .filter(
      (h) => /^p[a-z]{2,3}$/.test(h) && h !== 'prnr' && h !== 'prname' && h !== 'proc' && h !== 'proccde',
    )
    .map((h) => h.slice(1))
  const problems: Problem[] = []
  const gdp = new Map<string, number | undefined>()
  const capabilityOf = (a: string) => {
    if (capability !== 'gdp') return 1
    if (!gdp.has(a)) {
      const value = rows[1]?.[col(`p${a}`)] ?? ''
      gdp.set(a, readCells(Gdp, { capability: value }, 2, problems, { path: `p${a}` })?.capability)
    }
    return gdp.get(a)
  }
  const issues: ForecastIssue[] = []
  rows.slice(2).forEach((row, k) => {
    const line = k + 3
    if (row.length <= 1) return
    const out = row[col('out')] ?? ''
    if (out === '') return // no outcome: not scorable
    const actors = actorNames.flatMap((a) => {
      const p = row[col(`p${a}`)] ?? ''
      const s = row[col(`s${a}`)] ?? ''
      if (p === '' || s === '') return []
      if (!Number.isFinite(Number(p)) || !Number.isFinite(Number(s))) {
        problems.push({
          line,
          path: a,
          message: `position or salience of ${a} is not a number: "${p}", "${s}"`,
          code: 'not-finite',
        })
        return []
      }
      const cells = readCells(DeuCells, { position: p, salience: s }, line, problems, { path: a })
      const c = capabilityOf(a)
      if (cells === undefined || c === undefined) return []
      return [{ party: a, position: cells.position, salience: cells.salience / 100, capability: c }]
    })
    const outcome = readCells(DeuOutcome, { out }, line, problems)?.out
    // The scoring rule needs at least 3 actors, and some weight among them (a salience above 0).
    if (actors.length < 3 || outcome === undefined || !carriesWeight(actors)) return
    issues.push({
      id: row[col('isnr')] ?? `row${line}`,
      name: row[col('isnr')] ?? '',
      min: 0,
      max: 100,
      actors,
      outcome,
      group: row[col('prnr')] ?? '',
    })
  })
  if (issues.length === 0 && problems.length === 0)
    problems.push({
      line: 0,
      message:
        'no scorable issue: each needs an outcome ("out") and at least 3 actors with a position and a salience',
      code: 'missing',
    })
  if (problems.length > 0) fail(file, problems)
  return {
    source: file,
    capability: capability === 'gdp' ? 'GDP-like row 2 of deu3.csv' : 'none (every actor 1)',
    issues,
  }
}
