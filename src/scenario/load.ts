// The only door into a scenario: text → YAML document → zod → cross-references → verbatim quotes.
// Every problem found on the way is reported at once, each located at file:line:col and field path.
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { LineCounter, parseDocument, visit } from 'yaml'
import type { z } from 'zod'
import { formatPath, LocatedInputError, type LocatedProblem } from '../core/index.ts'
import { locate } from './_locate.ts'
import { describeIssue } from './_messages.ts'
import { allEvidence, checkReferences, type PartialScenario, type Problem } from './references.ts'
import { Id, Meta, Scenario, sectionElements } from './schema.ts'

export interface ParseOptions {
  /** The name errors are reported under. */
  file: string
  /**
   * Reads a source's article text, given the `file` field of the source. Quotes are checked
   * against it. Throws when the file cannot be read.
   */
  readSource: (sourceFile: string) => string
}

/** Reads and validates a scenario file (YAML or JSON). Throws LocatedInputError listing every problem. */
export async function loadScenario(file: string): Promise<Scenario> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new LocatedInputError([
      { file, line: 0, column: 0, path: '', message: `cannot read: ${reason(error)}` },
    ])
  }
  return parseScenario(text, {
    file,
    readSource: (sourceFile) => readFileSync(resolveSource(file, sourceFile), 'utf8'),
  })
}

/** The path of a source's article file: its `file` field is relative to the scenario file. */
export function resolveSource(scenarioFile: string, sourceFile: string): string {
  return resolve(dirname(scenarioFile), sourceFile)
}

/** Validates scenario text. Pure apart from `readSource`. */
export function parseScenario(text: string, options: ParseOptions): Scenario {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const at = (line: number, column: number, path: string, message: string): LocatedProblem => ({
    file: options.file,
    line,
    column,
    path,
    message,
  })

  if (doc.errors.length > 0) {
    throw new LocatedInputError(
      doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0])
        return at(line, col, '', `invalid YAML: ${e.message}`)
      }),
    )
  }
  let raw: unknown
  try {
    raw = doc.toJS()
  } catch (error) {
    // The parser accepts what only building the values rejects, such as an alias to no anchor (`*x`).
    let where = { line: 0, col: 0 }
    visit(doc, {
      Alias(_, node) {
        if (where.line === 0 && node.range && node.resolve(doc) === undefined)
          where = lines.linePos(node.range[0])
      },
    })
    throw new LocatedInputError([at(where.line, where.col, '', `invalid YAML: ${(error as Error).message}`)])
  }
  if (raw === null || raw === undefined) {
    throw new LocatedInputError([
      at(0, 0, '', 'the file is empty; expected a scenario with meta, parties and issues'),
    ])
  }

  const locateProblem = (problem: Problem, key?: string): LocatedProblem => {
    const { line, column } = locate(doc, lines, problem.path, key)
    return at(line, column, formatPath(problem.path), problem.message)
  }

  const problems: LocatedProblem[] = []
  const parsed = Scenario.safeParse(raw, { reportInput: true })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol')
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
      problems.push(locateProblem({ path, message: describeIssue(issue, Scenario) }, key))
    }
  }

  const partial = parsed.success ? parsed.data : salvage(raw)
  const found = [...checkReferences(partial), ...checkQuotes(partial, options)]
  problems.push(...found.map((p) => locateProblem(p)))

  if (problems.length > 0 || !parsed.success) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column)
    throw new LocatedInputError(problems)
  }
  return parsed.data
}

/** The valid elements of each section of a file that failed the schema, holes where one did not parse. */
function salvage(raw: unknown): PartialScenario {
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const section = <T>(name: keyof typeof sectionElements): (T | undefined)[] => {
    const list = record[name]
    if (!Array.isArray(list)) return []
    const schema = sectionElements[name] as unknown as z.ZodType<T>
    return list.map((element) => {
      const r = schema.safeParse(element)
      return r.success ? r.data : undefined
    })
  }
  const declared = (name: 'sources' | 'parties' | 'issues' | 'conditions' | 'events') => {
    const list = record[name]
    if (!Array.isArray(list)) return []
    return list.map((element) => {
      const id = Id.safeParse((element as { id?: unknown } | null)?.id)
      return id.success ? id.data : undefined
    })
  }
  const meta = Meta.safeParse(record.meta)
  return {
    declared: {
      sources: declared('sources'),
      parties: declared('parties'),
      issues: declared('issues'),
      conditions: declared('conditions'),
      events: declared('events'),
    },
    meta: meta.success ? meta.data : undefined,
    sources: section('sources'),
    parties: section('parties'),
    issues: section('issues'),
    stances: section('stances'),
    conditions: section('conditions'),
    events: section('events'),
    items: section('items'),
  }
}

/** Every quote must appear verbatim in its source's file, compared after collapsing whitespace. */
function checkQuotes(s: PartialScenario, options: ParseOptions): Problem[] {
  const problems: Problem[] = []
  const texts = new Map<string, string>()
  s.sources.forEach((source, i) => {
    if (source === undefined || texts.has(source.id)) return
    try {
      texts.set(source.id, collapseWhitespace(options.readSource(source.file)))
    } catch (error) {
      problems.push({
        path: ['sources', i, 'file'],
        message: `cannot read the source file: ${reason(error)}`,
      })
    }
  })
  for (const { path, evidence } of allEvidence(s)) {
    const text = texts.get(evidence.source)
    if (text !== undefined && !text.includes(collapseWhitespace(evidence.quote))) {
      problems.push({
        path: [...path, 'quote'],
        message: `quote not found verbatim in source "${evidence.source}" (compared after collapsing whitespace): "${truncate(evidence.quote, 60)}"`,
      })
    }
  }
  return problems
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
