// The embedded store: PostgreSQL compiled to WebAssembly (PGlite), in a directory on disk.
import { createHash, randomUUID } from 'node:crypto'
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statfsSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import { InputError } from '../core/index.ts'
import { kindOf } from '../locate/index.ts'
import type { Sql } from './sql.ts'

type Queryable = PGlite | Transaction

function wrap(db: Queryable, dir: string): Omit<Sql, 'close'> {
  return {
    query: async <T>(text: string, params?: unknown[]) => {
      try {
        return (await db.query<T>(text, params)).rows
      } catch (error) {
        throw noSpaceError(error, dir) ?? error
      }
    },
    transaction: async <T>(fn: (tx: Sql) => Promise<T>) => {
      if (!('transaction' in db)) return fn({ ...wrap(db, dir), close: async () => {} })
      try {
        return await db.transaction((tx) => fn({ ...wrap(tx, dir), close: async () => {} }))
      } catch (error) {
        throw noSpaceError(error, dir) ?? error
      }
    },
  }
}

/**
 * Opens (creating on first use) the PGlite database in the folder `location`. A lock file beside it keeps
 * a second process from opening the same folder, which PGlite does not guard against. A path that cannot
 * hold a store (a file, a device, a folder of other files, a read-only folder, a path under a file) is
 * refused with the path and the reason, before anything is written.
 */
export async function openPglite(location: string): Promise<Sql> {
  checkStorePath(location)
  let dir: string
  try {
    mkdirSync(dirname(location), { recursive: true })
    // The folder itself, not a symbolic link to it: PGlite cannot open a link, and two links to one
    // folder must find the one lock.
    dir = symlinkTarget(location) === undefined ? location : realpathSync(location)
  } catch (error) {
    throw storePathError(location, error)
  }
  checkFreeSpace(dir, 'open')
  const lock = `${dir}.lock`
  const held = takeLock(lock)
  let db: PGlite
  try {
    db = new PGlite(dir)
    await db.waitReady
  } catch (error) {
    releaseLock(lock, held)
    throw new InputError(`cannot open the store at ${location}: ${storePathReason(error)}`)
  }
  return {
    ...wrap(db, dir),
    checkSpace: () => checkFreeSpace(dir),
    close: async () => {
      try {
        await db.close()
      } catch (error) {
        throw noSpaceError(error, dir) ?? error
      } finally {
        releaseLock(lock, held)
      }
    },
  }
}

// ---------------------------------------------------------------------------------------------------
// The lock. `DIR.lock` holds the PID of the process that has the store open and a token of this opening
// ("4242 6f1c…"), written whole: it is written to a file of its own and then linked to its name, which
// fails when the name exists, so no reader ever sees it half written, and two openers never both create it.
// A lock whose process is gone (kill -9) is taken over, and that takeover is atomic too (replaceStale).

interface LockFile {
  pid: number
  text: string
  mtimeMs: number
  /** What tells this file from any other that held the same text: its inode, its time and its text. */
  identity: string
}

const lockText = () => `${process.pid} ${randomUUID()}\n`

/** A file that names a process that still runs (not this one: a lock of its own PID is left from before). */
const liveHolder = (pid: number) => Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)

/**
 * A file that names no process yet, and is new: one being written where hard links are missing
 * (createExclusive). It is taken for stale only once it is older than this.
 */
const SETTLING_MS = 2000
const settling = (file: LockFile) =>
  !(Number.isInteger(file.pid) && file.pid > 0) && Date.now() - file.mtimeMs < SETTLING_MS

/** Takes the lock, or throws an InputError naming the process that holds it. Returns what it wrote. */
function takeLock(lock: string): string {
  const mine = lockText()
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (createWhole(lock, mine)) return mine
      const held = readLockFile(lock)
      if (held === undefined) continue // released in between
      if (liveHolder(held.pid))
        throw new InputError(
          `the store ${lock.slice(0, -5)} is in use by process ${held.pid}; stop it first, or use another --db`,
        )
      const outcome = settling(held) ? 'busy' : replaceStale(lock, held, mine)
      if (outcome === 'replaced') {
        removeLeftovers(lock)
        return mine
      }
      if (outcome === 'busy') pause(5) // another process is taking over this moment: then look again
    }
  } catch (error) {
    if (error instanceof InputError) throw error
    throw storePathError(lock.slice(0, -5), error, dirname(lock))
  }
  throw new InputError(
    `the store ${lock.slice(0, -5)} is being opened by another process (it is taking over the lock ${lock}); try again in a moment`,
  )
}

