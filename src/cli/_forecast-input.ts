// What `forecast` reads: a scenario (YAML or JSON), or a BdM CSV, DECIDE or DEU file (--format, or
// detected from the content).
import {
  detectFormat,
  type ForecastProblem,
  parseBdmCsv,
  parseDecide,
  parseDeu,
  problemFromScenario,
} from '../analysis/forecast/index.ts'
import { InputError } from '../core/index.ts'
import { readErrorReason, readTextFile } from '../locate/index.ts'
import type { Scenario } from '../scenario/index.ts'
import { loadCaseScenario } from './_case.ts'

export interface ForecastInput {
  problem: ForecastProblem
  format: 'scenario' | 'bdm' | 'decide' | 'deu'
  scenario?: Scenario
}

const FORMATS = ['auto', 'scenario', 'bdm', 'decide', 'deu'] as const

export async function loadForecastInput(
  file: string,
  opts: { format?: string; capability?: string } = {},
): Promise<ForecastInput> {
  const format = opts.format ?? 'auto'
  if (!(FORMATS as readonly string[]).includes(format))
    throw new InputError(`--format: expected one of ${FORMATS.join(', ')}, got "${format}"`)
  const capability = opts.capability ?? 'none'
  if (capability !== 'none' && capability !== 'gdp')
    throw new InputError(`--capability: expected none or gdp, got "${capability}"`)
  const isScenario = format === 'scenario' || (format === 'auto' && /\.(ya?ml|json)$/i.test(file))
  if (isScenario) {
    const scenario = await loadCaseScenario(file)
    return { problem: problemFromScenario(scenario), format: 'scenario', scenario }
  }
  let text: string
  try {
    text = await readTextFile(file) // a regular file of at most 20 MB (PARLEY_MAX_FILE_MB)
  } catch (error) {
    throw new InputError(`${file}: cannot read: ${readErrorReason(error)}`)
  }
  const detected = format === 'auto' ? detectFormat(text) : format
  if (detected === undefined) {
    throw new InputError(`${file}: cannot tell the format; name it with --format scenario|bdm|decide|deu`)
  }
  if (detected === 'bdm') return { problem: parseBdmCsv(text, file), format: 'bdm' }
  if (detected === 'decide') return { problem: parseDecide(text, file), format: 'decide' }
  if (detected === 'deu') return { problem: parseDeu(text, file, { capability }), format: 'deu' }
  throw new InputError(`${file}: a scenario must be a .yaml, .yml or .json file`)
}
