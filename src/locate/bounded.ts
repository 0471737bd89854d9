// Bounded reads (issue 21): only a regular file is read, and never more than a limit. The size stat reports
// is not trusted as the amount to read (it is 0 for a device and for files under /proc): the read itself
// stops one byte past the limit. A FIFO is opened with O_NONBLOCK, so that no open waits for a writer,
// and the type is checked again on the open descriptor, so that a path swapped between the two checks is
// still refused. Every refusal names the path and why: the kind of file, or the size and the limit.
//
// The limits of the files the CLI reads besides its articles (the ingest has --max-mb, 5 MB by default):
// 20 MB for a scenario, lexicon, case or data file, 5 MB for a scenario source. PARLEY_MAX_FILE_MB sets
// both (README.md, "Limits").
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { InputError } from '../core/index.ts'

const MB = 1024 * 1024

/** The environment variable that sets the limit of every file read through `fileLimit`, in megabytes. */
export const FILE_LIMIT_VARIABLE = 'PARLEY_MAX_FILE_MB'

/** The limits without PARLEY_MAX_FILE_MB: a scenario, lexicon, case or data file; a scenario's source. */
export const DEFAULT_FILE_LIMIT_MB = { file: 20, source: 5 } as const

/** PARLEY_MAX_FILE_MB may not exceed this: the text of a larger file would not fit in one string. */
const MAX_FILE_LIMIT_MB = 512

export interface BoundedReadOptions {
  /** The most bytes read; a file holding more is refused. */
  maxBytes: number
  /** How to raise the limit, said in the refusal of a file too large: "PARLEY_MAX_FILE_MB raises it". */
  raise?: string | undefined
}

/** Why a file was not read: not a regular file, over the limit, or an error of the system's. */
export class BoundedReadError extends InputError {
  override name = 'BoundedReadError'
  constructor(
    readonly path: string,
    readonly kind: 'not-a-file' | 'too-large' | 'cannot-read',
    /** The reason without the path: "not a regular file: a FIFO (named pipe)". */
    readonly reason: string,
  ) {
    // The system's messages name the path already.
    super(kind === 'cannot-read' ? reason : `${path}: ${reason}`, {
      code: kind === 'too-large' ? 'too-large' : kind === 'not-a-file' ? 'unsupported' : 'invalid',
    })
  }
}

/**
 * The limit of a file of this kind: 20 MB for a scenario, lexicon, case or data file, 5 MB for a
 * scenario's source, or PARLEY_MAX_FILE_MB for both. Throws InputError when the variable is not a number
 * of megabytes above 0 and at most 512.
 */
export function fileLimit(kind: keyof typeof DEFAULT_FILE_LIMIT_MB, env = process.env): BoundedReadOptions {
  const raw = env[FILE_LIMIT_VARIABLE]
  let mb: number = DEFAULT_FILE_LIMIT_MB[kind]
  if (raw !== undefined && raw.trim() !== '') {
    mb = Number(raw)
    if (!Number.isFinite(mb) || mb <= 0 || mb > MAX_FILE_LIMIT_MB)
      throw new InputError(
        `${FILE_LIMIT_VARIABLE} must be a number of megabytes above 0 and at most ${MAX_FILE_LIMIT_MB}, not "${raw}"`,
      )
  }
  return { maxBytes: Math.floor(mb * MB), raise: `${FILE_LIMIT_VARIABLE} raises it` }
}

/** The bytes of the regular file at `path`, at most `maxBytes` of them. Throws BoundedReadError. */
export async function readBounded(path: string, options: BoundedReadOptions): Promise<Buffer> {
  const handle = await attempt(path, async () => {
    refuse(path, await stat(path), options)
    return open(path, constants.O_RDONLY | NONBLOCK)
  })
  try {
    return await attempt(path, async () => {
      const info = await handle.stat()
      refuse(path, info, options)
      const chunks = new Chunks(path, info, options)
      for (let want = chunks.next(); want > 0; want = chunks.next()) {
        const buffer = Buffer.allocUnsafeSlow(want)
        chunks.add(buffer, (await handle.read(buffer, 0, want, null)).bytesRead)
      }
      return chunks.bytes()
    })
  } finally {
    await handle.close()
  }
}

/** readBounded, synchronously: for the readers that are (a scenario's sources). */
export function readBoundedSync(path: string, options: BoundedReadOptions): Buffer {
  const fd = attemptSync(path, () => {
    refuse(path, statSync(path), options)
    return openSync(path, constants.O_RDONLY | NONBLOCK)
  })
  try {
    return attemptSync(path, () => {
      const info = fstatSync(fd)
      refuse(path, info, options)
      const chunks = new Chunks(path, info, options)
      for (let want = chunks.next(); want > 0; want = chunks.next()) {
        const buffer = Buffer.allocUnsafeSlow(want)
        chunks.add(buffer, readSync(fd, buffer, 0, want, null))
      }
      return chunks.bytes()
    })
  } finally {
    closeSync(fd)
  }
}

