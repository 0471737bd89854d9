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
})
