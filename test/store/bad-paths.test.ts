// `--db` at a path that cannot hold a store (issue 21): a folder of other files, a read-only folder, a
// path under a regular file, a file, a device, or a symbolic link to one of them. Each is refused with
// exit 1, the path and the reason, before a byte is written; never an internal error (exit 2), and never
// "cannot open the store at …: undefined". Before, a folder of articles got 22 PostgreSQL entries among them.
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/core/index.ts'
import { defaultCorpus, packageRoot } from '../../src/paths.ts'
import { openStore } from '../../src/store/index.ts'
import { isNoSpace, storePathError, storePathReason } from '../../src/store/pglite.ts'
import { runCli } from '../helpers/cli.ts'

const root = () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bad-db-'))
  chmodSync(dir, 0o755) // so that the read-only case can run as another user
  return dir
}

/** Opens the store at `db` and the CLI on it; both must refuse it with the path and `reason`. */
async function expectRefused(db: string, reason: RegExp): Promise<void> {
  const error = await openStore(db).then(
    async (store) => {
      await store.close()
      return undefined
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InputError)
  expect((error as Error).message).toContain(db)
  expect((error as Error).message).toMatch(reason)
  const r = await runCli('ingest', defaultCorpus, '--db', db)
  expect(r.code, r.stderr).toBe(1)
  expect(r.stderr).toContain(db)
  expect(r.stderr).toMatch(reason)
  expect(r.stderr).not.toMatch(/undefined|internal error/)
}

describe('a --db path that cannot hold a store', () => {
  it('refuses a folder of other files and leaves it as it was (no store, no lock beside it)', async () => {
    const dir = root()
    const articles = join(dir, 'articles')
    mkdirSync(articles)
    writeFileSync(join(articles, 'a.txt'), 'An article.\n')
    writeFileSync(join(articles, 'b.txt'), 'Another article.\n')
    await expectRefused(articles, /it is a folder of 2 other entries \(a\.txt, b\.txt\), not a store/)
    expect(readdirSync(articles).sort()).toEqual(['a.txt', 'b.txt'])
    expect(readdirSync(dir)).toEqual(['articles'])
  }, 60_000)

  it('refuses a path under a regular file', async () => {
    const dir = root()
    const file = join(dir, 'notes.txt')
    writeFileSync(file, 'notes\n')
    await expectRefused(
      join(file, 'db'),
      /notes\.txt is a file, not a folder, so nothing can be created under it/,
    )
    await expectRefused(join(file, 'deeper', 'db'), /notes\.txt is a file, not a folder/)
  }, 60_000)

  it('refuses a file, /dev/null, and symbolic links to a file, to /dev/null and to nothing', async () => {
    const dir = root()
    const file = join(dir, 'store.txt')
    writeFileSync(file, 'not a store\n')
    await expectRefused(file, /it is a file, not a folder/)
    await expectRefused('/dev/null', /it is a character device, not a folder/)
    symlinkSync(file, join(dir, 'to-file'))
    await expectRefused(join(dir, 'to-file'), /it is a symbolic link to .*store\.txt, a file, not a folder/)
    symlinkSync('/dev/null', join(dir, 'to-null'))
    await expectRefused(
      join(dir, 'to-null'),
      /symbolic link to \/dev\/null, a character device, not a folder/,
    )
    symlinkSync(join(dir, 'gone'), join(dir, 'dangling'))
    await expectRefused(join(dir, 'dangling'), /symbolic link to .*gone, which does not exist/)
    expect(existsSync(join(dir, 'gone'))).toBe(false)
  }, 60_000)

  it('opens an empty folder through a symbolic link, and then the store it made', async () => {
    const dir = root()
    mkdirSync(join(dir, 'real'))
    symlinkSync(join(dir, 'real'), join(dir, 'link'))
    await (await openStore(join(dir, 'link'))).close()
    expect(readdirSync(join(dir, 'real'))).toContain('PG_VERSION')
    await (await openStore(join(dir, 'link'))).close() // a folder with PG_VERSION is a store
  }, 120_000)

  // Root may write to a folder whatever its mode, so as root the CLI runs as `nobody` for this case.
  const asRoot = process.getuid?.() === 0
  const canDropToNobody =
    asRoot && spawnSync(process.execPath, ['-e', ''], { uid: 65534, gid: 65534 }).status === 0
  it.skipIf(asRoot && !canDropToNobody)(
    `refuses a read-only folder with the path and the reason${asRoot ? ' (run as nobody: root writes anywhere)' : ''}`,
    () => {
      const dir = root()
      const readOnly = join(dir, 'read-only')
      mkdirSync(join(readOnly, 'store'), { recursive: true })
      chmodSync(join(readOnly, 'store'), 0o555)
      chmodSync(readOnly, 0o555)
      for (const db of [join(readOnly, 'db'), join(readOnly, 'store')]) {
        const r = spawnSync(
          process.execPath,
          [
            '--import',
            'tsx',
            join(packageRoot, 'test/store/_cli-child.ts'),
            'ingest',
            defaultCorpus,
            '--db',
            db,
          ],
          { cwd: packageRoot, encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) },
        )
        expect(r.status, r.stderr).toBe(1)
        expect(r.stderr).toContain(`cannot use ${db} as the store: permission denied`)
        expect(r.stderr).not.toMatch(/EACCES|internal error/)
      }
      expect(readdirSync(readOnly).sort()).toEqual(['store'])
    },
    60_000,
  )
})

describe('storePathReason and storePathError', () => {
  it('say why in words for the errors a path gives, from Node or from PGlite (which gives no message)', () => {
    const node = (code: string) => Object.assign(new Error(`${code}: something, open '/x'`), { code })
    expect(storePathReason(node('EACCES'))).toBe('permission denied: the folder is read-only for this user')
    expect(storePathReason(node('EROFS'))).toBe('the file system is read-only')
    expect(storePathReason(node('ENOSPC'))).toBe('no space left on the device')
    // PGlite's file system throws an ErrnoError with a WASI errno and no message: 54 is ENOTDIR.
    const wasi = Object.assign(Object.create(null), { name: 'ErrnoError', errno: 54 })
    expect(storePathReason(wasi)).toBe('a part of the path is a file, not a folder')
    expect(storePathReason({ name: 'ErrnoError', errno: 9999 })).toBe('ErrnoError 9999')
    expect(storePathReason(new Error('something else'))).toBe('something else')
    const e = storePathError('/srv/db', node('EACCES'), '/srv')
    expect(e).toBeInstanceOf(InputError)
    expect(e.message).toBe(
      'cannot use /srv/db as the store: permission denied: the folder is read-only for this user (at /srv)',
    )
  })

  it('tells a full disk from other errors, however it is reported', () => {
    expect(
      isNoSpace(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })),
    ).toBe(true)
    expect(isNoSpace({ name: 'ErrnoError', errno: 51 })).toBe(true)
    const postgres = Object.assign(
      new Error('could not write to file "base/pgsql_tmp/pgsql_tmp42.0": No space left on device'),
      {
        code: '53100',
      },
    )
    expect(isNoSpace(postgres)).toBe(true)
    expect(isNoSpace(Object.assign(new Error('permission denied'), { code: 'EACCES' }))).toBe(false)
  })
})
