// A case as one folder (src/case): its parley.yaml read and resolved, found the way git finds .git,
// and the commands that use it, with no silent fallback to the bundled case.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { caseFilesBelow, eventTypesOf, findCase, findCaseFile, loadCase } from '../../src/case/index.ts'
import { loadLexicon } from '../../src/extract/index.ts'
import { bundledCaseDir, defaultCorpus, defaultLexicon, defaultScenario } from '../../src/paths.ts'
import { FISHING_LEXICON } from '../helpers/cases.ts'
import { runCli } from '../helpers/cli.ts'

/** A case folder in a temporary directory: parley.yaml, a lexicon, one article, and a sub-folder. */
function tempCase(extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-case-'))
  mkdirSync(join(dir, 'articles', 'march'), { recursive: true })
  writeFileSync(
    join(dir, 'parley.yaml'),
    `schema: parley-case/1\nid: fish-2026\nname: Freedonia–Sylvania fishing talks\ncorpus: [articles]\nlexicon: lexicon.yaml\n${extra}`,
  )
  writeFileSync(join(dir, 'lexicon.yaml'), FISHING_LEXICON)
  writeFileSync(
    join(dir, 'articles', 'march', '01.txt'),
    'Fishing talks resume\n\nFreedonia demanded lower catch limits, and Sylvania rejected the new quotas on Monday.\n',
  )
  return dir
}

describe('loadCase(path)', () => {
  it("resolves every path against the case folder; its event types default to the general ones and its lexicon's", async () => {
    const dir = tempCase()
    const c = await loadCase(dir)
    expect(c).toMatchObject({
      id: 'fish-2026',
      name: 'Freedonia–Sylvania fishing talks',
      corpus: [join(dir, 'articles')],
      lexicon: join(dir, 'lexicon.yaml'),
      store: join(dir, '.parley', 'db'),
      bundled: false,
    })
    expect(c.scenario).toBeUndefined()
    expect(c.eventTypes).toBeUndefined()
    expect(await eventTypesOf(c)).toEqual(['call', 'meeting', 'talks', 'strike', 'agreement'])
  })

  it('reads the bundled case: its corpus, lexicon and scenario are the ones Parley ships', async () => {
    const c = await loadCase(bundledCaseDir)
    expect(c).toMatchObject({
      id: 'ukraine-2025',
      corpus: [resolve(defaultCorpus)],
      lexicon: resolve(defaultLexicon),
      scenario: resolve(defaultScenario),
      bundled: true,
    })
    expect(c.eventTypes).toContain('aid_change')
  })

  it('reports every problem of a broken case file at once, each with its line, column and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-case-'))
    writeFileSync(join(dir, 'parley.yaml'), 'id: "bad id"\nlexicon: x.yaml\nfeeds: [ftp://x]\nstor: db\n')
    const error = await loadCase(dir).catch((e: Error) => e)
    expect(String(error)).toMatch(/parley\.yaml:1:5 id: expected an id/)
    expect(String(error)).toMatch(/parley\.yaml:1:1 name: required field is missing/)
    expect(String(error)).toMatch(/parley\.yaml:3:9 feeds\[0\]: expected an http\(s\) URL, got "ftp:\/\/x"/)
    expect(String(error)).toMatch(/parley\.yaml:4:1: unknown field "stor" \(did you mean "store"\?\)/)
  })
})

describe('findCaseFile(from) and findCase(query)', () => {
  it('finds the nearest parley.yaml in or above a folder or a file, as git finds .git', () => {
    const dir = tempCase()
    expect(findCaseFile(join(dir, 'articles', 'march'))).toBe(join(dir, 'parley.yaml'))
    expect(findCaseFile(join(dir, 'articles', 'march', '01.txt'))).toBe(join(dir, 'parley.yaml'))
    expect(findCaseFile(mkdtempSync(join(tmpdir(), 'parley-none-')))).toBeUndefined()
  })

  it('prefers --case, then the files worked on, then the working directory, then the bundled case', async () => {
    const a = tempCase()
    const b = tempCase()
    const none = mkdtempSync(join(tmpdir(), 'parley-none-'))
    expect((await findCase({ case: a, near: [b], cwd: b })).case.dir).toBe(a)
    expect(await findCase({ near: [join(a, 'articles')], cwd: b })).toMatchObject({
      how: 'found',
      case: { dir: a },
    })
    expect(await findCase({ cwd: join(b, 'articles') })).toMatchObject({ how: 'found', case: { dir: b } })
    expect(await findCase({ cwd: none })).toMatchObject({ how: 'bundled', case: { id: 'ukraine-2025' } })
  })
})

