// What the server serves: one scenario file (with what-if changes applied on request) and one store.
// It keeps the scenario text and its sources' texts in memory, and remembers recent analyses by their
// inputs; the analyses themselves are the library's.
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { type AnalysisOptions, analyzeScenario, type ScenarioAnalyses } from '../analyze/index.ts'
import { ANALYSIS_DEFAULTS, InputError } from '../core/index.ts'
import { proposeUpdates, selectUpdates, type UpdateSet, writeUpdates } from '../draft/index.ts'
import { type Lexicon, loadLexicon } from '../extract/index.ts'
import {
  relativeTo,
  type StoredMoves,
  sourceHashes,
  storedArticles,
  storedMoves,
  withSourceIds,
} from '../pipeline/index.ts'
import {
  applyWhatIf,
  parseScenario,
  resolveSource,
  type Scenario,
  type WhatIfChange,
} from '../scenario/index.ts'
import type { Store } from '../store/index.ts'
import { NotFound } from './_validate.ts'

export interface Workspace {
  store: Store
  file: string
  /** The case the scenario belongs to. */
  case: { id: string; name: string }
  /** The scenario as the file says, or with the what-if changes made. */
  scenario(changes?: readonly WhatIfChange[]): Scenario
  /** The scenario text with the changes made, to save as a new file. */
  text(changes?: readonly WhatIfChange[]): string
  /** The analyses of the scenario with the changes made (src/analyze: one set of defaults). */
  analyses(changes: readonly WhatIfChange[], options?: AnalysisOptions): ScenarioAnalyses
  /** The changes the store's articles that the scenario does not cite propose to it (`scenario update`). */
  updates(): Promise<UpdateSet>
  /** The scenario text with the accepted changes written and recorded in its history. */
  applyUpdates(accept: readonly string[], acceptedOn: string): Promise<string>
  /** What moved from `since` (default: a month before the newest article) to `until`. */
  moves(
    since: string | undefined,
    until: string | undefined,
    trajectories?: boolean,
  ): Promise<StoredMoves & { range: { first: string | null; last: string | null } }>
}

/** What a route reads from its request's context: the workspace of the case the dashboard shows. */
export type CaseEnv = { Variables: { ws: Workspace } }

/** The cases one server serves: the dashboard switches between them. */
export interface CaseSet {
  /** The cases, the default first. */
  readonly cases: readonly { id: string; name: string }[]
  /** The workspace of case `id`, or of the default one; opened on first use. */
  open(id?: string | undefined): Promise<Workspace>
}

/** One workspace as a set of one case. */
export function singleCase(ws: Workspace): CaseSet {
  return {
    cases: [ws.case],
    open: async (id) => {
      if (id !== undefined && id !== ws.case.id)
        throw new NotFound(`no case ${id}; this server serves ${ws.case.id}`)
      return ws
    },
  }
}

/**
 * The claims of a window the dashboard reads at most, from its start: on 100,000 articles a month holds
 * about 25,000, and reading 5,000 took 180–330 ms and placing them 160–170 ms (docs/performance.md).
 */
export const DASHBOARD_CHANGES_LIMIT = 2000

/** The day 30 days before `day` (YYYY-MM-DD). */
export function monthBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 30)
  return d.toISOString().slice(0, 10)
}

/** How many scenarios and analysis bundles are kept, most recent first. */
const MEMO_SIZE = 64

/** A map that keeps its `size` most recently used entries. */
function recentlyUsed<T>(size: number): (key: string, compute: () => T) => T {
  const memo = new Map<string, T>()
  return (key, compute) => {
    if (memo.has(key)) {
      const value = memo.get(key) as T
      memo.delete(key)
      memo.set(key, value)
      return value
    }
    const value = compute()
    memo.set(key, value)
    if (memo.size > size) memo.delete(memo.keys().next().value as string)
    return value
  }
}

export interface WorkspaceOptions {
  /** The case's lexicon, read for the updates and the moves. */
  lexicon: string
  /** The case, as the dashboard names it. */
  case: { id: string; name: string }
  /** The event types the scenario may use (the case's); any id when not given. */
  eventTypes?: readonly string[] | undefined
}

