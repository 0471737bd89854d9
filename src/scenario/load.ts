// The only door into a scenario: text → YAML document → zod → cross-references → verbatim quotes.
// Every problem found on the way is reported at once, each located at file:line:col and field path.
import { dirname, resolve } from 'node:path'
import type { z } from 'zod'
import { LocatedInputError } from '../core/index.ts'
import { readErrorReason, readLocated, readTextFile, readTextFileSync } from '../locate/index.ts'
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
  /** The event types the scenario may use (its case's); any id when not given. */
  eventTypes?: readonly string[] | undefined
}

/**
 * Reads and validates a scenario file (YAML or JSON). Throws LocatedInputError listing every problem.
 * Only regular files are read: the scenario up to 20 MB, each source up to 5 MB (PARLEY_MAX_FILE_MB sets
 * both; src/locate/bounded.ts). A device, FIFO or socket, as the file or as a source, is refused unread.
 */
export async function loadScenario(
  file: string,
  options: { eventTypes?: readonly string[] | undefined } = {},
): Promise<Scenario> {
  let text: string
  try {
    text = await readTextFile(file, 'file')
  } catch (error) {
    throw new LocatedInputError([
      { file, line: 0, column: 0, path: '', message: `cannot read: ${readErrorReason(error)}` },
    ])
  }
  return parseScenario(text, {
    file,
    readSource: (sourceFile) => readTextFileSync(resolveSource(file, sourceFile), 'source'),
    eventTypes: options.eventTypes,
  })
}

/** The path of a source's article file: its `file` field is relative to the scenario file. */
export function resolveSource(scenarioFile: string, sourceFile: string): string {
  return resolve(dirname(scenarioFile), sourceFile)
}

/** Validates scenario text. Pure apart from `readSource`. */
export function parseScenario(text: string, options: ParseOptions): Scenario {
  return readLocated(text, Scenario, {
    file: options.file,
    expected: 'a scenario with meta, parties and issues',
    emptyHint: 'a drafted number no claim supports; fill it in with evidence or an assumption',
    // One problem for a mapping's unknown fields, as scenario errors have always read.
    unknownKeys: 'grouped',
    check: (data, raw) => {
      const partial = data ?? salvage(raw)
      return [...checkReferences(partial, options.eventTypes), ...checkQuotes(partial, options)]
    },
  })
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
