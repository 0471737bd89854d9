// The stale-lock race of issue 21: after a kill -9 leaves `db.lock` naming a dead process, two processes
// open the store in the same millisecond. Exactly one may get it; the other must be refused. Before the
// fix both got it in some trials (the takeover read the PID, deleted the lock and retried, so the second
// process deleted the first one's fresh lock).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/paths.ts'
import { openStore } from '../../src/store/index.ts'

/** Trials per run: enough to see the race before the fix (it showed in 1 trial of 3 to 4), and under ~30 s. */
const TRIALS = Number(process.env.PARLEY_LOCK_TRIALS ?? 20)

interface Answer {
  pid: number
  trial: number
  won: boolean
  started: number
  locked?: number
  released?: number
  message?: string
}

/** A process of the race, with its answers as a queue: `next()` resolves with the next line it prints. */
function racer(): { child: ChildProcess; next: () => Promise<Record<string, unknown>> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(packageRoot, 'test/store/_lock-race-child.ts')],
    {
      cwd: packageRoot,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const lines: string[] = []
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = []
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const w = waiting.shift()
    if (w) w.resolve(line)
    else lines.push(line)
  })
  let ended: Error | undefined
  child.once('exit', (code) => {
    ended = new Error(`a racer ended with exit ${code}`)
    for (const w of waiting.splice(0)) w.reject(ended)
  })
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const line = lines.shift()
      if (line !== undefined) resolve(line)
      else if (ended) reject(ended)
      else waiting.push({ resolve, reject })
    }).then((line) => JSON.parse(line) as Record<string, unknown>)
  return { child, next }
}

/** A PID that names no process: one of a child that has ended, as kill -9 leaves it. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid
  if (pid === undefined) throw new Error('could not start a process')
  return pid
}

describe('the stale-lock race (two processes open a store whose lock names a dead process)', () => {
  const racers = [racer(), racer()]
  afterAll(() => {
    for (const r of racers) r.child.kill()
  })

  it(`gives the store to exactly one of the two, in each of ${TRIALS} trials`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'parley-lock-race-'))
    const dir = join(root, 'db')
    // An existing store, so each trial opens it (under a second) instead of creating it (several). The
    // trials share it: each winner closes it cleanly, and the next trial writes a stale lock again.
    await (await openStore(dir)).close()
    await Promise.all(racers.map((r) => r.next())) // both ready

    const outcomes: string[] = []
    for (let trial = 0; trial < TRIALS; trial++) {
      writeFileSync(`${dir}.lock`, String(deadPid()))
      const at = Date.now() + 100
      const answers = racers.map((r) => r.next() as Promise<unknown> as Promise<Answer>)
      for (const r of racers) r.child.stdin?.write(`${JSON.stringify({ trial, dir, at })}\n`)
      const [a, b] = (await Promise.all(answers)) as [Answer, Answer]
      const winners = [a, b].filter((x) => x.won).length
      const loser = [a, b].find((x) => !x.won)
      outcomes.push(
        `trial ${trial}: ${winners} won (start ${Math.abs(a.started - b.started).toFixed(2)} ms apart)` +
          (loser ? `; refused: ${loser.message}` : ''),
      )
    }
    const report = outcomes.join('\n')
    if (process.env.PARLEY_LOCK_REPORT) console.log(report)
    const double = outcomes.filter((o) => / 2 won/.test(o)).length
    expect(double, `${double} of ${TRIALS} trials gave the store to both:\n${report}`).toBe(0)
    expect(
      outcomes.every((o) => / 1 won .*in use by process \d+/.test(o)),
      report,
    ).toBe(true)
    rmSync(root, { recursive: true, force: true })
  }, 120_000)
})