export async function openWorkspace(
  file: string,
  store: Store,
  options: WorkspaceOptions,
): Promise<Workspace> {
  let original: string
  try {
    original = await readFile(file, 'utf8')
  } catch (error) {
    throw new InputError(`${file}: cannot read: ${(error as Error).message}`)
  }
  const readSource = sourceReader(file)
  const scenarios = recentlyUsed<Scenario>(MEMO_SIZE)
  const bundles = recentlyUsed<ScenarioAnalyses>(MEMO_SIZE)
  const text = (changes: readonly WhatIfChange[] = []) =>
    changes.length === 0 ? original : applyWhatIf(original, changes)
  const scenario = (changes: readonly WhatIfChange[] = []) =>
    scenarios(JSON.stringify(changes), () =>
      parseScenario(text(changes), {
        eventTypes: options.eventTypes,
        file: changes.length === 0 ? file : `${basename(file)} with the what-if changes`,
        readSource,
      }),
    )
  // Validate the file now, so a broken scenario stops the server before it listens.
  scenario()
  // Read now, so that a broken lexicon stops the server before it listens.
  const read = await loadLexicon(options.lexicon)
  const lexicon = async () => read
  const updates = storeUpdates(file, store, scenario, lexicon)
  return {
    store,
    file,
    case: options.case,
    scenario,
    text,
    analyses: (changes, asked = {}) => {
      // Keyed with the defaults filled in, so that every view of the same scenario shares one bundle.
      const options = {
        rounds: asked.rounds ?? ANALYSIS_DEFAULTS.rounds,
        draws: asked.draws ?? ANALYSIS_DEFAULTS.draws,
        seed: asked.seed ?? ANALYSIS_DEFAULTS.seed,
        parties: asked.parties,
      }
      return bundles(JSON.stringify([changes, options]), () => analyzeScenario(scenario(changes), options))
    },
    updates,
    moves: async (since, until, trajectories = false) => {
      const range = await store.dateRange()
      // By default, the month up to the newest article: what moved lately, whenever the corpus ends.
      const from = since ?? (range.last === null ? '1970-01-01' : monthBefore(range.last))
      const moved = await storedMoves(store, {
        since: from,
        until,
        lexicon: await lexicon(),
        trajectories,
        limit: DASHBOARD_CHANGES_LIMIT,
      })
      return { ...moved, range }
    },
    applyUpdates: async (accept, acceptedOn) => {
      const set = await updates()
      const updated = writeUpdates(original, set, selectUpdates(set, accept), acceptedOn)
      parseScenario(updated, {
        file: `${basename(file)} with the accepted changes`,
        readSource,
        eventTypes: options.eventTypes,
      })
      return updated
    },
  }
}

/** Reads the scenario's source files, each once. */
function sourceReader(file: string): (sourceFile: string) => string {
  const sources = new Map<string, string>()
  return (sourceFile) => {
    const path = resolveSource(file, sourceFile)
    let text = sources.get(path)
    if (text === undefined) {
      text = readFileSync(path, 'utf8')
      sources.set(path, text)
    }
    return text
  }
}

/** The value of `compute`, computed on the first call and kept. */
function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined
  return () => {
    value ??= { v: compute() }
    return value.v
  }
}

/**
 * The changes that the store's articles the scenario does not cite propose to it, recomputed when the
 * store's counts change (a running ingest adds articles).
 */
function storeUpdates(
  file: string,
  store: Store,
  scenario: () => Scenario,
  lexicon: () => Promise<Lexicon>,
): () => Promise<UpdateSet> {
  const known = once(() => sourceHashes(scenario().sources.map((s) => resolveSource(file, s.file))))
  let last: { counts: string; set: Promise<UpdateSet> } | undefined
  return async () => {
    const counts = JSON.stringify(await store.counts())
    if (last?.counts !== counts) {
      const set = (async () => {
        const taken = new Set(scenario().sources.map((s) => s.id))
        const articles = withSourceIds(await storedArticles(store, relativeTo(dirname(resolve(file)))), taken)
        return proposeUpdates(scenario(), articles, await lexicon(), { knownHashes: await known() })
      })()
      last = { counts, set }
    }
    return last.set
  }
}
