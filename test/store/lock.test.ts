// The store's lock in one process: how a stale lock is taken over, and the rule for a stale takeover
// marker. The race between two processes is in lock-race.test.ts.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/index.ts'

/** A PID that names no process: one of a child that has ended, as kill -9 leaves it. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid
  if (pid === undefined) throw new Error('could not start a process')
  return pid
}

/** The takeover marker of the file at `path` as it is now (its name comes from the file's identity). */
function markerOf(path: string): string {
  const { ino, mtimeMs } = statSync(path)
  const identity = `${ino}:${mtimeMs}:${readFileSync(path, 'utf8')}`
  return `${path}.takeover-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`
}

describe('the store lock', () => {
  let root: string
  let db: string
  let lock: string
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'parley-lock-unit-'))
    db = join(root, 'db')
    lock = `${db}.lock`
    await (await openStore(db)).close()
  })
  const beside = () => readdirSync(root).filter((f) => f !== 'db')

  it('takes over a lock whose process is gone, writes its PID and a token, and removes it on close', async () => {
    writeFileSync(lock, String(deadPid()))
    const store = await openStore(db)
    try {
      expect(readFileSync(lock, 'utf8')).toMatch(new RegExp(`^${process.pid} [0-9a-f-]{36}\\n$`))
      expect(beside()).toEqual(['db.lock'])
    } finally {
      await store.close()
    }
    expect(beside()).toEqual([])
  }, 30_000)

  it('takes a stale marker over too (a process killed while taking the lock), and tidies what it left', async () => {
    writeFileSync(lock, String(deadPid()))
    const dead = deadPid()
    writeFileSync(markerOf(lock), `${dead} 00000000-0000-0000-0000-000000000000\n`)
    writeFileSync(`${lock}.tmp-${dead}-0badf00d`, `${dead} half made\n`)
    const store = await openStore(db)
    try {
      expect(readFileSync(lock, 'utf8')).toMatch(new RegExp(`^${process.pid} `))
      expect(beside()).toEqual(['db.lock'])
    } finally {
      await store.close()
    }
    expect(beside()).toEqual([])
  }, 30_000)

  it('does not take a stale lock another live process is taking over at this moment', async () => {
    writeFileSync(lock, String(deadPid()))
    const marker = markerOf(lock)
    writeFileSync(marker, `${process.ppid} 11111111-1111-1111-1111-111111111111\n`) // a live process holds it
    await expect(openStore(db)).rejects.toThrow(/is being opened by another process/)
    expect(readFileSync(lock, 'utf8')).not.toMatch(new RegExp(`^${process.pid} `)) // left as it was
    expect(existsSync(marker)).toBe(true)
  }, 30_000)
})
