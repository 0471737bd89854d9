import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GENERAL_EVENT_TYPES, LocatedInputError, type LocatedProblem } from '../../src/core/index.ts'
import { loadScenario, parseScenario } from '../../src/scenario/index.ts'

const dir = join(import.meta.dirname, '../fixtures/scenarios')
const minimal = readFileSync(join(dir, 'minimal.yaml'), 'utf8')
const article = readFileSync(join(dir, 'article.txt'), 'utf8')
const readSource = (file: string) => {
  if (file === 'article.txt') return article
  throw new Error(`no such file: ${file}`)
}

/** The minimal fixture with line `n` (1-based) replaced; `null` deletes the line. */
function withLine(n: number, text: string | null, yaml = minimal): string {
  const lines = yaml.split('\n')
  expect(lines[n - 1], `line ${n} of minimal.yaml`).toBeDefined()
  if (text === null) lines.splice(n - 1, 1)
  else lines[n - 1] = text
  return lines.join('\n')
}

function problemsOf(text: string, file = 'broken.yaml'): LocatedProblem[] {
  try {
    // Checked against the general event types, as a scenario outside any case is (src/cli/_case.ts).
    parseScenario(text, { file, readSource, eventTypes: GENERAL_EVENT_TYPES })
  } catch (error) {
    if (error instanceof LocatedInputError) return error.problems
    throw error
  }
  throw new Error('expected the scenario to be rejected')
}

