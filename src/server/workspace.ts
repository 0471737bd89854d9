// What the server serves: one scenario file (with what-if changes applied on request) and one store.
// It keeps the scenario text and its sources' texts in memory, and remembers recent analyses by their
// inputs; the analyses themselves are the library's.
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { analyzeConditions, type ConditionsReport } from '../analysis/conditions/index.ts'
import {
  type Forecast,
  forecast,
  forecastModels,
  NBS_DISAGREEMENT,
  selectModels,
} from '../analysis/forecast/index.ts'
import {
  frontierPair,
  type ScenarioFrontier,
  scenarioFrontier,
  type Zopa,
  zopa,
} from '../analysis/packages/index.ts'
import { mulberry32, type SensitivityReport, sensitivity } from '../analysis/sensitivity/index.ts'
import { InputError } from '../core/index.ts'
import { applyChanges, type ChangeSet, proposeChanges, selectChanges } from '../draft/index.ts'
import { type Lexicon, loadLexicon } from '../extract/index.ts'
import { defaultLexicon } from '../paths.ts'
import {
  relativeTo,
  type StoredChanges,
  sourceHashes,
  storedArticles,
  storedChanges,
  withSourceIds,
} from '../pipeline/index.ts'
import {
  applyWhatIf,
  type EvidenceSummary,
  parseScenario,
  resolveSource,
  type Scenario,
  summarizeEvidence,
  type WhatIfChange,
} from '../scenario/index.ts'
import type { Store } from '../store/index.ts'

export interface Workspace {
  store: Store
  file: string
  /** The scenario as the file says, or with the what-if changes made. */
  scenario(changes?: readonly WhatIfChange[]): Scenario
  /** The scenario text with the changes made, to save as a new file. */
  text(changes?: readonly WhatIfChange[]): string
  evidence(changes?: readonly WhatIfChange[]): EvidenceSummary
  forecasts(changes: readonly WhatIfChange[], rounds: number): Forecast & { nbs_disagreement: string }
  sensitivity(changes: readonly WhatIfChange[], draws: number, seed: number): SensitivityReport
  zopa(changes: readonly WhatIfChange[]): Zopa
  frontier(changes: readonly WhatIfChange[], parties?: string[]): ScenarioFrontier
  conditions(changes: readonly WhatIfChange[]): ConditionsReport
  /** The changes the store's articles that the scenario does not cite propose to it (`scenario update`). */
  updates(): Promise<ChangeSet>
  /** The scenario text with the accepted changes written and recorded in its history. */
  applyUpdates(accept: readonly string[], acceptedOn: string): Promise<string>
  /** What moved from `since` (default: a month before the newest article) to `until`. */
  changes(
    since: string | undefined,
    until: string | undefined,
    trajectories?: boolean,
  ): Promise<StoredChanges & { range: { first: string | null; last: string | null } }>
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

/** How many analysis results are kept, most recent first. */
const MEMO_SIZE = 64

export async function openWorkspace(
  file: string,
  store: Store,
  options: { lexicon?: string | undefined } = {},
): Promise<Workspace> {
  let original: string
  try {
    original = await readFile(file, 'utf8')
  } catch (error) {
    throw new InputError(`${file}: cannot read: ${(error as Error).message}`)
  }
  const sources = new Map<string, string>()
  const readSource = (sourceFile: string) => {
    const path = resolveSource(file, sourceFile)
    let text = sources.get(path)
    if (text === undefined) {
      text = readFileSync(path, 'utf8')
      sources.set(path, text)
    }
    return text
  }
  const memo = new Map<string, unknown>()
  const remember = <T>(key: string, compute: () => T): T => {
    if (memo.has(key)) {
      const value = memo.get(key) as T
      memo.delete(key)
      memo.set(key, value)
      return value
    }
    const value = compute()
    memo.set(key, value)
    if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string)
    return value
  }
  const text = (changes: readonly WhatIfChange[] = []) =>
    changes.length === 0 ? original : applyWhatIf(original, changes)
  const scenario = (changes: readonly WhatIfChange[] = []) =>
    remember(`scenario ${JSON.stringify(changes)}`, () =>
      parseScenario(text(changes), {
        file: changes.length === 0 ? file : `${basename(file)} with the what-if changes`,
        readSource,
      }),
    )
  const key = (name: string, changes: readonly WhatIfChange[], ...params: unknown[]) =>
    `${name} ${JSON.stringify(changes)} ${JSON.stringify(params)}`
  // Validate the file now, so a broken scenario stops the server before it listens.
  scenario()
  let lexicon: Promise<Lexicon> | undefined
  let known: Promise<Set<string>> | undefined
  let updates: { counts: string; set: Promise<ChangeSet> } | undefined
  const changeSet = async (): Promise<ChangeSet> => {
    // Recomputed when the store has changed (a running ingest adds articles).
    const counts = JSON.stringify(await store.counts())
    if (updates?.counts !== counts) {
      lexicon ??= loadLexicon(options.lexicon ?? defaultLexicon)
      known ??= sourceHashes(scenario().sources.map((s) => resolveSource(file, s.file)))
      const set = (async () => {
        const taken = new Set(scenario().sources.map((s) => s.id))
        const articles = withSourceIds(await storedArticles(store, relativeTo(dirname(resolve(file)))), taken)
        return proposeChanges(scenario(), articles, await (lexicon as Promise<Lexicon>), {
          knownHashes: await (known as Promise<Set<string>>),
        })
      })()
      updates = { counts, set }
    }
    return updates.set
  }
  return {
    store,
    file,
    scenario,
    text,
    evidence: (changes = []) => summarizeEvidence(scenario(changes)),
    forecasts: (changes, rounds) =>
      remember(key('forecasts', changes, rounds), () => ({
        ...forecast(scenario(changes), forecastModels, { rounds }),
        nbs_disagreement: NBS_DISAGREEMENT,
      })),
    sensitivity: (changes, draws, seed) =>
      remember(key('sensitivity', changes, draws, seed), () =>
        sensitivity(scenario(changes), {
          draws,
          seed,
          random: mulberry32(seed),
          models: selectModels(['compromise', 'median', 'nbs', 'eum']),
          rounds: 10,
        }),
      ),
    zopa: (changes) => remember(key('zopa', changes), () => zopa(scenario(changes))),
    frontier: (changes, parties) =>
      remember(key('frontier', changes, parties), () => {
        const s = scenario(changes)
        try {
          return scenarioFrontier(s, { parties: parties ?? frontierPair(s) })
        } catch (error) {
          if (error instanceof RangeError) throw new InputError(error.message)
          throw error
        }
      }),
    conditions: (changes) => remember(key('conditions', changes), () => analyzeConditions(scenario(changes))),
    updates: changeSet,
    changes: async (since, until, trajectories = false) => {
      lexicon ??= loadLexicon(options.lexicon ?? defaultLexicon)
      const range = await store.dateRange()
      // By default, the month up to the newest article: what moved lately, whenever the corpus ends.
      const from = since ?? (range.last === null ? '1970-01-01' : monthBefore(range.last))
      return {
        ...(await storedChanges(store, {
          since: from,
          until,
          lexicon: await lexicon,
          trajectories,
          limit: DASHBOARD_CHANGES_LIMIT,
        })),
        range,
      }
    },
    applyUpdates: async (accept, acceptedOn) => {
      const set = await changeSet()
      const updated = applyChanges(original, set, selectChanges(set, accept), acceptedOn)
      parseScenario(updated, { file: `${basename(file)} with the accepted changes`, readSource })
      return updated
    },
  }
}
