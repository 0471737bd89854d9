// The lexicon file read like a scenario: every problem at once, each at file:line:col and field, with
// the rules of a lexicon beyond its schema. The lexicons are written here, a few lines each.
import { join } from 'node:path'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { LocatedInputError, type LocatedProblem } from '../../src/core/index.ts'
import { type Lexicon, type LexiconEvent, loadLexicon, parseLexicon } from '../../src/extract/index.ts'
import { defaultLexicon, packageRoot } from '../../src/paths.ts'

function problemsOf(text: string): string[] {
  try {
    parseLexicon(text, { file: 'lex.yaml' })
  } catch (error) {
    if (error instanceof LocatedInputError) return error.problems.map(shown)
    throw error
  }
  throw new Error('expected the lexicon to be rejected')
}
const shown = (p: LocatedProblem) => `${p.line}:${p.column} ${p.path}: ${p.message}`

/** The smallest lexicon of the documented minimal shape, for the cases below to extend. */
const minimal = `schema: parley-lexicon/1
about: Two made-up parties and two issues, for the tests.
actors:
  A:
    name: Alphaland
    aliases: [Alphaland, Alpha City, President Ayla]
    adjectives: [Alphan]
  B:
    name: Betaland
    aliases: [Betaland, Beta Town]
    adjectives: []
issues:
  border:
    name: Border
    description: where the border between the two runs
    terms: [border*, boundary, frontier*]
    weak_terms: [line]
  water:
    name: Water rights
    description: sharing the river's water
    terms: [water right*, river water]
    weak_terms: []
`

describe('parseLexicon(text, { file })', () => {
  it('accepts the minimal shape: schema, about, actors with name, aliases and adjectives, issues with terms', () => {
    const lexicon = parseLexicon(minimal, { file: 'lex.yaml' })
    expect(lexicon.actors).toEqual([
      {
        id: 'A',
        name: 'Alphaland',
        aliases: ['Alphaland', 'Alpha City', 'President Ayla'],
        adjectives: ['Alphan'],
      },
      { id: 'B', name: 'Betaland', aliases: ['Betaland', 'Beta Town'], adjectives: [] },
    ])
    expect(lexicon.issues.map((i) => [i.id, i.name, i.terms, i.weakTerms])).toEqual([
      ['border', 'Border', ['border*', 'boundary', 'frontier*'], ['line']],
      ['water', 'Water rights', ['water right*', 'river water'], []],
    ])
    expect(lexicon.events).toEqual([])
  })

  it('accepts the vocabulary.json form: an issue as its description, demonyms among the aliases', () => {
    const json = JSON.stringify({
      actors: { A: { name: 'Alphaland', aliases: ['Alphian', 'Alpha City'] } },
      issues: { water_rights: 'sharing the river' },
      acts: { demand: 'the actor requires something' },
      events: { call: 'a phone call' },
    })
    const lexicon = parseLexicon(json, { file: 'vocabulary.json' })
    expect(lexicon.actors[0]).toMatchObject({ aliases: ['Alphaland', 'Alpha City'], adjectives: ['Alphian'] })
    expect(lexicon.issues[0]).toMatchObject({ id: 'water_rights', terms: ['water rights'] })
  })

  it('reads `events`: a type with its cues, or a description alone (the old form), with no cues', () => {
    const lexicon = parseLexicon(
      `${minimal}events:
  sanctions:
    description: sanctions imposed or lifted
    cues: [imposed sanctions, sanctions on, lifted … sanctions]
  hostage_release:
    cues: [released … hostages, freed … hostages]
  call: a phone or video call
`,
      { file: 'lex.yaml' },
    )
    expect(lexicon.events).toEqual([
      {
        type: 'sanctions',
        description: 'sanctions imposed or lifted',
        cues: ['imposed sanctions', 'sanctions on', 'lifted … sanctions'],
      },
      { type: 'hostage_release', cues: ['released … hostages', 'freed … hostages'] },
      { type: 'call', description: 'a phone or video call', cues: [] },
    ])
    expectTypeOf<Lexicon['events']>().toEqualTypeOf<LexiconEvent[]>()
    expectTypeOf<LexiconEvent>().toEqualTypeOf<{ type: string; description?: string; cues: string[] }>()
  })

  it('reads options with their cues, in increasing position', () => {
    const lexicon = parseLexicon(
      minimal.replace(
        '    weak_terms: [line]\n',
        `    weak_terms: [line]
    options:
      - { label: old line, position: 0, cues: [old line] }
      - { label: river line, position: 50, at_least_cues: [border change*], default: true }
      - { label: mountain line, position: 100, conditional: true }
`,
      ),
      { file: 'lex.yaml' },
    )
    expect(lexicon.issues[0]?.options).toEqual([
      { label: 'old line', position: 0, cues: ['old line'], atLeastCues: [] },
      { label: 'river line', position: 50, cues: [], atLeastCues: ['border change*'], default: true },
      { label: 'mountain line', position: 100, cues: [], atLeastCues: [], conditional: true },
    ])
  })
})