describe('caseFilesBelow(root)', () => {
  it('lists the case files of a workspace folder, up to two levels down, in order', () => {
    const root = mkdtempSync(join(tmpdir(), 'parley-workspace-'))
    const place = (path: string) => {
      mkdirSync(join(root, path), { recursive: true })
      writeFileSync(join(root, path, 'parley.yaml'), 'id: x\nname: X\nlexicon: l.yaml\n')
    }
    place('b-case')
    place('a-case')
    place('group/c-case')
    place('deep/er/d-case')
    mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true })
    expect(caseFilesBelow(root).map((f) => f.slice(root.length + 1))).toEqual([
      'a-case/parley.yaml',
      'b-case/parley.yaml',
      'group/c-case/parley.yaml',
    ])
    expect(caseFilesBelow(join(root, 'a-case'))).toEqual([join(root, 'a-case', 'parley.yaml')])
  })
})

describe('the commands in a case', () => {
  it('extract uses the lexicon of the case its articles are in, not the bundled one', async () => {
    const dir = tempCase()
    const r = await runCli('extract', join(dir, 'articles'), '--json')
    expect(r.code, r.stderr).toBe(0)
    const claims = JSON.parse(r.stdout).articles[0].claims
    expect(
      claims.map((c: { actor: string; act: string; issue: string }) => `${c.actor} ${c.act} ${c.issue}`),
    ).toEqual(['FR demand quotas', 'SY reject quotas'])
    expect(r.stderr).not.toMatch(/bundled case/)
  })

  it('says so on standard error when it falls back to the bundled case', async () => {
    const none = mkdtempSync(join(tmpdir(), 'parley-none-'))
    writeFileSync(join(none, 'a.txt'), 'Talks\n\nRussia rejected the ceasefire proposal on Monday.\n')
    const r = await runCli('extract', join(none, 'a.txt'), '--json')
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(
      /no parley\.yaml here or above: using the bundled case ukraine-2025 \(its lexicon\)/,
    )
  })

  it('ingest, claims and start use the case store and corpus; --case names the case from anywhere', async () => {
    const dir = tempCase()
    const ingest = await runCli('ingest', join(dir, 'articles'), '--json')
    expect(ingest.code, ingest.stderr).toBe(0)
    expect(JSON.parse(ingest.stdout)).toMatchObject({ store: join(dir, '.parley', 'db'), added: 1 })
    const claims = await runCli('claims', '--case', dir, '--json')
    expect(claims.code, claims.stderr).toBe(0)
    expect(JSON.parse(claims.stdout).total).toBe(2)
    const start = await runCli('start', '--case', dir, '--no-serve')
    expect(start.code).toBe(1)
    expect(start.stderr).toMatch(/the case fish-2026 has no scenario yet: draft one/)
  }, 60_000)

  it('a broken case file stops the command with its located problems', async () => {
    const dir = tempCase('store: [not, a, path]\n')
    const r = await runCli('claims', '--case', dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/parley\.yaml:6:8 store: expected string, got a list of 3/)
  })
})

