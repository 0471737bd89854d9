// The embedded store: PostgreSQL compiled to WebAssembly (PGlite), in a directory on disk.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import { InputError } from '../core/index.ts'
import type { Sql } from './sql.ts'

type Queryable = PGlite | Transaction

function wrap(db: Queryable): Omit<Sql, 'close'> {
  return {
    query: async <T>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows,
    transaction: async <T>(fn: (tx: Sql) => Promise<T>) => {
      if (!('transaction' in db)) return fn({ ...wrap(db), close: async () => {} })
      return db.transaction((tx) => fn({ ...wrap(tx), close: async () => {} }))
    },
  }
}

/**
 * Opens (creating on first use) the PGlite database in `dir`. A lock file beside it keeps a second
 * process from opening the same directory, which PGlite does not guard against.
 */
export async function openPglite(dir: string): Promise<Sql> {
  mkdirSync(dirname(dir), { recursive: true })
  checkFreeSpace(dir, 'open')
  const lock = `${dir}.lock`
  takeLock(lock)
  let db: PGlite
  try {
    db = new PGlite(dir)
    await db.waitReady
  } catch (error) {
    rmSync(lock, { force: true })
    throw new InputError(`cannot open the store at ${dir}: ${(error as Error).message}`)
  }
  return {
    ...wrap(db),
    checkSpace: () => checkFreeSpace(dir),
    close: async () => {
      try {
        await db.close()
      } finally {
        rmSync(lock, { force: true })
      }
    },
  }
}

function takeLock(lock: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const pid = Number(readFileSync(lock, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new InputError(
          `the store ${lock.slice(0, -5)} is in use by process ${pid}; stop it first, or use another --db`,
        )
      }
      rmSync(lock, { force: true }) // left by a process that died (kill -9): take it over
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * The free space the embedded store needs before it writes (half of it to open): a WAL segment (16 MB) and room
 * for a checkpoint.
 * On a full disk PGlite neither fails nor finishes: a 60 MB tmpfs left an ingest, and then a read of the
 * same store, spinning at full CPU (docs/reliability.md). `PARLEY_MIN_FREE_MB` changes it.
 */
export const MIN_FREE_MB = 64

export function checkFreeSpace(dir: string, purpose: 'open' | 'write' = 'write'): void {
  // Opening needs less than writing, so a store that stopped for space still opens to be read.
  const minMb = Number(process.env.PARLEY_MIN_FREE_MB ?? MIN_FREE_MB) / (purpose === 'open' ? 2 : 1)
  let at = dir
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at)
  const { bavail, bsize } = statfsSync(at)
  const freeMb = (bavail * bsize) / 1024 / 1024
  if (freeMb < minMb)
    throw new InputError(
      purpose === 'open'
        ? `the disk holding the store ${dir} has ${freeMb.toFixed(0)} MB free; opening the store needs ${minMb} MB. Free some space first.`
        : `the disk holding the store ${dir} has ${freeMb.toFixed(0)} MB free; Parley stops writing below ${minMb} MB. ` +
            'Free some space and run again: what was stored so far is kept, and a re-run goes on from there.',
    )
}