describe('a broken lexicon: every problem at once, each with line, column and field', () => {
  /** The minimal lexicon with line `n` (1-based) replaced by `text`. */
  const withLine = (n: number, text: string) => {
    const lines = minimal.split('\n')
    expect(lines[n - 1], `line ${n}`).toBeDefined()
    lines[n - 1] = text
    return lines.join('\n')
  }
  const options = (lines: string) =>
    minimal.replace('    weak_terms: [line]\n', `    weak_terms: [line]\n    options:\n${lines}`)

  it.each([
    [
      'a misspelt key, with the allowed key it is close to',
      withLine(6, '    alias: [Alphaland]'),
      [
        '6:5 actors.A: unknown field "alias" (did you mean "aliases"?); expected one of: name, aliases, adjectives',
      ],
    ],
    [
      'a misspelt issue key',
      withLine(17, '    weak_term: [line]'),
      [
        '17:5 issues.border: unknown field "weak_term" (did you mean "weak_terms"?); expected one of: description, name, terms, weak_terms, options',
      ],
    ],
    [
      'a misspelt section',
      minimal.replace('issues:', 'isues:'),
      [
        '1:1 issues: required field is missing (expected a mapping of issue ids to issues)',
        '12:1 : unknown field "isues" (did you mean "issues"?); expected one of: schema, about, actors, issues, acts, events',
      ],
    ],
    [
      'an issue that is neither a description nor a mapping',
      `${minimal.slice(0, minimal.indexOf('  water:'))}  water: 3\n`,
      ['18:10 issues.water: expected a description, or a mapping with description and terms, got 3'],
    ],
    [
      'a term given as a word rather than a list',
      withLine(16, '    terms: border'),
      ['16:12 issues.border.terms: expected a list of phrases, got "border"'],
    ],
    [
      'an option without its position',
      options('      - { label: old line, position: 0 }\n      - { label: new line }\n'),
      [
        '20:9 issues.border.options[1].position: required field is missing (expected a position, a number 0–100)',
      ],
    ],
    [
      'an option off the scale',
      options('      - { label: old line, position: 0 }\n      - { label: new line, position: 140 }\n'),
      ['20:38 issues.border.options[1].position: expected 0–100, got 140'],
    ],
    [
      'options out of increasing position order',
      options('      - { label: old line, position: 50 }\n      - { label: new line, position: 20 }\n'),
      [
        '20:38 issues.border.options[1].position: options must be in increasing order of position, but 20 follows 50 (options[0])',
      ],
    ],
    [
      'two options at the same position',
      options('      - { label: old line, position: 50 }\n      - { label: new line, position: 50 }\n'),
      [
        '20:38 issues.border.options[1].position: options must be in increasing order of position, but 50 follows 50 (options[0])',
      ],
    ],
    [
      'two options with the same label',
      options('      - { label: old line, position: 0 }\n      - { label: old line, position: 100 }\n'),
      ['20:18 issues.border.options[1].label: duplicate option label "old line" (also options[0])'],
    ],
    [
      'the same term twice within an issue, ignoring case',
      withLine(16, '    terms: [border*, boundary, Border*]'),
      ['16:32 issues.border.terms[2]: "Border*" appears twice in this issue (also terms[0])'],
    ],
    [
      'a term that is also a weak term of the same issue',
      withLine(17, '    weak_terms: [boundary]'),
      ['17:18 issues.border.weak_terms[0]: "boundary" appears twice in this issue (also terms[1])'],
    ],
    [
      'the same term in two issues',
      withLine(21, '    terms: [water right*, frontier*]'),
      [
        '21:27 issues.water.terms[1]: "frontier*" is also a term of issue "border" (issues.border.terms[2]); a term names one issue',
      ],
    ],
    [
      'an alias shared by two parties',
      withLine(10, '    aliases: [Betaland, Alpha City]'),
      [
        '10:25 actors.B.aliases[1]: "Alpha City" also names party "A" (actors.A.aliases[1]); an alias or adjective names one party',
      ],
    ],
    [
      "a party's name used as another's alias",
      withLine(10, '    aliases: [Betaland, Alphaland]'),
      [
        '10:25 actors.B.aliases[1]: "Alphaland" also names party "A" (actors.A.name); an alias or adjective names one party',
      ],
    ],
    [
      'an adjective shared by two parties, ignoring case',
      withLine(11, '    adjectives: [alphan]'),
      [
        '11:18 actors.B.adjectives[0]: "alphan" also names party "A" (actors.A.adjectives[0]); an alias or adjective names one party',
      ],
    ],
    [
      'an event type without its cues, and with a misspelt key',
      `${minimal}events:\n  sanctions:\n    cue: [sanction*]\n`,
      [
        '25:5 events.sanctions.cues: required field is missing (expected a list of phrases)',
        '25:5 events.sanctions: unknown field "cue" (did you mean "cues"?); expected one of: description, cues',
      ],
    ],
    [
      'an empty term, which would match everywhere',
      withLine(16, '    terms: [border*, ""]'),
      ['16:22 issues.border.terms[1]: expected a phrase, got ""'],
    ],
  ])('%s', (_, text, expected) => {
    expect(problemsOf(text)).toEqual(expected)
  })

  it('reports all of them at once, in the order of the file', () => {
    const text = withLine(6, '    alias: [Alphaland]')
      .replace('    terms: [water right*, river water]', '    terms: [water right*, boundary]')
      .replace('    adjectives: []', '    adjectives: [Alphan]')
    expect(problemsOf(text).map((p) => p.split(' ')[0])).toEqual(['6:5', '11:18', '21:27'])
  })

  it('locates problems in a JSON lexicon as in YAML', () => {
    const json = '{\n  "actors": {"A": {"name": "Alphaland", "aliass": []}},\n  "issues": {}\n}\n'
    expect(problemsOf(json)).toEqual([
      '2:41 actors.A: unknown field "aliass" (did you mean "aliases"?); expected one of: name, aliases, adjectives',
    ])
  })
})