describe('parseScenario', () => {
  it('accepts the minimal fixture, with a quote that spans a line break in its source', () => {
    const s = parseScenario(minimal, { file: 'minimal.yaml', readSource })
    expect(s.parties.map((p) => p.id)).toEqual(['A', 'B'])
    expect(s.stances[1]?.position.evidence?.[0]?.quote).toBe('Beta rejected it.')
    expect(s.conditions[0]?.relation).toBe('after') // the default
    expect(s.sources[0]?.date_estimated).toBe(false) // the default
  })

  // Each case breaks the fixture in one way and names the line, the field path and the message.
  const cases: { name: string; text: () => string; line: number; path: string; message: RegExp }[] = [
    {
      name: 'bad YAML',
      text: () => withLine(13, '    capability: { value: 60, assumption: Test assumption. }}'),
      line: 13,
      path: '',
      message: /invalid YAML/,
    },
    {
      // Found by `npm run bench -- fuzz`: the parser accepts it, building the values throws.
      name: 'an alias to no anchor',
      text: () => withLine(13, '    capability: *nowhere'),
      line: 13,
      path: '',
      message: /invalid YAML: Unresolved alias/,
    },
    {
      name: 'a wrong type',
      text: () => withLine(13, '    capability: { value: high, assumption: Test assumption. }'),
      line: 13,
      path: 'parties[0].capability.value',
      message: /expected a number 0–100, got "high"/,
    },
    {
      name: 'a number out of range',
      text: () => withLine(38, '    salience: { value: 140, assumption: Test assumption. }'),
      line: 38,
      path: 'stances[0].salience.value',
      message: /expected 0–100, got 140/,
    },
    {
      name: 'an unknown party',
      text: () => withLine(40, '  - party: C'),
      line: 40,
      path: 'stances[1].party',
      message: /unknown party "C"; expected one of: A, B/,
    },
    {
      name: 'an unevidenced number',
      text: () => withLine(43, '    salience: { value: 50 }'),
      line: 43,
      path: 'stances[1].salience',
      message: /needs `evidence`.*or an `assumption`/,
    },
    {
      name: 'a quote that is not in its source',
      text: () => withLine(37, '          quote: Alpha proposed a partial truce.'),
      line: 37,
      path: 'stances[0].position.evidence[0].quote',
      message: /quote not found verbatim in source "s1"/,
    },
    {
      name: 'a misspelt field',
      text: () => withLine(43, '    salince: { value: 50, assumption: Test assumption. }'),
      line: 43,
      path: 'stances[1]',
      message: /unknown field "salince" \(did you mean "salience"\?\)/,
    },
    {
      name: 'a missing required field',
      text: () => withLine(3, null),
      line: 2,
      path: 'meta.title',
      message: /required field is missing/,
    },
    {
      name: 'evidence citing an unknown source',
      text: () => withLine(36, '        - source: s9'),
      line: 36,
      path: 'stances[0].position.evidence[0].source',
      message: /unknown source "s9"; expected one of: s1/,
    },
    {
      name: 'options out of order',
      text: () => withLine(23, '      - { label: full, position: 0 }'),
      line: 23,
      path: 'issues[0].options[1].position',
      message: /increasing order of position, but 0 follows 0/,
    },
    {
      name: 'a duplicate party id',
      text: () => withLine(14, '  - id: A'),
      line: 14,
      path: 'parties[1].id',
      message: /duplicate id "A"; it is already used by parties\[0\]/,
    },
    {
      name: 'a position outside its own red line',
      text: () => withLine(34, '      value: 20'),
      line: 34,
      path: 'stances[0].position.value',
      message: /position 20 lies outside the party's own acceptable range 50–100/,
    },
    {
      name: 'a range that does not hold its value',
      text: () =>
        withLine(
          43,
          '    salience: { value: 50, assumption: Test assumption., range: { min: 60, max: 90 } }',
        ),
      line: 43,
      path: 'stances[1].salience.range',
      message: /the range 60–90 must contain the value 50/,
    },
    {
      name: 'a date that does not exist',
      text: () => withLine(4, '  as_of: "2025-02-30"'),
      line: 4,
      path: 'meta.as_of',
      message: /expected a real calendar date/,
    },
    {
      name: 'an event after the as-of date',
      text: () => withLine(55, '    date: "2025-04-01"'),
      line: 55,
      path: 'events[0].date',
      message: /date 2025-04-01 is after meta.as_of 2025-03-20/,
    },
    {
      name: 'a condition on an unknown issue',
      text: () => withLine(48, '    requires: { issue: referendum, min: 50 }'),
      line: 48,
      path: 'conditions[0].requires.issue',
      message: /unknown issue "referendum"; expected one of: truce, talks/,
    },
    {
      name: 'an unknown event type',
      text: () => withLine(56, '    type: phonecall'),
      line: 56,
      path: 'events[0].type',
      message: /expected one of call, meeting, talks, strike, agreement, got "phonecall"/,
    },
  ]

  it.each(cases)('reports $name at its line and field', ({ text, line, path, message }) => {
    const problems = problemsOf(text())
    const match = problems.find((p) => p.path === path)
    expect(match, `problems: ${JSON.stringify(problems)}`).toBeDefined()
    expect(match?.line).toBe(line)
    expect(match?.file).toBe('broken.yaml')
    expect(match?.message).toMatch(message)
  })

  it('reports every problem of a file at once, in file order, as file:line:col lines', () => {
    let text = withLine(13, '    capability: { value: 600, assumption: Test assumption. }')
    text = withLine(40, '  - party: C', text)
    text = withLine(37, '          quote: Not in the article.', text)
    const error = (() => {
      try {
        parseScenario(text, { file: 'broken.yaml', readSource })
      } catch (e) {
        return e as LocatedInputError
      }
    })()
    expect(error?.problems.map((p) => [p.line, p.path])).toEqual([
      [13, 'parties[0].capability.value'],
      [37, 'stances[0].position.evidence[0].quote'],
      [40, 'stances[1].party'],
    ])
    expect(error?.message.split('\n')[0]).toBe(
      'broken.yaml:13:26 parties[0].capability.value: expected 0–100, got 600',
    )
  })

  it('keeps a party whose capability is broken as a known id, so references to it are not errors too', () => {
    const problems = problemsOf(withLine(16, '    capability: { value: -5, assumption: Test assumption. }'))
    expect(problems.map((p) => p.path)).toEqual(['parties[1].capability.value'])
  })

  it('locates errors in JSON scenarios too', () => {
    const s = parseScenario(minimal, { file: 'm.yaml', readSource })
    const json = JSON.stringify(
      { ...s, parties: [{ ...s.parties[0], capability: { value: 60 } }, s.parties[1]] },
      null,
      2,
    )
    const problems = problemsOf(json, 'broken.json')
    expect(problems).toHaveLength(1)
    expect(problems[0]?.path).toBe('parties[0].capability')
    expect(json.split('\n')[(problems[0]?.line ?? 0) - 1]).toContain('"capability"')
  })

  it('rejects an empty file', () => {
    expect(problemsOf('')[0]?.message).toMatch(/the file is empty/)
  })

  it('reports a source file that cannot be read at its `file` field', () => {
    const problems = problemsOf(withLine(7, '    file: missing.txt'))
    expect(problems.map((p) => [p.line, p.path])).toEqual([[7, 'sources[0].file']])
    expect(problems[0]?.message).toMatch(/cannot read the source file/)
  })
})

describe('loadScenario', () => {
  it('reads the source files relative to the scenario file', async () => {
    const s = await loadScenario(join(dir, 'minimal.yaml'))
    expect(s.meta.id).toBe('mini')
  })

  it('names the file it cannot read', async () => {
    await expect(loadScenario(join(dir, 'nope.yaml'))).rejects.toThrow(/nope\.yaml: cannot read: ENOENT/)
  })
})
