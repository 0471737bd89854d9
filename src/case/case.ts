// A case as the commands use it: its file read and its paths resolved, and how a command finds it:
// `--case DIR`, else the nearest parley.yaml above the file or folder it works on, else above the
// working directory (as git finds .git). Without any, the bundled case, said so: never silently.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { InputError } from '../core/index.ts'
import { readErrorReason, readLocated, readTextFile } from '../locate/index.ts'
import { bundledCaseDir } from '../paths.ts'
import { CaseFile } from './schema.ts'

export const CASE_FILE = 'parley.yaml'

export interface Case {
  /** The case folder, absolute. */
  dir: string
  /** Its parley.yaml, absolute. */
  file: string
  id: string
  name: string
  about?: string | undefined
  /** Absolute paths. */
  corpus: string[]
  feeds: string[]
  lexicon: string
  scenario?: string | undefined
  /** The store's location: an absolute folder or a postgres:// URL. */
  store: string
  /** The event types it lists; undefined: the general ones and its lexicon's own (eventTypesOf). */
  eventTypes?: string[] | undefined
  /** The case that ships with Parley, used when no other is found. */
  bundled: boolean
}

/** Reads a case file (parley.yaml, or the folder holding one). */
export async function loadCase(path: string): Promise<Case> {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, CASE_FILE) : path
  let text: string
  try {
    // A regular file of at most 20 MB (PARLEY_MAX_FILE_MB raises it): a FIFO or a device is refused unread.
    text = await readTextFile(file)
  } catch (error) {
    throw new InputError(`${file}: cannot read the case file: ${readErrorReason(error)}`)
  }
  const c = readLocated(text, CaseFile, { file, expected: 'a case: id, name, corpus and lexicon' })
  const dir = dirname(resolve(file))
  const at = (p: string) => resolve(dir, p)
  return {
    dir,
    file: resolve(file),
    id: c.id,
    name: c.name,
    about: c.about,
    corpus: c.corpus.map(at),
    feeds: c.feeds,
    lexicon: at(c.lexicon),
    scenario: c.scenario === undefined ? undefined : at(c.scenario),
    store: c.store === undefined ? join(dir, '.parley', 'db') : isUrl(c.store) ? c.store : at(c.store),
    eventTypes: c.event_types,
    bundled: resolve(dir) === resolve(bundledCaseDir),
  }
}

const isUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s)

/** The nearest parley.yaml in `from` (a file's folder, or a folder) or above it. */
export function findCaseFile(from: string): string | undefined {
  let dir = resolve(from)
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir)
  for (;;) {
    const file = join(dir, CASE_FILE)
    if (existsSync(file)) return file
    const up = dirname(dir)
    if (up === dir) return undefined
    dir = up
  }
}

export interface CaseQuery {
  /** `--case DIR` (or its parley.yaml). */
  case?: string | undefined
  /** The files or folders the command works on, looked above first. */
  near?: readonly string[] | undefined
  cwd?: string | undefined
}

/** The case a command works in, and how it was found. */
export async function findCase(
  q: CaseQuery = {},
): Promise<{ case: Case; how: 'option' | 'found' | 'bundled' }> {
  if (q.case !== undefined) return { case: await loadCase(q.case), how: 'option' }
  for (const start of [...(q.near ?? []), q.cwd ?? process.cwd()]) {
    const file = findCaseFile(start)
    if (file !== undefined) return { case: await loadCase(file), how: 'found' }
  }
  return { case: await loadCase(bundledCaseDir), how: 'bundled' }
}

/** The case files in `root` or in the folders below it, up to `depth` levels down: a workspace of cases. */
export function caseFilesBelow(root: string, depth = 2): string[] {
  const here = join(resolve(root), CASE_FILE)
  if (existsSync(here)) return [here]
  if (depth === 0) return []
  let names: string[]
  try {
    names = readdirSync(root)
  } catch {
    return []
  }
  return names
    .filter((n) => !n.startsWith('.') && n !== 'node_modules')
    .map((n) => join(resolve(root), n))
    .filter((p) => statSync(p, { throwIfNoEntry: false })?.isDirectory() === true)
    .sort()
    .flatMap((p) => caseFilesBelow(p, depth - 1))
}

/** The event types of a case: those its parley.yaml lists, else the general ones and its lexicon's own. */
export async function eventTypesOf(c: Case): Promise<string[]> {
  if (c.eventTypes !== undefined) return c.eventTypes
  // Loaded only here: a command that loads a scenario of a case that lists its types loads no extractor.
  const { eventTypesFor, loadLexicon } = await import('../extract/index.ts')
  return eventTypesFor(await loadLexicon(c.lexicon))
}