describe('loadLexicon(file)', () => {
  it('reads the bundled lexicon: 10 parties, 17 issues, 1 event type of its own (cases/ukraine-2025/lexicon.yaml)', async () => {
    const lexicon = await loadLexicon(defaultLexicon)
    expect([lexicon.actors.length, lexicon.issues.length, lexicon.events.length]).toEqual([10, 17, 1])
    expect(lexicon.issues.find((i) => i.id === 'territory')?.options?.map((o) => o.position)).toEqual([
      0, 30, 55, 75, 100,
    ])
  })

  it('reads the extraction vocabulary as a lexicon, its six event types as descriptions without cues', async () => {
    const lexicon = await loadLexicon(
      join(packageRoot, 'test/fixtures/validation/extraction/vocabulary.json'),
    )
    expect(lexicon.events.map((e) => `${e.type}:${e.cues.length}`)).toEqual([
      'call:0',
      'meeting:0',
      'talks:0',
      'strike:0',
      'agreement:0',
      'aid_change:0',
    ])
  })

  it('names the file it cannot read', async () => {
    const error = await loadLexicon('/nonexistent/lexicon.yaml').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LocatedInputError)
    expect((error as Error).message).toMatch(/^\/nonexistent\/lexicon\.yaml: cannot read the lexicon: ENOENT/)
  })
})
