// Issue 21, items 9 and 10, and "one rule for every input": each bad file below gave an internal error
// (exit 2), a hang, or a wrong success (exit 0 with Infinity, NaN or an empty result). The rule now: exit 0
// with a finite result, or exit 1 with a message that names the file (and the line where there is one),
// never a stack trace.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/paths.ts'
import { type CliOutcome, runCli } from '../helpers/cli.ts'

const root = mkdtempSync(join(tmpdir(), 'parley-importers-'))
let made = 0

/** A fresh folder holding the files given (name → text). */
function folder(files: Record<string, string>): string {
  const dir = join(root, String(made++))
  mkdirSync(dir)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

/** One file in a fresh folder; its path. */
const file = (name: string, text: string) => join(folder({ [name]: text }), name)

const NON_FINITE = /(?<![\p{L}\p{N}])(?:NaN|-?Infinity)(?![\p{L}\p{N}])/u

/** Exit 1, a message that matches `names` (the file, and its line where given), no stack, no internal error. */
function expectRefused(r: CliOutcome, names: RegExp): void {
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: 1, stderr: expect.stringMatching(names) })
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/)
}

/**
 * The CLI in a child process with a 512 MB heap, killed after 20 s: for inputs that hung or grew without
 * bound before their fix, so that a regression fails this test rather than the whole run.
 */
function isolated(...argv: string[]): Promise<CliOutcome & { ms: number }> {
  const main = JSON.stringify(join(packageRoot, 'src/cli/main.ts'))
  const script = `const { main } = await import(${main}); process.exitCode = await main(${JSON.stringify(argv)})`
  const start = Date.now()
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--max-old-space-size=512', '--input-type=module', '-e', script],
      { timeout: 20_000, killSignal: 'SIGKILL', cwd: packageRoot },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ code, stdout, stderr, ms: Date.now() - start })
      },
    )
  })
}

/** Exit 0 and no NaN or Infinity in what was printed. */
function expectFinite(r: CliOutcome): void {
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: 0 })
  expect(r.stdout).not.toMatch(NON_FINITE)
}

// A small GENIUS domain: a discrete issue and an integer one, and two profiles.
const issues = (size: string) => `
<issue index="1" etype="discrete" type="discrete" vtype="discrete" name="colour">
  <item index="1" value="red"></item>
  <item index="2" value="blue"></item>
</issue>
<issue index="2" etype="integer" type="integer" vtype="integer" name="size" lowerbound="0" upperbound="${size}">
</issue>`
const domainXml = ({ size = '9', prolog = '', colour = '' } = {}) =>
  `${prolog}<negotiation_template>
<utility_space number_of_issues="2">
<objective index="0" etype="objective" type="objective" name="paint${colour}">${issues(size)}
</objective>
</utility_space>
</negotiation_template>
`
const profileXml = ({
  size = '9',
  w1 = '0.6',
  w2 = '0.4',
  slope = '0.1',
  red = '1',
  reservation = '0',
} = {}) =>
  `<utility_space>
<reservation value="${reservation}"/>
<objective index="0" etype="objective" type="objective" name="paint">
<issue index="1" etype="discrete" type="discrete" vtype="discrete" name="colour">
  <item index="1" value="red" evaluation="${red}"></item>
  <item index="2" value="blue" evaluation="2"></item>
</issue>
<issue index="2" etype="integer" type="integer" vtype="integer" name="size" lowerbound="0" upperbound="${size}">
  <evaluator ftype="linear" offset="0" slope="${slope}"></evaluator>
</issue>
<weight index="1" value="${w1}"></weight>
<weight index="2" value="${w2}"></weight>
</objective>
</utility_space>
`
const genius = (domain: string, a = profileXml(), b = profileXml({ w1: '0.3', w2: '0.7' })) =>
  folder({ 'paint_domain.xml': domain, 'A.xml': a, 'B.xml': b })

