import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/index.ts'
import { runStoreContract } from './contract.ts'

runStoreContract('PGlite', () => openStore(join(mkdtempSync(join(tmpdir(), 'parley-store-')), 'db')))

describe('PGlite store', () => {
  it('refuses a second process on the same directory while the first holds it', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'parley-lock-')), 'db')
    const first = await openStore(dir)
    try {
      // The lock file names this process; another live pid in it would be refused.
      const { writeFileSync } = await import('node:fs')
      writeFileSync(`${dir}.lock`, String(process.ppid))
      await expect(openStore(dir)).rejects.toThrow(/in use by process/)
    } finally {
      await first.close()
    }
  })

  it('stops before writing on a nearly full disk, with the free space in the message (PGlite spins on a full one)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'parley-space-')), 'db')
    const store = await openStore(dir)
    const saved = process.env.PARLEY_MIN_FREE_MB
    try {
      expect(() => store.checkSpace()).not.toThrow()
      process.env.PARLEY_MIN_FREE_MB = String(1e12) // more than any disk has
      expect(() => store.checkSpace()).toThrow(/has \d+ MB free; Parley stops writing below 1000000000000 MB/)
      await expect(openStore(`${dir}-2`)).rejects.toThrow(/MB free; opening the store needs 500000000000 MB/)
    } finally {
      if (saved === undefined) delete process.env.PARLEY_MIN_FREE_MB
      else process.env.PARLEY_MIN_FREE_MB = saved
      await store.close()
    }
  }, 60_000)
})
