// Issue 21: the importers' errors through the library, without the CLI: one user-error type with a code
// (src/core/errors.ts), shared by the CLI (exit 1) and the server (a 4xx).
import { describe, expect, it } from 'vitest'
import { DivisionInput, divisionProblems } from '../../src/analysis/division/index.ts'
import { parseBdmCsv, parseDecide, parseDeu } from '../../src/analysis/forecast/index.ts'
import {
  type Domain,
  enumerateOutcomes,
  GeniusError,
  MAX_ISSUE_VALUES,
  readGeniusDomain,
  readGeniusProfile,
  readGeniusWebDomain,
} from '../../src/analysis/packages/index.ts'
import { formatCount, InputError, LocatedInputError, numberProblem } from '../../src/core/index.ts'

/** The error `fn` throws. */
function thrown(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

describe('InputError and LocatedInputError carry a code', () => {
  it('defaults to "invalid" and keeps every existing constructor call working', () => {
    expect(new InputError('x').code).toBe('invalid')
    expect(new InputError('x', { code: 'too-large' }).code).toBe('too-large')
    const located = new LocatedInputError([{ file: 'f', line: 1, column: 2, path: '', message: 'm' }])
    expect(located.code).toBe('invalid')
    expect(located.message).toBe('f:1:2: m')
  })

  it('takes the first problem with a code, unless one is given', () => {
    const problems = [
      { file: 'f', line: 1, column: 1, path: 'a', message: 'm' },
      { file: 'f', line: 2, column: 1, path: 'b', message: 'n', code: 'not-finite' as const },
    ]
    expect(new LocatedInputError(problems).code).toBe('not-finite')
    expect(new LocatedInputError(problems, { code: 'missing' }).code).toBe('missing')
  })

  it('numberProblem says what a number field expected, with a code', () => {
    expect(numberProblem('0.5', 0, 1)).toBeUndefined()
    expect(numberProblem('x', 0, 1)).toEqual({ message: 'expected a number, got "x"', code: 'malformed' })
    expect(numberProblem('', 0)).toEqual({ message: 'expected a number, got ""', code: 'malformed' })
    expect(numberProblem('1e308', 0, 1)).toEqual({
      message: 'expected a number from 0 to 1, got "1e308"',
      code: 'out-of-range',
    })
    expect(numberProblem('1e309', 0)).toEqual({
      message: 'expected a number of at least 0, got "1e309"',
      code: 'not-finite',
    })
    expect(numberProblem('-Infinity')).toEqual({
      message: 'expected a finite number, got "-Infinity"',
      code: 'not-finite',
    })
  })

  it('formatCount groups digits, and past 2^53 − 1 writes an exponent', () => {
    expect(formatCount(5_000_001)).toBe('5,000,001')
    expect(formatCount(Number.MAX_SAFE_INTEGER)).toBe('9,007,199,254,740,991')
    expect(formatCount(1e25)).toBe('1.00e+25')
  })
})

const domain = (prolog: string, size = '9') =>
  `${prolog}<negotiation_template><utility_space><objective index="0" name="o">
<issue index="1" type="integer" name="size" lowerbound="0" upperbound="${size}"/>
</objective></utility_space></negotiation_template>`

describe('GENIUS', () => {
  it('refuses a DOCTYPE at its line and column, as "unsupported"', () => {
    const e = thrown(() => readGeniusDomain('d.xml', domain('\n  <!DOCTYPE d [<!ENTITY a "b">]>\n')))
    expect(e).toBeInstanceOf(LocatedInputError)
    expect(e.code).toBe('unsupported')
    expect((e as LocatedInputError).problems[0]).toMatchObject({ file: 'd.xml', line: 2, column: 3 })
  })

  it('reads a DOCTYPE mentioned in a comment as a comment', () => {
    expect(readGeniusDomain('d.xml', domain('<!-- no <!DOCTYPE here -->\n'))[0]?.options).toHaveLength(10)
  })

  it(`caps an integer issue at ${MAX_ISSUE_VALUES} values, as "too-large", at its upperbound`, () => {
    const e = thrown(() => readGeniusDomain('d.xml', domain('', String(MAX_ISSUE_VALUES))))
    expect(e.code).toBe('too-large')
    expect(e.message).toMatch(/^d\.xml:2:\d+ utility_space\.objective\[0\]\.issue\[0\]\.upperbound: /)
    expect(readGeniusDomain('d.xml', domain('', String(MAX_ISSUE_VALUES - 1)))[0]?.options).toHaveLength(
      MAX_ISSUE_VALUES,
    )
  })

  it('a GeniusError is an InputError, so every caller maps it to a user error', () => {
    const e = thrown(() => readGeniusDomain('d.xml', '<utility_space/>'))
    expect(e).toBeInstanceOf(GeniusError)
    expect(e.code).toBe('missing')
  })

  it('locates each bad attribute of a profile, and reports them all at once', () => {
    const issues = readGeniusDomain('d.xml', domain(''))
    const profile = `<utility_space>
<objective index="0" name="o">
<issue index="1" type="integer" name="size" lowerbound="0" upperbound="9">
<evaluator ftype="linear" slope="1e999" offset="x"/>
</issue>
<weight index="1" value="-0.5"/>
</objective>
</utility_space>`
    const e = thrown(() => readGeniusProfile('p.xml', profile, issues)) as LocatedInputError
    expect(e.problems.map((p) => `${p.line}:${p.column} ${p.path} ${p.code}`)).toEqual([
      '4:27 objective[0].issue[0].evaluator.slope not-finite',
      '4:41 objective[0].issue[0].evaluator.offset malformed',
      '6:19 objective[0].weight[0].value out-of-range',
    ])
  })
})

describe('GeniusWeb, division, enumeration and the forecast formats', () => {
  it('GeniusWeb: a step of 0 is refused with its path, for callers without the text', () => {
    const json = { issuesValues: { size: { range: [1, 3, 0] } } }
    expect(thrown(() => readGeniusWebDomain('d.json', json)).message).toBe(
      'd.json: not a GeniusWeb domain: issuesValues.size.range[2]: the step must be positive, got 0',
    )
  })

  it('division: the schema and the checks beyond it', () => {
    const input = DivisionInput.parse({
      parties: ['A', 'A'],
      items: [
        { id: 'x', points: { A: 50, Z: 1 } },
        { id: 'x', points: { A: 50 } },
      ],
    })
    expect(divisionProblems(input)).toEqual([
      { path: ['parties', 1], message: '"A" is listed twice' },
      { path: ['items', 0, 'points', 'Z'], message: '"Z" is not one of the parties (A, A)' },
      { path: ['items', 1, 'id'], message: 'a second item "x"' },
    ])
    expect(
      DivisionInput.safeParse({ parties: ['A'], items: [{ id: 'x', points: { A: 1e308 } }] }).success,
    ).toBe(false)
  })

  it('enumeration past its limit is a user error, "too-large"', () => {
    const d: Domain = {
      issues: [
        {
          id: 'i',
          name: 'i',
          options: [
            { label: 'a', value: 'a' },
            { label: 'b', value: 'b' },
          ],
        },
      ],
      parties: [{ id: 'A', name: 'A' }],
      contributions: [[Float64Array.of(0, 1)]],
      reservation: [0],
    }
    expect(thrown(() => enumerateOutcomes(d, 1))).toMatchObject({
      code: 'too-large',
      message: '2 packages is more than the enumeration limit of 1',
    })
  })

  it('BdM, DECIDE and DEU give codes with their located problems', () => {
    const header = 'Actor,Capability,Position,Salience\n'
    expect(thrown(() => parseBdmCsv(`${header}A,1,1e308,0.5\n`, 'a.csv')).code).toBe('out-of-range')
    expect(thrown(() => parseBdmCsv(`${header}A,1,1e309,0.5\n`, 'a.csv')).code).toBe('not-finite')
    expect(thrown(() => parseDecide("'#A'\t'a'\t'a'\t''\n'#P'\t'p'\t'p'\t''\n", 'd.txt')).code).toBe(
      'missing',
    )
    expect(thrown(() => parseDeu('prnr\tisnr\tout\tpde\tsde\n', 'deu.csv')).code).toBe('missing')
  })
})
