// The lexicon and extractor a command uses: --lexicon FILE, or a scenario's parties and issues
// (--scenario FILE) with the bundled lexicon's terms, or the bundled lexicon; --extractor lexicon|llm;
// and --reference-date, the day that dates without a year are read against.
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
import { defaultLexicon } from '../paths.ts'
import { loadScenario } from '../scenario/index.ts'

export interface ExtractionOptions {
  lexicon?: string
  scenario?: string
  extractor?: string
}

export async function resolveLexicon(opts: ExtractionOptions): Promise<Lexicon> {
  const base = await loadLexicon(opts.lexicon ?? defaultLexicon)
  if (opts.scenario === undefined) return base
  return lexiconFromScenario(await loadScenario(opts.scenario), base)
}

export function makeExtractor(name: string | undefined, lexicon: Lexicon): Extractor {
  switch (name ?? 'lexicon') {
    case 'lexicon':
      return lexiconExtractor(lexicon)
    case 'llm':
      return llmExtractor(llmConfigFromEnv(), lexicon)
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