/**
 * Replaces the file at `path`, found holding `stale` (a lock, or a takeover marker, of a process that
 * died), by one holding `text`, unless another process does so first. Only the process that creates the
 * marker of this very file (the marker's name comes from its identity; the create is exclusive) may replace
 * it, and it does so only if `path` still holds that file, then removes the marker. So two processes that
 * found the same stale lock cannot both take it: the second either fails to create the marker, or creates
 * it after the first is done and finds the lock changed. Before, each deleted the lock and created its own,
 * and the second deleted the first one's fresh lock. A marker whose process died (a kill -9 in the
 * microseconds of a takeover) is stale in its turn, and is taken over the same way.
 */
function replaceStale(
  path: string,
  stale: LockFile,
  text: string,
  depth = 0,
): 'replaced' | 'changed' | 'busy' {
  const marker = `${path}.takeover-${createHash('sha256').update(stale.identity).digest('hex').slice(0, 16)}`
  const mark = lockText()
  if (!createWhole(marker, mark)) {
    const other = readLockFile(marker)
    if (other === undefined) return 'changed' // its process has just finished: look at the lock again
    if (liveHolder(other.pid) || settling(other) || depth >= 3) return 'busy'
    if (replaceStale(marker, other, mark, depth + 1) !== 'replaced') return 'busy'
  }
  try {
    if (readLockFile(path)?.identity !== stale.identity) return 'changed'
    const tmp = tempName(path)
    writeFileSync(tmp, text, { flag: 'wx' })
    try {
      renameSync(tmp, path) // replaces the stale file in one step: the name is never free for a third opener
    } catch (error) {
      rmSync(tmp, { force: true })
      throw error
    }
    return 'replaced'
  } finally {
    rmSync(marker, { force: true })
  }
}

/** Creates `path` holding `text` if nothing has that name; false if something has. */
function createWhole(path: string, text: string): boolean {
  const tmp = tempName(path)
  writeFileSync(tmp, text, { flag: 'wx' })
  try {
    linkSync(tmp, path)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error
    return createExclusive(path, text) // a file system without hard links
  } finally {
    rmSync(tmp, { force: true })
  }
}

/** The plain exclusive create, for file systems without hard links; written at once, so read whole. */
function createExclusive(path: string, text: string): boolean {
  let fd: number
  try {
    fd = openSync(path, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, text)
  } finally {
    closeSync(fd)
  }
  return true
}

const tempName = (path: string) => `${path}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`

function readLockFile(path: string): LockFile | undefined {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  try {
    const text = readFileSync(fd, 'utf8')
    const { ino, mtimeMs } = fstatSync(fd)
    const pid = Number(text.trim().split(/\s+/)[0])
    return { pid, text, mtimeMs, identity: `${ino}:${mtimeMs}:${text}` }
  } finally {
    closeSync(fd)
  }
}

/** Removes the lock if it is still the one this opening wrote. */
function releaseLock(lock: string, mine: string): void {
  try {
    if (readLockFile(lock)?.text === mine) rmSync(lock, { force: true })
  } catch {
    // the lock is gone or unreadable: nothing of ours to remove
  }
}

/** Markers and half-made files that processes killed in the middle of taking the lock left beside it. */
function removeLeftovers(lock: string): void {
  const name = basename(lock)
  try {
    for (const entry of readdirSync(dirname(lock))) {
      if (!entry.startsWith(`${name}.`)) continue
      const path = join(dirname(lock), entry)
      const tmp = /\.tmp-(\d+)-[0-9a-f]+$/.exec(entry)
      const pid = tmp ? Number(tmp[1]) : entry.includes('.takeover-') ? readLockFile(path)?.pid : undefined
      if (pid !== undefined && pid !== process.pid && !liveHolder(pid)) rmSync(path, { force: true })
    }
  } catch {
    // tidying is best effort: a leftover harms nothing
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

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

// ---------------------------------------------------------------------------------------------------
// The path. A store is a folder that is new, empty, or holds a PGlite store: PG_VERSION, or nothing but
// PostgreSQL's own entries (a store a kill -9 left half made). Anything else is refused before a byte is
// written, so `--db` at a folder of articles, a file or /dev/null leaves it as it was.

const POSTGRES_ENTRY =
  /^(PG_VERSION|base|global|pg_[a-z_]+|postgresql(\.auto)?\.conf|postmaster\.(pid|opts))$/

/** Throws an InputError with the path and the reason when `dir` cannot hold the store. */
export function checkStorePath(dir: string): void {
  let stats: Stats
  try {
    stats = statSync(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw storePathError(dir, error)
    const link = symlinkTarget(dir)
    if (link !== undefined)
      throw refused(dir, `it is a symbolic link to ${link}, which does not exist; give --db a folder`)
    checkWritable(dir, nearestExisting(dir))
    return
  }
  if (!stats.isDirectory()) {
    const link = symlinkTarget(dir)
    const what = `${kindOf(stats)}, not a folder`
    throw refused(dir, link === undefined ? `it is ${what}` : `it is a symbolic link to ${link}, ${what}`)
  }
  const entries = readdirSync(dir)
  if (
    entries.length > 0 &&
    !entries.includes('PG_VERSION') &&
    !entries.every((e) => POSTGRES_ENTRY.test(e))
  ) {
    const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '')
    throw refused(
      dir,
      `it is a folder of ${entries.length} other ${entries.length === 1 ? 'entry' : 'entries'} (${shown}), not a store; ` +
        'give --db a new path, an empty folder or an existing store',
    )
  }
  checkWritable(dir, dir)
  checkWritable(dir, dirname(dir)) // the lock file goes beside the folder
}

function checkWritable(dir: string, folder: string): void {
  const stats = statSync(folder)
  if (!stats.isDirectory())
    throw refused(dir, `${folder} is ${kindOf(stats)}, not a folder, so nothing can be created under it`)
  try {
    accessSync(folder, constants.W_OK)
  } catch (error) {
    throw storePathError(dir, error, folder)
  }
}

/** The nearest existing folder (or file) at or above `path`. */
function nearestExisting(path: string): string {
  let at = dirname(path)
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at)
  return at
}

function symlinkTarget(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined
  } catch {
    return undefined
  }
}