describe('parley case new and parley case check', () => {
  /** Four short articles on a fictional negotiation, written for this test. */
  function articles(): string {
    const dir = mkdtempSync(join(tmpdir(), 'parley-articles-'))
    const texts = [
      "Freedonia's fisheries minister Ana Lopes demanded lower fishing quotas on Monday. Sylvania rejected the fishing quotas.",
      'Sylvania proposed a joint patrol of the bay. Freedonia rejected the joint patrol, officials said.',
      'Freedonia insisted on lower fishing quotas. Sylvanian negotiators accepted the joint patrol of the bay.',
      'Ana Lopes said Freedonia would accept the joint patrol only if Sylvania cut its fishing quotas.',
    ]
    for (const [i, t] of texts.entries())
      writeFileSync(join(dir, `0${i + 1}.txt`), `Talks, day ${i + 1}\n\n${t}\n`)
    return dir
  }

  it('makes a case folder whose draft lexicon names the parties and issues, and which checks and drafts at once', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'parley-new-')), 'fishing')
    const made = await runCli('case', 'new', dir, '--from', articles(), '--name', 'Fishing talks')
    expect(made.code, made.stderr).toBe(0)
    const c = await loadCase(dir)
    expect(c).toMatchObject({ id: 'fishing', name: 'Fishing talks', corpus: [join(dir, 'articles')] })
    const lex = await loadLexicon(c.lexicon)
    expect(lex.actors.map((a) => a.name).sort()).toEqual(['Freedonia', 'Sylvania'])
    expect(lex.actors.find((a) => a.name === 'Freedonia')?.aliases).toContain('Ana Lopes')
    expect(lex.issues.flatMap((i) => i.terms)).toEqual(
      expect.arrayContaining(['fishing quotas', 'joint patrol']),
    )
    const check = await runCli('case', 'check', dir)
    expect(check.code, check.stderr).toBe(0)
    expect(check.stdout).toMatch(
      /^ok: case fishing \(Fishing talks\): 4 article inputs; lexicon with 2 parties/,
    )
    expect((await runCli('ingest', '--case', dir, join(dir, 'articles'))).code).toBe(0)
    const draft = await runCli('scenario', 'draft', '--case', dir, '--json')
    expect(draft.code, draft.stderr).toBe(0)
    expect(
      JSON.parse(draft.stdout)
        .parties.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual(lex.actors.map((a) => a.id).sort())
    const again = await runCli('case', 'new', dir, '--from', articles())
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/parley\.yaml exists already/)
  }, 120_000)

  it('check reports every problem of a case at once: the lexicon located, a missing corpus, a cue-less type', async () => {
    const dir = tempCase('event_types: [talks, embargo]\n')
    writeFileSync(join(dir, 'lexicon.yaml'), 'actors:\n  FR: { name: Freedonia, alias: [F] }\nissues: {}\n')
    writeFileSync(
      join(dir, 'parley.yaml'),
      `${readFileSync(join(dir, 'parley.yaml'), 'utf8')}`.replace('[articles]', '[articles, missing]'),
    )
    const r = await runCli('case', 'check', dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /lexicon\.yaml:2:\d+ actors\.FR: unknown field "alias" \(did you mean "aliases"\?\)/,
    )
    expect(r.stderr).toMatch(/corpus: .*missing does not exist/)
    const fine = tempCase('event_types: [talks, embargo]\n')
    const warned = await runCli('case', 'check', fine)
    expect(warned.code, warned.stderr).toBe(0)
    expect(warned.stderr).toMatch(/warning: event type "embargo" has no cues/)
  })
})

describe('scenario draft from a store filled with another lexicon', () => {
  it('warns that the claims name issues the lexicon does not know', async () => {
    const dir = tempCase()
    const db = join(mkdtempSync(join(tmpdir(), 'parley-other-')), 'db')
    const none = mkdtempSync(join(tmpdir(), 'parley-none-'))
    writeFileSync(
      join(none, 'a.txt'),
      `Talks\n\n${'Russia rejected the ceasefire proposal on Monday, and officials in Moscow said the talks would go on. '.repeat(4)}\n`,
    )
    const ingest = await runCli('ingest', join(none, 'a.txt'), '--db', db, '--json')
    expect(JSON.parse(ingest.stdout).added, ingest.stdout).toBe(1)
    const r = await runCli('scenario', 'draft', '--case', dir, '--from', db, '--json')
    expect(r.stderr).toMatch(
      /warning: the claims name issues the lexicon does not know: ceasefire \(4 claims\)/,
    )
  }, 60_000)
})
