// Issue 21: terminal escape injection. A scenario or an article is untrusted text; printed raw, its ESC
// and BEL characters reach the terminal, which obeys them (colours, a cleared screen, a retitled window,
// a bell, on some terminals worse). Every text the CLI prints shows a control character as a visible
// escape instead, `\u001b` for ESC (src/cli/_terminal.ts), and JSON output stays valid JSON.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/paths.ts'
import { runCli as parley } from '../helpers/cli.ts'

const ESC = '\x1b'
const BEL = '\x07'
/** Any C0 control but newline and tab, DEL, or a C1 control: what must not reach a terminal raw. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is looked for
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/

const fixtures = join(packageRoot, 'test/fixtures/scenarios')

/** The minimal fixture, its title and a party's name holding a colour escape, a bell, DEL and a C1 CSI. */
function hostileScenario(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-terminal-'))
  const text = readFileSync(join(fixtures, 'minimal.yaml'), 'utf8')
    .replace('title: A minimal scenario', 'title: "Red \\e[31mALERT\\e[0m \\a\\x7f\\x9b2J"')
    .replace('name: Alpha', 'name: "Alpha\\e]0;pwned\\a"')
  writeFileSync(join(dir, 'scenario.yaml'), text)
  writeFileSync(join(dir, 'article.txt'), readFileSync(join(fixtures, 'article.txt')))
  return join(dir, 'scenario.yaml')
}

describe('control characters in what the CLI prints', () => {
  it('scenario show: no raw ESC or BEL; the title and the party name show them as \\u001b and \\u0007', async () => {
    const r = await parley('scenario', 'show', hostileScenario())
    expect(r.code).toBe(0)
    expect(r.stdout).not.toMatch(RAW_CONTROL)
    expect(r.stdout).not.toContain(ESC)
    expect(r.stdout).not.toContain(BEL)
    expect(r.stdout).toContain('Red \\u001b[31mALERT\\u001b[0m \\u0007\\u007f\\u009b2J (mini)')
    expect(r.stdout).toContain('Alpha\\u001b]0;pwned\\u0007')
    // Newlines and tabs are the output's own layout, and stay.
    expect(r.stdout.split('\n').length).toBeGreaterThan(10)
  })

  it('scenario show --json: valid JSON that gives back the exact title, DEL and C1 included', async () => {
    const r = await parley('scenario', 'show', hostileScenario(), '--json')
    expect(r.code).toBe(0)
    expect(r.stdout).not.toMatch(RAW_CONTROL)
    const s = JSON.parse(r.stdout)
    expect(s.meta.title).toBe(`Red ${ESC}[31mALERT${ESC}[0m ${BEL}\x7f\x9b2J`)
    expect(s.parties[0].name).toBe(`Alpha${ESC}]0;pwned${BEL}`)
  })

  it('search: an ingested article holding ESC and BEL is listed with them visible', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-terminal-'))
    const articles = join(dir, 'articles')
    const db = join(dir, 'db')
    mkdirSync(articles)
    writeFileSync(
      join(articles, 'hostile.txt'),
      [
        `TITLE: Ceasefire talks ${ESC}[2J${ESC}]0;owned${BEL} resume`,
        'DATE: 2025-03-18',
        '',
        `Russia rejected the ceasefire proposal ${ESC}[31mtoday${ESC}[0m${BEL}, officials said in Moscow.`,
        'Ukraine said the ceasefire talks would resume in Jeddah next week.',
        // Enough plain text that the few control characters stay under the 1% that marks a binary file.
        ...Array.from(
          { length: 12 },
          (_, k) => `Delegations met for round ${k + 1} of the talks in the capital.`,
        ),
      ].join('\n'),
    )
    const ingest = await parley('ingest', articles, '--db', db, '--json')
    expect(ingest.code).toBe(0)
    expect(JSON.parse(ingest.stdout)).toMatchObject({ added: 1, failed: [] })
    const r = await parley('search', 'ceasefire', '--db', db)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^1 article match “ceasefire”/)
    expect(r.stdout).not.toMatch(RAW_CONTROL)
    expect(r.stdout).toContain('\\u001b')
    const json = await parley('search', 'ceasefire', '--db', db, '--json')
    expect(json.stdout).not.toMatch(RAW_CONTROL)
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\u001b')
    // The query itself is echoed: a control character typed into it is shown, not obeyed.
    const q = await parley('search', `ceasefire${ESC}[5m`, '--db', db)
    expect(q.stdout).not.toMatch(RAW_CONTROL)
    expect(q.stdout).toContain('ceasefire\\u001b[5m')
  }, 60_000)

  it('error messages too: a file name holding ESC is shown escaped on stderr', async () => {
    const r = await parley('scenario', 'check', `/nonexistent/${ESC}[31mred${BEL}.yaml`)
    expect(r.code).toBe(1)
    expect(r.stderr).not.toMatch(RAW_CONTROL)
    expect(r.stderr).toContain('\\u001b[31mred\\u0007.yaml')
  })
})

describe('what the CLI writes itself keeps its control sequences', () => {
  it('the progress bar writes to its stream directly, escapes and all', async () => {
    const { Writable } = await import('node:stream')
    const { progressBar } = await import('../../src/cli/_progress.ts')
    let written = ''
    const stream = Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          written += String(chunk)
          done()
        },
      }),
      {
        isTTY: true,
        columns: 80,
        // The cursor moves cli-progress asks for; a string of its own does the rest.
        cursorTo: () => true,
        clearLine: () => true,
        clearScreenDown: () => true,
        moveCursor: () => true,
      },
    ) as unknown as NodeJS.WriteStream
    const bar = progressBar(10, 'draws', stream)
    bar.update(5)
    bar.stop()
    // cli-progress hides the cursor with ESC [ ? 25 l and shows it again: raw, as a terminal needs.
    expect(written).toContain(`${ESC}[?25l`)
    expect(written).toContain('draws [')
    expect(written).not.toContain('\\u001b')
  })
})
