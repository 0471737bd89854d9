// Reads a YAML or JSON text against a zod schema, and maps every problem back to the line and column of
// the node it is about: `file:line:col field: problem`, all of them at once. JSON is read as YAML (its
// superset in practice), so both formats get the same positions and messages.
import { type Document, LineCounter, parseDocument, visit } from 'yaml'
import type { z } from 'zod'
import { formatPath, LocatedInputError, type LocatedProblem } from '../core/index.ts'
import { locate } from './_locate.ts'
import { describeIssue, flattenUnions, type Issue } from './_messages.ts'

/** A problem found in the value, at its path into it; located when the text is read. */
export interface Problem {
  path: readonly (string | number)[]
  message: string
  /** For an unknown field: its name, so the problem points at the key rather than at its mapping. */
  key?: string | undefined
}

export interface ReadOptions<T> {
  /** The name errors are reported under. */
  file: string
  /** What the file should hold, for the message on an empty file: "a scenario with meta, parties and issues". */
  expected: string
  /** Said after "empty (expected …)" for a field left empty (`key:` with no value). */
  emptyHint?: string
  /**
   * Several unknown fields of one mapping: one problem each, at its key and with its own "did you mean"
   * (`each`, the default), or one problem at the first key naming them all (`grouped`).
   */
  unknownKeys?: 'each' | 'grouped'
  /**
   * Checks beyond the schema, on the parsed value, or on the raw value (`data` undefined) when the schema
   * failed, so that a file with one bad field still gets every other problem reported.
   */
  check?: (data: T | undefined, raw: unknown) => Problem[]
}

/**
 * The text's value, parsed by `schema`. Throws LocatedInputError listing every problem, in the order of
 * the text: invalid YAML alone (nothing else can be read then), or the schema's issues and `check`'s.
 */
export function readLocated<S extends z.ZodType>(
  text: string,
  schema: S,
  options: ReadOptions<z.output<S>>,
): z.output<S> {
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
  const raw = plainValues(doc, lines, at)
  if (raw === null || raw === undefined) {
    throw new LocatedInputError([at(0, 0, '', `the file is empty; expected ${options.expected}`)])
  }

  const locateProblem = (problem: Problem): LocatedProblem => {
    const { line, column } = locate(doc, lines, problem.path, problem.key)
    return at(line, column, formatPath(problem.path), problem.message)
  }

  const problems: LocatedProblem[] = []
  const parsed = schema.safeParse(raw, { reportInput: true })
  if (!parsed.success) {
    for (const issue of flattenUnions(parsed.error.issues)) {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol')
      const describe = (i: Issue) => describeIssue(i, schema, { emptyHint: options.emptyHint })
      if (issue.code !== 'unrecognized_keys') problems.push(locateProblem({ path, message: describe(issue) }))
      else if (options.unknownKeys === 'grouped')
        problems.push(locateProblem({ path, message: describe(issue), key: issue.keys[0] }))
      else
        for (const key of issue.keys)
          problems.push(locateProblem({ path, message: describe({ ...issue, keys: [key] }), key }))
    }
  }
  const found = options.check?.(parsed.success ? parsed.data : undefined, raw) ?? []
  problems.push(...found.map(locateProblem))

  if (problems.length > 0 || !parsed.success) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column)
    throw new LocatedInputError(problems)
  }
  return parsed.data
}

/** The document as plain values; building them throws on what the parser accepts, such as `*x` with no anchor. */
function plainValues(
  doc: Document,
  lines: LineCounter,
  at: (line: number, column: number, path: string, message: string) => LocatedProblem,
): unknown {
  try {
    return doc.toJS()
  } catch (error) {
    let where = { line: 0, col: 0 }
    visit(doc, {
      Alias(_, node) {
        if (where.line === 0 && node.range && node.resolve(doc) === undefined)
          where = lines.linePos(node.range[0])
      },
    })
    throw new LocatedInputError([at(where.line, where.col, '', `invalid YAML: ${(error as Error).message}`)])
  }
}
