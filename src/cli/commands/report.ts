// parley report SCENARIO: one self-contained file with the summary, the charts and every figure's evidence.
import { writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { InputError } from '../../core/index.ts'
import { renderHtml, renderMarkdown, reportData } from '../../report/index.ts'
import { loadCaseScenario } from '../_case.ts'
import type { Io } from '../_io.ts'
import { parseCount } from './_options.ts'

export async function run(
  file: string,
  opts: { format?: string; out?: string; draws?: string; seed?: string },
  io: Io,
): Promise<void> {
  const format =
    opts.format ??
    (opts.out && ['.md', '.markdown'].includes(extname(opts.out).toLowerCase()) ? 'md' : 'html')
  if (format !== 'md' && format !== 'html')
    throw new InputError(`--format: expected md or html, got "${opts.format}"`)
  // Without --draws and --seed, the analyses' defaults (src/analyze), as the dashboard's.
  const draws = parseCount('--draws', opts.draws, { min: 1, max: 100_000 })
  const seed = parseCount('--seed', opts.seed, { min: 0, max: 2 ** 32 - 1 })
  const data = await reportData(await loadCaseScenario(file), { draws, seed })
  const text = format === 'html' ? renderHtml(data) : renderMarkdown(data)
  if (opts.out === undefined) {
    io.out(text)
    return
  }
  try {
    await writeFile(opts.out, text)
  } catch (error) {
    throw new InputError(`--out ${opts.out}: cannot write: ${(error as Error).message}`)
  }
  io.out(`Wrote ${opts.out} (${format}, ${Buffer.byteLength(text)} bytes).`)
}
