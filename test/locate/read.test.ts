import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { LocatedInputError, type LocatedProblem } from '../../src/core/index.ts'
import { closest, editDistance, type ReadOptions, readLocated } from '../../src/locate/index.ts'

// A small schema written for these tests: a record of strict objects, a list, a union of a text and a mapping.
const Member = z.strictObject({
  name: z.string({ error: 'expected text' }),
  salience: z.number({ error: 'expected a number' }).max(100, { error: 'expected 0–100' }).optional(),
})
const Schema = z.strictObject({
  title: z.string(),
  members: z.record(z.string(), Member),
  notes: z.array(z.union([z.string(), z.strictObject({ text: z.string(), by: z.string() })])).default([]),
})
type Options = Partial<ReadOptions<z.output<typeof Schema>>>

function problemsOf(text: string, options: Options = {}): LocatedProblem[] {
  try {
    readLocated(text, Schema, { file: 'f.yaml', expected: 'a title and members', ...options })
  } catch (error) {
    if (error instanceof LocatedInputError) return error.problems
    throw error
  }
  throw new Error('expected the text to be rejected')
}
const lines = (problems: LocatedProblem[]) =>
  problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`)

describe('readLocated(text, schema, options)', () => {
  it('returns the parsed value, defaults filled in', () => {
    const value = readLocated('title: T\nmembers:\n  a: { name: Alpha }\n', Schema, {
      file: 'f.yaml',
      expected: 'x',
    })
    expect(value).toEqual({ title: 'T', members: { a: { name: 'Alpha' } }, notes: [] })
  })

  it('locates every problem at once, in the order of the text, each at its node', () => {
    const text = [
      'title: T', // 1
      'members:', // 2
      '  a:', // 3
      '    name: Alpha', // 4
      '    salince: 40', // 5
      '  b: { name: 7, salience: 140 }', // 6
    ].join('\n')
    expect(lines(problemsOf(text))).toEqual([
      '5:5 members.a: unknown field "salince" (did you mean "salience"?); expected one of: name, salience',
      '6:14 members.b.name: expected text, got 7',
      '6:27 members.b.salience: expected 0–100, got 140',
    ])
  })

  it('points a missing field at its mapping, and a missing section at the top', () => {
    expect(lines(problemsOf('title: T\nmembers:\n  a:\n    salience: 3\n'))).toEqual([
      '4:5 members.a.name: required field is missing (expected text)',
    ])
    expect(lines(problemsOf('title: T\n'))).toEqual([
      '1:1 members: required field is missing (expected record)',
    ])
  })

  it('gives each unknown field of a mapping its own problem and its own "did you mean", or groups them', () => {
    const text = 'title: T\nmembers:\n  a: { name: A, nme: x, salence: 3 }\n'
    expect(lines(problemsOf(text))).toEqual([
      '3:17 members.a: unknown field "nme" (did you mean "name"?); expected one of: name, salience',
      '3:25 members.a: unknown field "salence" (did you mean "salience"?); expected one of: name, salience',
    ])
    expect(lines(problemsOf(text, { unknownKeys: 'grouped' }))).toEqual([
      '3:17 members.a: unknown field "nme", "salence"; expected one of: name, salience',
    ])
  })

  it('suggests nothing for an unknown field that is close to no allowed one', () => {
    const [p] = problemsOf('title: T\nmembers: {}\ncolour: red\n')
    expect(p?.message).toBe('unknown field "colour"; expected one of: title, members, notes')
    expect([p?.line, p?.column]).toEqual([3, 1])
  })

  it('reports the problems inside the branch of a union that took the value, not "Invalid input"', () => {
    const text = 'title: T\nmembers: {}\nnotes:\n  - plain\n  - { text: x, bye: y }\n  - 3\n'
    expect(lines(problemsOf(text))).toEqual([
      '5:5 notes[1].by: required field is missing (expected string)',
      '5:16 notes[1]: unknown field "bye" (did you mean "by"?); expected one of: text, by',
      '6:5 notes[2]: Invalid input',
    ])
  })

  it("locates the problems of `check` beside the schema's, on the raw value when the schema failed", () => {
    const check = (data: unknown, raw: unknown) => [
      { path: ['members', 'a', 'name'], message: `checked ${data === undefined ? 'raw' : 'parsed'}` },
      { path: ['members'], message: `keys: ${Object.keys((raw as { members: object }).members).join(',')}` },
    ]
    expect(lines(problemsOf('title: T\nmembers:\n  a: { name: Alpha }\n', { check }))).toEqual([
      '3:3 members: keys: a',
      '3:14 members.a.name: checked parsed',
    ])
    expect(lines(problemsOf('title: 5\nmembers:\n  a: { name: Alpha }\n', { check }))).toEqual([
      '1:8 title: expected string, got 5',
      '3:3 members: keys: a',
      '3:14 members.a.name: checked raw',
    ])
  })

  it('reads JSON with the same positions and messages', () => {
    const json = '{\n  "title": "T",\n  "members": {"a": {"name": "A", "salience": 101}}\n}\n'
    expect(lines(problemsOf(json))).toEqual(['3:46 members.a.salience: expected 0–100, got 101'])
  })

  it('reports invalid YAML, an anchorless alias, a repeated key and an empty file, each located', () => {
    expect(lines(problemsOf('title: [T\nmembers: {}\n'))[0]).toMatch(/^\d+:\d+ : invalid YAML/)
    expect(lines(problemsOf('title: *nowhere\nmembers: {}\n'))).toEqual([
      '1:8 : invalid YAML: Unresolved alias (the anchor must be set before the alias): nowhere',
    ])
    expect(lines(problemsOf('title: T\ntitle: U\nmembers: {}\n'))).toEqual([
      '2:1 : invalid YAML: Map keys must be unique',
    ])
    expect(problemsOf('\n')).toEqual([
      {
        file: 'f.yaml',
        line: 0,
        column: 0,
        path: '',
        message: 'the file is empty; expected a title and members',
      },
    ])
  })

  it('says the hint it is given after a field left empty', () => {
    const text = 'title: T\nmembers:\n  a:\n    name:\n'
    expect(lines(problemsOf(text, { emptyHint: 'write a name' }))).toEqual([
      '4:10 members.a.name: empty (expected text): write a name',
    ])
    expect(lines(problemsOf(text))).toEqual(['4:10 members.a.name: empty (expected text)'])
  })
})

describe('closest(name, candidates) and editDistance(a, b)', () => {
  it.each([
    ['salince', ['position', 'salience'], 'salience'],
    ['Aliases', ['name', 'aliases'], 'aliases'],
    ['weak_term', ['terms', 'weak_terms'], 'weak_terms'],
    ['isues', ['actors', 'issues'], 'issues'],
    ['colour', ['title', 'members'], undefined],
    ['x', [], undefined],
  ])('closest(%j, %j) = %j', (name, candidates, expected) => {
    expect(closest(name, candidates)).toBe(expected)
  })

  it('editDistance counts insertions, deletions and substitutions (kitten → sitting = 3, Levenshtein 1966)', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('flaw', 'lawn')).toBe(2)
  })

  it('editDistance is a metric: zero only on equal strings, symmetric, and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        (a, b, c) => {
          expect(editDistance(a, b) === 0).toBe(a === b)
          expect(editDistance(a, b)).toBe(editDistance(b, a))
          expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c))
          expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length))
        },
      ),
      { seed: 19 },
    )
  })
})
