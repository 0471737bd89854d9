// The lexicon and extractor a command uses: --lexicon FILE, else the case's lexicon, with a scenario's
// parties and issues on top (--scenario FILE); --extractor lexicon|llm; and --reference-date, the day
// that dates without a year are read against.
import { InputError } from '../core/index.ts'
import { lexiconFromScenario } from '../draft/index.ts'
import {
  type Extractor,
  type Lexicon,
  lexiconExtractor,
  llmConfigFromEnv,
  llmExtractor,
  loadLexicon,
} from '../extract/index.ts'
import { parseDateString } from '../ingest/index.ts'
import { type InCase, loadCaseScenario, noteBundled } from './_case.ts'
import type { Io } from './_io.ts'

export interface ExtractionOptions {
  case?: string
  lexicon?: string
  scenario?: string
  extractor?: string
}

/** The lexicon of `opts`, else of the case (said on standard error when that is the bundled one). */
export async function resolveLexicon(opts: ExtractionOptions, inCase: InCase, io: Io): Promise<Lexicon> {
  if (opts.lexicon === undefined) noteBundled(inCase, 'its lexicon', io)
  const base = await loadLexicon(opts.lexicon ?? inCase.case.lexicon)
  if (opts.scenario === undefined) return base
  return lexiconFromScenario(await loadCaseScenario(opts.scenario), base)
}

/** The extractor `name`, finding the case's event types (all the lexicon can find, when it lists none). */
export function makeExtractor(
  name: string | undefined,
  lexicon: Lexicon,
  eventTypes?: readonly string[],
): Extractor {
  const options = eventTypes === undefined ? {} : { eventTypes }
  switch (name ?? 'lexicon') {
    case 'lexicon':
      return lexiconExtractor(lexicon, options)
    case 'llm':
      return llmExtractor(llmConfigFromEnv(), lexicon, options)
    default:
      throw new InputError(`unknown extractor "${name}"; expected one of: lexicon, llm`)
  }
}

export function parseReferenceDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined
  const date = parseDateString(value)
  if (date === undefined) throw new InputError(`--reference-date: expected a date YYYY-MM-DD, got "${value}"`)
  return new Date(`${date}T12:00:00Z`)
}
