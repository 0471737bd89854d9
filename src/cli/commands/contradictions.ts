import { storedContradictions } from '../../pipeline/index.ts'
import { openStore } from '../../store/index.ts'
import { caseOf } from '../_case.ts'
import type { Io } from '../_io.ts'
import { parseCount } from './_options.ts'

export async function run(
  opts: { case?: string; db?: string; json?: boolean; recent?: string },
  io: Io,
): Promise<void> {
  const recent = parseCount('--recent', opts.recent, { min: 1, max: 100_000 })
  const store = await openStore((await caseOf(opts)).store)
  try {
    const contradictions = await storedContradictions(store, recent)
    if (opts.json) io.out(JSON.stringify({ contradictions }, null, 2))
    else if (contradictions.length === 0) io.out('no contradictions found')
    else
      for (const c of contradictions)
        io.out(`${c.kind}: ${c.explanation}\n  a: “${c.a.quote}”\n  b: “${c.b.quote}”`)
  } finally {
    await store.close()
  }
}