describe('GENIUS XML', () => {
  it('the small domain itself gives a finite frontier (the base of the cases below)', async () => {
    expectFinite(await runCli('frontier', genius(domainXml())))
  })

  it('refuses an external entity (XXE), naming the file and the DOCTYPE', async () => {
    const prolog = '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n'
    const dir = genius(domainXml({ prolog, colour: '&xxe;' }))
    const r = await runCli('frontier', dir)
    expectRefused(r, /paint_domain\.xml:2:\d+: .*DOCTYPE/)
    expect(r.stderr).toContain('refused')
  })

  it('refuses a 100 KB entity used 2,000 times (billion laughs), quickly', async () => {
    const prolog = `<!DOCTYPE d [<!ENTITY big "${'x'.repeat(100_000)}">]>\n`
    const dir = genius(domainXml({ prolog, colour: '&big;'.repeat(2000) }))
    expectRefused(await runCli('frontier', dir), /paint_domain\.xml:1:\d+: .*DOCTYPE/)
  })

  it('refuses an ENTITY declaration without a DOCTYPE around it', async () => {
    const dir = genius(domainXml({ prolog: '<!ENTITY a "b">\n' }))
    expectRefused(await runCli('frontier', dir), /paint_domain\.xml:1:\d+: .*ENTITY/)
  })

  it('refuses XML nested 50,000 levels, naming the cap', async () => {
    const deep = `<negotiation_template>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</negotiation_template>`
    const r = await runCli('frontier', genius(deep))
    expectRefused(r, /paint_domain\.xml(:\d+:\d+)?: .*nested.*100/)
  })

  it('refuses an integer issue with an upper bound of 5e6, naming the cap', async () => {
    const r = await runCli('frontier', genius(domainXml({ size: '5000000' })))
    expectRefused(r, /paint_domain\.xml.*"size".*5,000,001 values.*at most 100,000/)
  }, 10_000)

  it('refuses an integer issue with an upper bound of 5e7 in a separate process, fast and small', async () => {
    // Before: over 120 s and 6 GB. A child process with a memory cap, killed after 20 s, so that a hang
    // fails this test instead of the whole run.
    const r = await isolated('frontier', genius(domainXml({ size: '50000000' })))
    expectRefused(r, /paint_domain\.xml.*"size".*50,000,001 values.*at most 100,000/)
    expect(r.ms).toBeLessThan(15_000)
  }, 30_000)

  it('refuses an outcome space beyond 2^53 − 1 packages, naming the cap', async () => {
    // 5 integer issues of 100,000 values each: 10^25 packages, past what a double counts exactly.
    const many = (evaluator: string) =>
      Array.from(
        { length: 5 },
        (_, k) =>
          `<issue index="${k + 1}" etype="integer" type="integer" name="i${k}" lowerbound="1" upperbound="100000">${evaluator}</issue>`,
      ).join('\n')
    const weights = Array.from({ length: 5 }, (_, k) => `<weight index="${k + 1}" value="0.2"/>`).join('')
    const domain = `<negotiation_template><utility_space><objective index="0" name="o">${many('')}</objective></utility_space></negotiation_template>`
    const profile = (slope: string) =>
      `<utility_space><objective index="0" name="o">${many(`<evaluator ftype="linear" offset="0" slope="${slope}"/>`)}${weights}</objective></utility_space>`
    const r = await runCli('frontier', genius(domain, profile('0.00001'), profile('-0.00001')))
    expectRefused(r, /paint_domain\.xml: .*packages.*at most 9,007,199,254,740,991/)
  })

  it.each([
    ['1e308', /A\.xml:\d+:\d+ .*weight.*expected a number from 0 to 1, got "1e308"/],
    ['-1e308', /A\.xml:\d+:\d+ .*weight.*expected a number from 0 to 1, got "-1e308"/],
  ])('refuses a weight of %s (the utility was Infinity)', async (w, message) => {
    const r = await runCli('frontier', genius(domainXml(), profileXml({ w1: w })))
    expectRefused(r, message)
  })

  it.each([
    ['an evaluation of 1e309', { red: '1e309' }, /A\.xml:\d+:\d+ .*evaluation.*got "1e309"/],
    ['a negative evaluation', { red: '-1' }, /A\.xml:\d+:\d+ .*evaluation.*got "-1"/],
    ['a slope of NaN', { slope: 'NaN' }, /A\.xml:\d+:\d+ .*slope.*got "NaN"/],
    ['a reservation value of 1e308', { reservation: '1e308' }, /A\.xml:\d+:\d+ .*reservation.*got "1e308"/],
  ])('refuses %s, naming the file and line', async (_name, edit, message) => {
    expectRefused(await runCli('frontier', genius(domainXml(), profileXml(edit))), message)
  })

  it('simulate refuses a 10^12-package domain, naming the cap', async () => {
    const twelve = Array.from(
      { length: 12 },
      (_, k) =>
        `<issue index="${k + 1}" etype="integer" type="integer" name="i${k}" lowerbound="0" upperbound="9">${'\u0000'}</issue>`,
    )
    const domain = `<negotiation_template><utility_space><objective index="0" name="o">${twelve.map((i) => i.replace('\u0000', '')).join('\n')}</objective></utility_space></negotiation_template>`
    const profile = (w: number) =>
      `<utility_space><objective index="0" name="o">${twelve
        .map((i, k) =>
          i.replace('\u0000', `<evaluator ftype="linear" offset="${k % 2}" slope="${k % 2 ? -0.1 : 0.1}"/>`),
        )
        .join(
          '\n',
        )}${twelve.map((_, k) => `<weight index="${k + 1}" value="${w}"/>`).join('')}</objective></utility_space>`
    const dir = folder({ 'd_domain.xml': domain, 'A.xml': profile(1 / 12), 'B.xml': profile(1 / 12) })
    const r = await runCli('simulate', dir, '--strategies', 'A=boulware,B=conceder')
    expectRefused(r, /1,000,000,000,000 packages.*at most 20,000,000/)
    expect(r.stderr).toContain(dir)
  }, 20_000)

  it('simulate refuses more rounds than it weighs in bounded time, naming the cap', async () => {
    // 10 × 10 × 10 × 10 × 10 × 10 packages × 100,000 rounds: 10^11 offers to weigh (minutes before).
    const six = Array.from(
      { length: 6 },
      (_, k) =>
        `<issue index="${k + 1}" etype="integer" type="integer" name="i${k}" lowerbound="0" upperbound="9">E</issue>`,
    )
    const domain = `<negotiation_template><utility_space><objective index="0" name="o">${six.map((i) => i.replace('E', '')).join('')}</objective></utility_space></negotiation_template>`
    const profile = (slope: number) =>
      `<utility_space><objective index="0" name="o">${six
        .map((i) =>
          i.replace('E', `<evaluator ftype="linear" offset="${slope > 0 ? 0 : 1}" slope="${slope}"/>`),
        )
        .join(
          '',
        )}${six.map((_, k) => `<weight index="${k + 1}" value="0.1"/>`).join('')}</objective></utility_space>`
    const dir = folder({ 'd_domain.xml': domain, 'A.xml': profile(0.1), 'B.xml': profile(-0.1) })
    // In a child process, killed after 20 s: before the cap this ran for hours.
    const r = await isolated('simulate', dir, '--strategies', 'A=boulware,B=boulware', '--rounds', '100000')
    expectRefused(r, /1,000,000 packages × 100,000 rounds.*at most 2,000,000,000/)
  }, 30_000)

  it('refuses a folder with a domain and no profile (an empty frontier of no parties before)', async () => {
    const dir = folder({ 'paint_domain.xml': domainXml() })
    expectRefused(await runCli('frontier', dir), new RegExp(`${dir}: no profile`))
  })

  it('names the folder of an unknown party', async () => {
    const dir = genius(domainXml())
    expectRefused(await runCli('frontier', dir, '--parties', 'A,C'), new RegExp(`${dir}: unknown party "C"`))
  })
})

