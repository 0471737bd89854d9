// The lexicon and extractor a command uses: --lexicon FILE, or a scenario's parties and issues
// (--scenario FILE) with the bundled lexicon's terms, or the bundled lexicon; --extractor lexicon|llm.
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