/** The UTF-8 text of a scenario, lexicon, case or data file (`file`) or of a source, within fileLimit(kind). */
export async function readTextFile(
  path: string,
  kind: keyof typeof DEFAULT_FILE_LIMIT_MB = 'file',
): Promise<string> {
  return (await readBounded(path, fileLimit(kind))).toString('utf8')
}

/** readTextFile, synchronously. */
export function readTextFileSync(path: string, kind: keyof typeof DEFAULT_FILE_LIMIT_MB = 'file'): string {
  return readBoundedSync(path, fileLimit(kind)).toString('utf8')
}

/** The reason a read failed, without the path (which the caller's message names): for any error. */
export function readErrorReason(error: unknown): string {
  if (error instanceof BoundedReadError) return error.reason
  return error instanceof Error ? error.message : String(error)
}

/** O_NONBLOCK where the system has it (not on Windows, which has no FIFOs to open). */
const NONBLOCK = constants.O_NONBLOCK ?? 0

/** The size of a read after the first, which asks for the size stat reports (a file can grow meanwhile). */
const CHUNK = 64 * 1024

/** The chunks read so far, and how much to read next: never past one byte over the limit. */
class Chunks {
  private readonly list: Buffer[] = []
  private total = 0
  private ended = false

  constructor(
    private readonly path: string,
    private readonly info: Stats,
    private readonly options: BoundedReadOptions,
  ) {}

  /** How many bytes to ask for next; 0 at the end of the file. */
  next(): number {
    if (this.ended) return 0
    const left = this.options.maxBytes + 1 - this.total
    return Math.min(left, this.total === 0 && this.info.size > 0 ? this.info.size : CHUNK)
  }

  add(buffer: Buffer, read: number): void {
    if (read === 0) {
      this.ended = true
      return
    }
    this.list.push(read === buffer.length ? buffer : buffer.subarray(0, read))
    this.total += read
    if (this.total > this.options.maxBytes) throw tooLarge(this.path, undefined, this.options)
  }

  /** The bytes read, in a buffer of their own: the first chunk itself when it is all there is. */
  bytes(): Buffer {
    const only = this.list.length === 1 ? (this.list[0] as Buffer) : undefined
    if (only !== undefined && only.byteOffset === 0 && only.byteLength === only.buffer.byteLength) return only
    return Buffer.concat(this.list, this.total)
  }
}

/** Throws unless `info` is a regular file within the limit by the size it reports. */
function refuse(path: string, info: Stats, options: BoundedReadOptions): void {
  if (!info.isFile()) throw new BoundedReadError(path, 'not-a-file', `not a regular file: ${kindOf(info)}`)
  if (info.size > options.maxBytes) throw tooLarge(path, info.size, options)
}

/** What a path is, in words: "a file", "a directory", "a character device", "a FIFO (named pipe)", … */
export function kindOf(info: Stats): string {
  if (info.isFile()) return 'a file'
  if (info.isDirectory()) return 'a directory'
  if (info.isCharacterDevice()) return 'a character device'
  if (info.isBlockDevice()) return 'a block device'
  if (info.isFIFO()) return 'a FIFO (named pipe)'
  if (info.isSocket()) return 'a socket'
  if (info.isSymbolicLink()) return 'a symbolic link'
  return 'a file of an unknown kind'
}

/** "too large: 6.0 MB (the limit is 5.0 MB; …)", or "over 5.0 MB" when the read stopped at the limit. */
function tooLarge(path: string, size: number | undefined, options: BoundedReadOptions): BoundedReadError {
  const megabytes = (n: number) => `${(n / MB).toFixed(1)} MB`
  const found = size === undefined ? `over ${megabytes(options.maxBytes)}` : megabytes(size)
  const raise = options.raise === undefined ? '' : `; ${options.raise}`
  return new BoundedReadError(
    path,
    'too-large',
    `too large: ${found} (the limit is ${megabytes(options.maxBytes)}${raise})`,
  )
}

/** BoundedReadError as it is; any other error as one of kind cannot-read. */
function asBounded(path: string, error: unknown): BoundedReadError {
  if (error instanceof BoundedReadError) return error
  return new BoundedReadError(path, 'cannot-read', error instanceof Error ? error.message : String(error))
}

async function attempt<T>(path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw asBounded(path, error)
  }
}

function attemptSync<T>(path: string, run: () => T): T {
  try {
    return run()
  } catch (error) {
    throw asBounded(path, error)
  }
}
