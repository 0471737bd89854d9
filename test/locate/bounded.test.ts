// The bounded reader (issue 21): only regular files, never past the limit, whatever size stat reports;
// the asynchronous and the synchronous reader alike.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/core/index.ts'
import {
  BoundedReadError,
  type BoundedReadOptions,
  fileLimit,
  readBounded,
  readBoundedSync,
} from '../../src/locate/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'parley-bounded-'))
const MB = 1024 * 1024

const readers = {
  readBounded,
  readBoundedSync: async (path: string, options: BoundedReadOptions) => readBoundedSync(path, options),
}

/** The refusal the reader throws: its kind and message. */
async function refusal(read: (typeof readers)['readBounded'], path: string, options: BoundedReadOptions) {
  try {
    await read(path, options)
  } catch (error) {
    if (!(error instanceof BoundedReadError)) throw error
    return { kind: error.kind, message: error.message }
  }
  throw new Error(`expected ${path} to be refused`)
}

describe.each(Object.entries(readers))('%s', (_, read) => {
  it('reads a regular file whole, up to and at the limit', async () => {
    const path = join(dir, 'ten.txt')
    writeFileSync(path, '0123456789')
    expect((await read(path, { maxBytes: 10 })).toString()).toBe('0123456789')
    expect((await read(path, { maxBytes: 100 })).toString()).toBe('0123456789')
    writeFileSync(join(dir, 'empty.txt'), '')
    expect((await read(join(dir, 'empty.txt'), { maxBytes: 10 })).length).toBe(0)
  })

  it('reads a file larger than one chunk', async () => {
    const path = join(dir, 'chunks.txt')
    const text = 'abcdefghij'.repeat(20_000)
    writeFileSync(path, text)
    expect((await read(path, { maxBytes: MB })).toString()).toBe(text)
  })

  it('refuses a file over the limit, by its size, naming the limit and how to raise it', async () => {
    const path = join(dir, 'eleven.txt')
    writeFileSync(path, '01234567890')
    expect(await refusal(read, path, { maxBytes: 10 })).toEqual({
      kind: 'too-large',
      message: `${path}: too large: 0.0 MB (the limit is 0.0 MB)`,
    })
    const sparse = join(dir, 'sparse.bin')
    writeFileSync(sparse, '')
    truncateSync(sparse, 3 * MB)
    expect(await refusal(read, sparse, { maxBytes: 2 * MB, raise: 'X raises it' })).toEqual({
      kind: 'too-large',
      message: `${sparse}: too large: 3.0 MB (the limit is 2.0 MB; X raises it)`,
    })
  })

  it.skipIf(!existsSync('/proc/self/status'))(
    'stops at the limit when stat reports 0 bytes for a file that holds more (/proc/self/status)',
    async () => {
      expect(await refusal(read, '/proc/self/status', { maxBytes: 32 })).toEqual({
        kind: 'too-large',
        message: '/proc/self/status: too large: over 0.0 MB (the limit is 0.0 MB)',
      })
      expect((await read('/proc/self/status', { maxBytes: MB })).toString()).toMatch(/^Name:/)
    },
  )

  it('refuses devices, a FIFO, a socket and a directory, naming the kind', async () => {
    const fifo = join(dir, `fifo-${read === readBounded ? 'a' : 's'}`)
    execFileSync('mkfifo', [fifo])
    const socket = join(dir, `socket-${read === readBounded ? 'a' : 's'}`)
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(socket, resolve))
    try {
      const cases = [
        ['/dev/zero', 'a character device'],
        ['/dev/null', 'a character device'],
        [fifo, 'a FIFO (named pipe)'],
        [socket, 'a socket'],
        [dir, 'a directory'],
      ]
      for (const [path, kind] of cases)
        expect(await refusal(read, path as string, { maxBytes: MB })).toEqual({
          kind: 'not-a-file',
          message: `${path}: not a regular file: ${kind}`,
        })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('follows a symbolic link to a regular file, and refuses one to a device', async () => {
    const target = join(dir, 'target.txt')
    writeFileSync(target, 'linked')
    const link = join(dir, `link-${read === readBounded ? 'a' : 's'}`)
    symlinkSync(target, link)
    expect((await read(link, { maxBytes: 10 })).toString()).toBe('linked')
    const toZero = join(dir, `zero-${read === readBounded ? 'a' : 's'}`)
    symlinkSync('/dev/zero', toZero)
    expect(await refusal(read, toZero, { maxBytes: 10 })).toEqual({
      kind: 'not-a-file',
      message: `${toZero}: not a regular file: a character device`,
    })
  })

  it("gives the system's error for a missing file, which names the path", async () => {
    const missing = join(dir, 'missing.txt')
    expect(await refusal(read, missing, { maxBytes: 10 })).toEqual({
      kind: 'cannot-read',
      message: `ENOENT: no such file or directory, stat '${missing}'`,
    })
  })
})

describe('fileLimit(kind, env)', () => {
  it('is 20 MB for a file and 5 MB for a source; PARLEY_MAX_FILE_MB sets both', () => {
    expect(fileLimit('file', {})).toEqual({ maxBytes: 20 * MB, raise: 'PARLEY_MAX_FILE_MB raises it' })
    expect(fileLimit('source', {}).maxBytes).toBe(5 * MB)
    expect(fileLimit('file', { PARLEY_MAX_FILE_MB: '64' }).maxBytes).toBe(64 * MB)
    expect(fileLimit('source', { PARLEY_MAX_FILE_MB: '0.5' }).maxBytes).toBe(MB / 2)
    expect(fileLimit('source', { PARLEY_MAX_FILE_MB: '' }).maxBytes).toBe(5 * MB)
  })

  it('refuses a value that is not a number of megabytes above 0 and at most 512', () => {
    for (const value of ['lots', '0', '-3', '513', 'Infinity', '1e400'])
      expect(() => fileLimit('file', { PARLEY_MAX_FILE_MB: value })).toThrow(
        new InputError(
          `PARLEY_MAX_FILE_MB must be a number of megabytes above 0 and at most 512, not "${value}"`,
        ),
      )
  })
})
