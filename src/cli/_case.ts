// The case a command works in (src/case): `--case DIR`, else the nearest parley.yaml above the command's
// files or the working directory, else the bundled case. A command that then uses the bundled case's
// lexicon, corpus, scenario or store says so on standard error: nothing falls back silently.
import { type Case, eventTypesOf, findCase, findCaseFile, loadCase } from '../case/index.ts'
import { DEFAULT_STORE, InputError } from '../core/index.ts'
import { bundledCaseDir } from '../paths.ts'
import { loadScenario, type Scenario } from '../scenario/index.ts'
import type { Io } from './_io.ts'

export interface CaseOptions {
  case?: string
  db?: string
}

export interface InCase {
  case: Case
  /** How the case was found: named with --case, found above, or the bundled one by default. */
  how: 'option' | 'found' | 'bundled'
  /** The store: --db, else PARLEY_DB, else the case's; for the bundled default, .parley/db here, as before cases. */
  store: string
}

/** The case of a command working on `near` (its files or folders, looked above first). */
export async function caseOf(opts: CaseOptions, near: readonly (string | undefined)[] = []): Promise<InCase> {
  const found = await findCase({ case: opts.case, near: near.filter((p): p is string => p !== undefined) })
  const store =
    opts.db ?? process.env.PARLEY_DB ?? (found.how === 'bundled' ? DEFAULT_STORE : found.case.store)
  return { case: found.case, how: found.how, store }
}

/** Says on standard error that the bundled case's `what` is used because no case was found. */
export function noteBundled(inCase: InCase, what: string, io: Io): void {
  if (inCase.how !== 'bundled') return
  io.err(
    `parley: no parley.yaml here or above: using the bundled case ${inCase.case.id} (${what}); name another with --case DIR`,
  )
}

/** The scenario a command works on: the file given, else the case's (an error when it has none yet). */
export function scenarioOf(file: string | undefined, inCase: InCase, io: Io): string {
  if (file !== undefined) return file
  noteBundled(inCase, 'its scenario', io)
  if (inCase.case.scenario !== undefined) return inCase.case.scenario
  throw new InputError(
    `the case ${inCase.case.id} has no scenario yet: draft one (parley scenario draft --out scenario.yaml) and name it as scenario: in ${inCase.case.file}`,
  )
}

/**
 * A scenario file, checked against the event types of the case it sits in (the nearest parley.yaml
 * above it); outside any case, against the bundled case's, as every command without a case uses it.
 */
export async function loadCaseScenario(file: string): Promise<Scenario> {
  const eventTypes = await eventTypesOf(await loadCase(findCaseFile(file) ?? bundledCaseDir))
  return loadScenario(file, { eventTypes })
}