describe('GeniusWeb JSON', () => {
  const domain = (range: unknown) =>
    JSON.stringify({
      name: 'paint',
      issuesValues: { colour: { values: ['red', 'blue'] }, size: { range } },
    })
  const profile = (weights = { colour: 0.6, size: 0.4 }) =>
    JSON.stringify({
      LinearAdditiveUtilitySpace: {
        name: 'buyer',
        domain: { name: 'paint' },
        issueUtilities: {
          colour: { DiscreteValueSetUtilities: { valueUtilities: { red: 1, blue: 0 } } },
          size: { NumberValueSetUtilities: { lowValue: 1, lowUtility: 0, highValue: 3, highUtility: 1 } },
        },
        issueWeights: weights,
      },
    })
  const geniusweb = (d: string, a = profile(), b = profile({ colour: 0.2, size: 0.8 })) =>
    folder({ 'domain.json': d, 'buyer.json': a, 'seller.json': b })

  it('reads a good folder (the base of the cases below)', async () => {
    expectFinite(await runCli('frontier', geniusweb(domain(['1', '3', '1']))))
  })

  it.each([
    ['0', ['1', '3', '0']],
    ['-1', [1, 3, -1]],
    ['NaN', ['1', '3', 'x']],
  ])(
    'refuses a step of %s (0 looped forever; in a child process, killed after 20 s)',
    async (_step, range) => {
      expectRefused(await isolated('frontier', geniusweb(domain(range))), /domain\.json:1:\d+ .*range.*step/)
    },
    30_000,
  )

  it('refuses a range of 10^12 values, naming the cap', async () => {
    // In a child process: before the cap this grew until the heap ran out.
    const r = await isolated('frontier', geniusweb(domain([0, 1e12, 1])))
    expectRefused(r, /domain\.json:1:\d+ .*range.*at most 100,000/)
  }, 30_000)

  it('refuses a weight of 1e308', async () => {
    const r = await runCli('frontier', geniusweb(domain([1, 3, 1]), profile({ colour: 1e308, size: 0.4 })))
    expectRefused(r, /buyer\.json:1:\d+ .*issueWeights\.colour/)
  })

  it('refuses a JSON file holding null in the folder', async () => {
    const dir = folder({ 'domain.json': domain([1, 3, 1]), 'buyer.json': profile(), 'x.json': 'null' })
    expectRefused(await runCli('frontier', dir), /x\.json/)
  })
})