const refused = (dir: string, reason: string) => new InputError(`cannot use ${dir} as the store: ${reason}`)

/** The InputError for a file operation on the store's path that failed: the path and the reason in words. */
export function storePathError(dir: string, error: unknown, at?: string): InputError {
  const code = errorCode(error)
  const where = at !== undefined && at !== dir ? ` (at ${at})` : ''
  if (code === 'ENOTDIR') {
    const file = nearestExisting(dir)
    return refused(dir, `${file} is a file, not a folder, so nothing can be created under it`)
  }
  return refused(dir, `${storePathReason(error)}${where}`)
}

/** Emscripten's errno numbers (those of WASI), which PGlite's file system throws without a message. */
const WASI_ERRNO: Record<number, string> = {
  2: 'EACCES',
  19: 'EDQUOT',
  20: 'EEXIST',
  28: 'EINVAL',
  31: 'EISDIR',
  32: 'ELOOP',
  37: 'ENAMETOOLONG',
  44: 'ENOENT',
  51: 'ENOSPC',
  54: 'ENOTDIR',
  63: 'EPERM',
  69: 'EROFS',
}

function errorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; errno?: unknown; name?: unknown } | undefined
  if (typeof e?.code === 'string') return e.code
  if (e?.name === 'ErrnoError' && typeof e.errno === 'number') return WASI_ERRNO[e.errno]
  return undefined
}

/** Why a file operation failed, in words, for the errors a store's path gives; never "undefined". */
export function storePathReason(error: unknown): string {
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: the folder is read-only for this user'
    case 'EROFS':
      return 'the file system is read-only'
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder'
    case 'EEXIST':
      return 'a file is in the way where a folder should be created'
    case 'EISDIR':
      return 'a folder is where a file should be'
    case 'EINVAL':
      return 'the path is not a folder that can hold files'
    case 'ELOOP':
      return 'the path has a loop of symbolic links'
    case 'ENAMETOOLONG':
      return 'the path is too long'
    case 'ENOENT':
      return 'a part of the path does not exist'
    case 'ENOSPC':
      return 'no space left on the device'
    case 'EDQUOT':
      return 'the disk quota is used up'
  }
  const message = (error as Error | undefined)?.message
  return typeof message === 'string' && message !== '' && message !== 'undefined'
    ? message
    : `${(error as Error | undefined)?.name ?? 'error'} ${String((error as { errno?: unknown })?.errno ?? '')}`.trim()
}

// ---------------------------------------------------------------------------------------------------
// Space.

/** A full disk, as Node (ENOSPC), PGlite's file system (errno 51) or PostgreSQL (SQLSTATE 53100) reports it. */
export function isNoSpace(error: unknown): boolean {
  const code = errorCode(error)
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === '53100') return true
  return /no space left on device/i.test(String((error as Error | undefined)?.message ?? ''))
}

/** The InputError for a write that found the disk full, or undefined for any other error. */
function noSpaceError(error: unknown, dir: string): InputError | undefined {
  if (error instanceof InputError || !isNoSpace(error)) return undefined
  return new InputError(
    `no space left on the disk holding the store ${dir} (${storePathReason(error)}). ` +
      'What was stored before this write is kept: free some space and run again.',
  )
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
