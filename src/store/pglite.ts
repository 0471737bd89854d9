// The embedded store: PostgreSQL compiled to WebAssembly (PGlite), in a directory on disk.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import { InputError } from '../errors.ts'
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