describe('divide', () => {
  it.each([
    ['null', 'null'],
    ['a number', '42'],
    ['an array', '[]'],
    ['items without points', '{"parties": ["A", "B"], "items": [{"id": "x"}]}'],
    [
      'points of 1e308',
      '{"parties": ["A", "B", "C"], "items": [{"id": "x", "points": {"A": 1e308, "B": 1, "C": 1}}]}',
    ],
  ])('refuses a JSON file holding %s, naming it', async (_name, text) => {
    const path = file('items.json', text)
    expectRefused(await runCli('divide', path), /items\.json/)
  })

  it('names the line of a bad point', async () => {
    const text =
      '{\n  "parties": ["A", "B"],\n  "items": [\n    {"id": "x", "points": {"A": -5, "B": 100}}\n  ]\n}\n'
    expectRefused(await runCli('divide', file('items.json', text)), /items\.json:4:\d+ items\[0\]\.points\.A/)
  })

  it('refuses maximum Nash welfare over more than 5,000 party-item pairs (37 s for 30,000 before)', async () => {
    const items = Array.from({ length: 2_000 }, (_, k) => ({
      id: `i${k}`,
      points: { A: 0.05, B: 0.05, C: 0.05 },
    }))
    const path = file('items.json', JSON.stringify({ parties: ['A', 'B', 'C'], items }))
    expectRefused(await runCli('divide', path), /items\.json: 3 parties × 2,000 items.*at most 5,000/)
  })

  it('names the file when the points do not sum to 100 for Adjusted Winner', async () => {
    const text = JSON.stringify({ parties: ['A', 'B'], items: [{ id: 'x', points: { A: 90, B: 100 } }] })
    expectRefused(await runCli('divide', file('items.json', text)), /items\.json: A spreads 90 points/)
  })

  it('refuses points for a party that is not listed, and an item given twice', async () => {
    const text =
      '{\n"parties": ["A", "B"],\n"items": [\n{"id": "x", "points": {"A": 50, "B": 50, "C": 1}},\n{"id": "x", "points": {"A": 50, "B": 50}}\n]\n}\n'
    const r = await runCli('divide', file('items.json', text))
    expectRefused(r, /items\.json:4:\d+ items\[0\]\.points\.C: "C" is not one of the parties/)
    expect(r.stderr).toMatch(/items\.json:5:\d+ items\[1\]\.id: a second item "x"/)
  })

  it('still divides a good file', async () => {
    const text = JSON.stringify({
      parties: ['A', 'B'],
      items: [
        { id: 'x', points: { A: 60, B: 30 } },
        { id: 'y', points: { A: 40, B: 70 } },
      ],
    })
    expectFinite(await runCli('divide', file('items.json', text), '--json'))
  })
})

