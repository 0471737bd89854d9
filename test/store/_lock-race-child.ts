// One of the two processes of the stale-lock race (lock-race.test.ts). It reads trials from stdin, one
// JSON line each ({trial, dir, at}); for each it waits until the wall-clock time `at` (spinning through
// the last milliseconds, so both processes start within a fraction of one), opens the store, and if it got
// it, writes a row, holds the store a moment and closes it. It answers one JSON line per trial on stdout.
import { createInterface } from 'node:readline'
import { openStore } from '../../src/store/index.ts'

interface Trial {
  trial: number
  dir: string
  at: number
}

const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function attempt(t: Trial): Promise<Record<string, unknown>> {
  if (t.at - now() > 5) await sleep(t.at - now() - 5)
  while (now() < t.at) {
    // spin: a timer is not precise enough for two processes to meet in the same millisecond
  }
  const started = now()
  try {
    const store = await openStore(t.dir)
    const locked = now()
    try {
      await store.recordFailure(`trial-${t.trial}-pid-${process.pid}`, 'written while holding the store')
      await sleep(50)
    } finally {
      await store.close()
    }
    return { trial: t.trial, won: true, started, locked, released: now() }
  } catch (error) {
    return { trial: t.trial, won: false, started, message: (error as Error).message }
  }
}

const lines = createInterface({ input: process.stdin })
process.stdout.write(`${JSON.stringify({ ready: process.pid })}\n`)
for await (const line of lines) {
  if (line.trim() === '') continue
  const result = await attempt(JSON.parse(line) as Trial)
  process.stdout.write(`${JSON.stringify({ pid: process.pid, ...result })}\n`)
}
