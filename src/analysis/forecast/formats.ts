// Text formats of the forecasting literature, parsed into a ForecastProblem. Pure: the caller reads
// the file. Every error names the file and the line.
// - BdM CSV (jmckib/dmasad's EUM ports): header Actor,Capability,Position,Salience; salience 0–1.
// - DECIDE (decide-exchange-model): TAB-separated records '#A' actor, '#P' issue, '#M' scale point,
//   '#D' actor issue position salience power; quoted text fields; '#0' and '#/' lines are comments.
// - DEU I+II+III (blksv/predictioneers_game's deu3.csv): TAB-separated, row 2 a GDP-like capability
//   row, p<actor>/s<actor> positions and saliences on 0–100, out the real outcome (validation/README.md).
import { LocatedInputError, type LocatedProblem } from '../../core/index.ts'
import type { ForecastIssue, ForecastProblem } from './problem.ts'

export type ForecastFormat = 'bdm' | 'decide' | 'deu'

export function detectFormat(text: string): ForecastFormat | undefined {
  const first = text.split('\n').find((l) => l.trim() !== '') ?? ''
  if (/^\s*'?#[APMD]'?\s/.test(first) || text.includes("'#D'")) return 'decide'
  if (/^\s*"?prnrnmc"?\t/.test(first)) return 'deu'
  if (/^\s*actor\s*,\s*capability\s*,\s*position\s*,\s*salience\s*$/i.test(first)) return 'bdm'
  return undefined
}

function fail(file: string, problems: { line: number; message: string; path?: string }[]): never {
  throw new LocatedInputError(
    problems.map(
      (p): LocatedProblem => ({ file, line: p.line, column: 1, path: p.path ?? '', message: p.message }),
    ),
  )
}

export function parseBdmCsv(text: string, file: string): ForecastProblem {
  const lines = text.split(/\r?\n/)
  const header = lines[0]
    ?.trim()
    .split(',')
    .map((h) => h.trim().toLowerCase())
  if (header?.join(',') !== 'actor,capability,position,salience') {
    fail(file, [{ line: 1, message: 'expected the header Actor,Capability,Position,Salience' }])
  }
  const problems: { line: number; message: string; path: string }[] = []
  const actors = lines.slice(1).flatMap((line, k) => {
    if (line.trim() === '') return []
    const cells = line.split(',').map((x) => x.trim())
    const n = k + 2
    if (cells.length !== 4) {
      problems.push({ line: n, path: '', message: `expected 4 fields, got ${cells.length}` })
      return []
    }
    const [party = '', c, x, s] = cells
    const num = (
      v: string | undefined,
      field: string,
      lo = Number.NEGATIVE_INFINITY,
      hi = Number.POSITIVE_INFINITY,
    ) => {
      const value = Number(v)
      if (v === '' || !Number.isFinite(value) || value < lo || value > hi) {
        problems.push({
          line: n,
          path: field,
          message: `expected a number${hi < Number.POSITIVE_INFINITY ? ` from ${lo} to ${hi}` : ''}, got "${v}"`,
        })
      }
      return value
    }
    return [
      {
        party,
        capability: num(c, 'Capability', 0),
        position: num(x, 'Position'),
        salience: num(s, 'Salience', 0, 1),
      },
    ]
  })
  if (actors.length === 0 && problems.length === 0) problems.push({ line: 2, path: '', message: 'no actors' })
  if (problems.length > 0) fail(file, problems)
  const xs = actors.map((a) => a.position)
  return {
    source: file,
    capability: 'Capability column',
    issues: [{ id: 'issue', name: 'issue', min: Math.min(...xs), max: Math.max(...xs), actors }],
  }
}

export function parseDecide(text: string, file: string): ForecastProblem {
  const actors = new Map<string, string>()
  const issues = new Map<string, { name: string; points: number[]; actors: ForecastIssue['actors'] }>()
  const problems: { line: number; message: string; path?: string }[] = []
  const unquote = (f: string | undefined) => (f ?? '').trim().replace(/^'(.*)'$/, '$1')
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
        points: [],
        actors: [],
      })
    else if (kind === '#M') {
      const issue = issues.get(unquote(fields[1]))
      const x = Number(fields[2])
      if (issue === undefined)
        problems.push({
          line,
          message: `'#M' names an unknown issue "${unquote(fields[1])}"; define it with '#P' first`,
        })
      else if (!Number.isFinite(x))
        problems.push({ line, message: `'#M' position: expected a number, got "${fields[2]}"` })
      else issue.points.push(x)
    } else if (kind === '#D') data.push({ line, fields })
    else problems.push({ line, message: `unknown record "${kind}"; expected '#A', '#P', '#M' or '#D'` })
  })
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
    } else
      issue.actors.push({
        party: actor,
        position: x as number,
        salience: s as number,
        capability: c as number,
      })
  }
  if (issues.size === 0 && problems.length === 0)
    problems.push({ line: 1, message: "no issues: expected '#P' records" })
  if (problems.length > 0) fail(file, problems)
  // Actors in '#A' order on every issue, as the exchange model's tie rule needs.
  const order = [...actors.keys()]
  return {
    source: file,
    capability: "'#D' power",
    actors: order,
    issues: [...issues].map(([id, i]) => ({
      id,
      name: i.name,
      min: i.points.length > 0 ? Math.min(...i.points) : 0,
      max: i.points.length > 0 ? Math.max(...i.points) : 100,
      actors: [...i.actors].sort((a, b) => order.indexOf(a.party) - order.indexOf(b.party)),
    })),
  }
}

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
    if (col(required) < 0) fail(file, [{ line: 1, message: `no "${required}" column in the header` }])
  const actorNames = header
    .filter(
      (h) => /^p[a-z]{2,3}$/.test(h) && h !== 'prnr' && h !== 'prname' && h !== 'proc' && h !== 'proccde',
    )
    .map((h) => h.slice(1))
  const gdp = rows[1] ?? []
  const problems: { line: number; message: string; path?: string }[] = []
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
      const [x, sal] = [Number(p), Number(s)]
      if (!Number.isFinite(x) || !Number.isFinite(sal)) {
        problems.push({
          line,
          path: a,
          message: `position or salience of ${a} is not a number: "${p}", "${s}"`,
        })
        return []
      }
      const c = capability === 'gdp' ? Number(gdp[col(`p${a}`)]) : 1
      return [{ party: a, position: x, salience: sal / 100, capability: c }]
    })
    if (actors.length < 3) return // the scoring rule needs at least 3 actors
    issues.push({
      id: row[col('isnr')] ?? `row${line}`,
      name: row[col('isnr')] ?? '',
      min: 0,
      max: 100,
      actors,
      outcome: Number(out),
      group: row[col('prnr')] ?? '',
    })
  })
  if (problems.length > 0) fail(file, problems)
  return {
    source: file,
    capability: capability === 'gdp' ? 'GDP-like row 2 of deu3.csv' : 'none (every actor 1)',
    issues,
  }
}
