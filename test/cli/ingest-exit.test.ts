// `parley ingest` exits 1 when every input failed, and always says how many failed (issue 21): before,
// a run in which nothing could be read ended with exit 0.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultCorpus } from '../../src/paths.ts'
import { runCli } from '../helpers/cli.ts'

function brokenInputs(): { dir: string; empty: string; binary: string } {
  const dir = mkdtempSync(join(tmpdir(), 'parley-ingest-exit-'))
  const empty = join(dir, 'empty.txt')
  const binary = join(dir, 'binary.txt')
  writeFileSync(empty, '')
  writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x00, 0x10, 0x80]))
  return { dir, empty, binary }
}

const good = join(defaultCorpus, readdirSync(defaultCorpus).find((f) => f.endsWith('.txt')) ?? '')

describe('parley ingest exit code', () => {
  it('exits 1 when every input failed, printing the count of failures and each reason', async () => {
    const { dir, empty, binary } = brokenInputs()
    const r = await runCli('ingest', empty, binary, '--db', join(dir, 'db'))
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/ingested 0 new articles .*; 2 failed/)
    expect(r.stdout).toContain(`skipped ${empty}: empty file`)
    expect(r.stdout).toContain(`skipped ${binary}:`)
    expect(r.stderr).toMatch(/^none of the inputs could be ingested: 2 failed$/m)
    expect(r.stderr).toContain(`  ${empty}: empty file\n`) // the error names each input, with its reason
    expect(r.stderr).toContain(`  ${binary}: `)
  }, 60_000)

  it('exits 1 with --json too, the count in the report', async () => {
    const { dir, empty, binary } = brokenInputs()
    const r = await runCli('ingest', empty, binary, '--db', join(dir, 'db'), '--json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 0, failures: 2 })
    expect(r.stderr).toMatch(/2 failed/)
  }, 60_000)

  it('exits 0 when one input of two was stored, and says that 1 failed', async () => {
    const { dir, empty } = brokenInputs()
    const r = await runCli('ingest', good, empty, '--db', join(dir, 'db'))
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/ingested 1 new article .*; 1 failed/)
    expect(r.stdout).toContain(`skipped ${empty}: empty file`)
    // A second run stores nothing new, but the good input is already stored: still a success.
    const again = await runCli('ingest', good, empty, '--db', join(dir, 'db'))
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/1 already stored; 1 failed/)
  }, 60_000)

  it('exits 1 with --queue-only when no input could be read, and 0 when one was queued', async () => {
    const { dir } = brokenInputs()
    const missing = join(dir, 'missing.txt')
    const r = await runCli('ingest', missing, '--queue-only', '--db', join(dir, 'db'))
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/queued 0 new inputs of 0 .*; 1 failed/)
    expect(r.stdout).toContain(`skipped ${missing}: cannot read`)
    const some = await runCli('ingest', good, missing, '--queue-only', '--db', join(dir, 'db'))
    expect(some.code).toBe(0)
    expect(some.stdout).toMatch(/queued 1 new input of 1 .*; 1 failed/)
  }, 60_000)
})