describe('forecast formats', () => {
  const header = 'Actor,Capability,Position,Salience\n'

  it('BdM with 150,000 rows gives a finite forecast (Math.min(...xs) overflowed the stack)', async () => {
    const rows = Array.from({ length: 150_000 }, (_, k) => `A${k},1,${k % 100},0.5`).join('\n')
    const r = await runCli('forecast', file('actors.csv', `${header}${rows}\n`), '--json')
    expectFinite(r)
    expect(JSON.parse(r.stdout).issues[0].models.compromise.position).toBeCloseTo(49.5, 6)
  }, 20_000)

  it('DECIDE with 200,000 #M lines gives a finite forecast', async () => {
    const points = Array.from({ length: 200_000 }, (_, k) => `'#M'\t'p'\t${k % 101}`).join('\n')
    const text = `'#A'\t'a'\t'a'\t''\n'#A'\t'b'\t'b'\t''\n'#P'\t'p'\t'p'\t''\n${points}\n'#D'\t'a'\t'p'\t20\t0.5\t1\n'#D'\t'b'\t'p'\t80\t0.5\t1\n`
    const r = await runCli('forecast', file('decide.txt', text), '--json')
    expectFinite(r)
    expect(JSON.parse(r.stdout).issues[0].models.compromise.position).toBeCloseTo(50, 9)
  }, 20_000)

  it.each(['1e308', '-1e308'])('BdM: refuses a position of %s (the compromise was NaN)', async (x) => {
    const text = `${header}A,1,${x},0.5\nB,1,1e308,0.5\nC,1,5,0.5\n`
    const r = await runCli('forecast', file('actors.csv', text))
    expectRefused(r, /actors\.csv:2:1 Position: expected a number from -1,000,000,000 to 1,000,000,000/)
  })

  it('BdM: refuses a capability of 1e308', async () => {
    const r = await runCli('forecast', file('actors.csv', `${header}A,1e308,5,0.5\nB,1,6,0.5\n`))
    expectRefused(r, /actors\.csv:2:1 Capability: expected a number from 0 to 1,000,000,000,000,000/)
  })

  it('DECIDE: refuses a position of 1e308 (the compromise was NaN)', async () => {
    const text = `'#A'\t'a'\t'a'\t''\n'#A'\t'b'\t'b'\t''\n'#P'\t'p'\t'p'\t''\n'#D'\t'a'\t'p'\t1e308\t0.5\t1\n'#D'\t'b'\t'p'\t-1e308\t0.5\t1\n`
    const r = await runCli('forecast', file('decide.txt', text))
    expectRefused(r, /decide\.txt:4:1: '#D' position: expected a number from -1,000,000,000 to 1,000,000,000/)
    expect(r.stderr).toMatch(/decide\.txt:5:1/)
  })

  it("DECIDE: refuses a '#M' point of 1e308", async () => {
    const text = `'#A'\t'a'\t'a'\t''\n'#P'\t'p'\t'p'\t''\n'#M'\t'p'\t1e308\n'#D'\t'a'\t'p'\t1\t0.5\t1\n`
    expectRefused(await runCli('forecast', file('decide.txt', text)), /decide\.txt:3:1: '#M'/)
  })

  it("DECIDE: refuses a file without '#D' records (an empty forecast before)", async () => {
    const text = `'#A'\t'a'\t'a'\t''\n'#P'\t'p'\t'p'\t''\n'#M'\t'p'\t0\n'#M'\t'p'\t100\n`
    expectRefused(await runCli('forecast', file('decide.txt', text)), /decide\.txt: no '#D' records/)
  })

  it("DECIDE: refuses an issue that no '#D' record places an actor on", async () => {
    const text = `'#A'\t'a'\t'a'\t''\n'#P'\t'p'\t'p'\t''\n'#P'\t'q'\t'q'\t''\n'#D'\t'a'\t'p'\t1\t0.5\t1\n`
    expectRefused(await runCli('forecast', file('decide.txt', text)), /decide\.txt:3:1: .*"q".*'#D'/)
  })

  it('BdM: refuses a file where no actor carries weight (EUM gave NaN before)', async () => {
    const text = `${header}A,1,10,0\nB,1,20,0\nC,1,30,0\n`
    const r = await runCli('forecast', file('actors.csv', text), '--model', 'compromise,eum')
    expectRefused(r, /actors\.csv: no actor carries weight/)
  })

  it('DECIDE: refuses an issue on which no actor carries weight, at its #P line', async () => {
    const text = `'#A'\t'a'\t'a'\t''\n'#A'\t'b'\t'b'\t''\n'#P'\t'p'\t'p'\t''\n'#D'\t'a'\t'p'\t1\t0\t1\n'#D'\t'b'\t'p'\t9\t0.5\t0\n`
    expectRefused(
      await runCli('forecast', file('decide.txt', text)),
      /decide\.txt:3:1: issue "p": no actor carries weight/,
    )
  })

  it('DEU: leaves out a row on which no actor carries weight, as it leaves out rows it cannot score', async () => {
    const header = ['prnr', 'isnr', 'out', 'pde', 'sde', 'pfr', 'sfr', 'pit', 'sit'].join('\t')
    const rows = `\t\t\t1\t\t1\t\t1\t\nP1\tI1\t50\t10\t0\t60\t0\t70\t0\nP1\tI2\t50\t10\t50\t60\t50\t70\t50\n`
    const r = await runCli(
      'forecast',
      file('deu.csv', `${header}\n${rows}`),
      '--format',
      'deu',
      '--model',
      'eum',
      '--json',
    )
    expectFinite(r)
    expect(JSON.parse(r.stdout).issues.map((i: { id: string }) => i.id)).toEqual(['I2'])
  })

  it('DEU: refuses a file with only a header (an empty forecast before)', async () => {
    const header = ['prnr', 'isnr', 'out', 'pde', 'sde', 'pfr', 'sfr', 'pit', 'sit'].join('\t')
    const r = await runCli('forecast', file('deu.csv', `${header}\n`), '--format', 'deu')
    expectRefused(r, /deu\.csv: no scorable issue/)
  })

  it('DEU: refuses rows none of which can be scored', async () => {
    const header = ['prnr', 'isnr', 'out', 'pde', 'sde', 'pfr', 'sfr', 'pit', 'sit'].join('\t')
    const rows = `\t\t\t1\t\t1\t\t1\t\nP1\tI1\t\t50\t50\t60\t50\t70\t50\n`
    const r = await runCli('forecast', file('deu.csv', `${header}\n${rows}`), '--format', 'deu')
    expectRefused(r, /deu\.csv: no scorable issue/)
  })

  it('DEU: refuses a position of 1e308 with its line', async () => {
    const header = ['prnr', 'isnr', 'out', 'pde', 'sde', 'pfr', 'sfr', 'pit', 'sit'].join('\t')
    const rows = `\t\t\t1\t\t1\t\t1\t\nP1\tI1\t50\t1e308\t50\t60\t50\t70\t50\n`
    const r = await runCli('forecast', file('deu.csv', `${header}\n${rows}`), '--format', 'deu')
    expectRefused(r, /deu\.csv:3:1 de: .*position/)
  })
})
