// A scenario as a lexicon, the terms drawn from its issues' names, and the coverage warnings; on
// scenarios and sentences written for the test.
import { describe, expect, it } from 'vitest'
import {
  coverageWarnings,
  lexiconCoverage,
  lexiconFromScenario,
  termStem,
  termsFromName,
} from '../../src/draft/index.ts'
import { type Lexicon, lexiconExtractor, parseLexicon } from '../../src/extract/index.ts'
import { parseScenario, type Scenario } from '../../src/scenario/index.ts'

/** A scenario with these parties and issues (names only; two options each), nothing else. */
function scenarioOf(parties: [string, string][], issues: [string, string][]): Scenario {
  const text = [
    'meta: { id: test, title: Test, as_of: "2025-01-01" }',
    'parties:',
    ...parties.map(
      ([id, name]) => `  - { id: ${id}, name: ${name}, capability: { value: 50, assumption: Test. } }`,
    ),
    'issues:',
    ...issues.map(
      ([id, name]) =>
        `  - { id: ${id}, name: ${name}, description: About ${id}., options: [{ label: no, position: 0 }, { label: yes, position: 100 }] }`,
    ),
  ].join('\n')
  return parseScenario(text, { file: 'test.yaml', readSource: () => '' })
}

const claimsOf = async (lexicon: Lexicon, text: string) =>
  (await lexiconExtractor(lexicon).extract({ text })).claims.map((c) => `${c.actor} ${c.act} ${c.issue}`)

describe('termsFromName(name)', () => {
  it.each([
    ['General ceasefire', ['ceasefire*'], []],
    ['Hostages', ['hostage*'], []],
    ['Security guarantees', ['security guarantee*'], ['guarantee*']],
    ['Humanitarian aid', ['humanitarian aid'], ['aid']],
    ['Release of hostages', ['hostage*'], []],
    ['Division of assets', ['asset*'], []],
    ['Tariffs on Chinese goods', ['tariff*', 'chinese good*'], []],
    ['Military aid and intelligence', ['military aid'], ['aid', 'intelligence*']],
    ['Halt on strikes against energy infrastructure', ['strike*', 'energy infrastructure*'], []],
    ['Territory', ['territor*'], []],
    ['Status of the capital', ['capital*'], []],
  ])('termsFromName(%j): terms %j, weak terms %j', (name, terms, weakTerms) => {
    expect(termsFromName(name)).toEqual({ terms, weakTerms })
  })

  it.each([
    ['ceasefires', 'ceasefire*'],
    ['territories', 'territor*'],
    ['territory', 'territor*'],
    ['taxes', 'tax*'],
    ['aid', 'aid'],
    ['status', 'status'],
    ['access', 'access'],
    ['cease-fire', 'cease-fire'],
  ])('termStem(%j) = %j', (word, stem) => {
    expect(termStem(word)).toBe(stem)
  })
})

describe('lexiconFromScenario(scenario, base)', () => {
  const scenario = scenarioOf(
    [
      ['A', 'Alphaland'],
      ['B', 'Betaland'],
    ],
    [
      ['ceasefire', 'General ceasefire'],
      ['hostages', 'Release of hostages'],
      ['aid', 'Humanitarian aid'],
      ['arms', 'Military aid'],
    ],
  )

  it('draws terms from the issue names, and keeps each whole name as a term', () => {
    const issues = lexiconFromScenario(scenario).issues
    expect(issues.map((i) => [i.id, i.terms, i.weakTerms])).toEqual([
      ['ceasefire', ['general ceasefire', 'ceasefire*'], []],
      ['hostages', ['release of hostages', 'hostage*'], []],
      // "aid" would name both aid issues, so it names neither.
      ['aid', ['humanitarian aid'], []],
      ['arms', ['military aid'], []],
    ])
  })

  it('reads claims that the old single term, the lower-cased name, missed', async () => {
    const lexicon = lexiconFromScenario(scenario)
    expect(await claimsOf(lexicon, 'Alphaland demanded an immediate ceasefire.')).toEqual([
      'A demand ceasefire',
    ])
    expect(await claimsOf(lexicon, 'Betaland rejected the release of the hostages.')).toEqual([
      'B reject hostages',
    ])
    const old: Lexicon = {
      ...lexicon,
      issues: lexicon.issues.map((i) => ({ ...i, terms: [(i.name ?? '').toLowerCase()], weakTerms: [] })),
    }
    expect(await claimsOf(old, 'Alphaland demanded an immediate ceasefire.')).toEqual([])
  })

  it("takes the base lexicon's terms and events where it has them, and drops drawn terms it gives another issue", () => {
    const base = parseLexicon(
      `actors:
  A: { name: Alphaland, aliases: [Alpha City] }
issues:
  ceasefire: { description: a truce, terms: [truce, armistice] }
  relief: { description: aid for civilians, terms: [hostage*] }
events:
  sanctions: { cues: [imposed sanctions] }
`,
      { file: 'base.yaml' },
    )
    const lexicon = lexiconFromScenario(scenario, base)
    expect(lexicon.issues.find((i) => i.id === 'ceasefire')?.terms).toEqual(['truce', 'armistice'])
    expect(lexicon.issues.find((i) => i.id === 'hostages')?.terms).toEqual(['release of hostages'])
    expect(lexicon.actors[0]?.aliases).toEqual(['Alphaland', 'Alpha City'])
    expect(lexicon.events).toEqual([{ type: 'sanctions', cues: ['imposed sanctions'] }])
    expect(lexiconFromScenario(scenario).events).toEqual([])
  })
})

describe('lexiconCoverage(lexicon, scenario)', () => {
  const scenario = scenarioOf(
    [
      ['A', 'Alphaland'],
      ['B', 'Betaland'],
      ['C', 'Gammaland'],
    ],
    [
      ['border', 'Border'],
      ['water', 'Water rights'],
      ['trade', 'Trade'],
    ],
  )
  const lexicon = parseLexicon(
    `actors:
  A: { name: Alphaland }
  B: { name: Betaland }
  Z: { name: Zetaland }
issues:
  border: { description: the border, terms: [border*] }
  water: { description: water, terms: [] }
`,
    { file: 'lex.yaml' },
  )

  it("names the scenario's parties and issues that the lexicon does not name, by id", () => {
    expect(lexiconCoverage(lexicon, scenario)).toEqual({
      parties: [{ id: 'C', name: 'Gammaland' }],
      // `water` is in the lexicon, but with no term nothing in an article names it.
      issues: [
        { id: 'water', name: 'Water rights' },
        { id: 'trade', name: 'Trade' },
      ],
    })
  })

  it('finds nothing to warn about in a lexicon drawn from the scenario itself', () => {
    expect(lexiconCoverage(lexiconFromScenario(scenario), scenario)).toEqual({ parties: [], issues: [] })
  })

  it('words one warning per unnamed party or issue', () => {
    expect(coverageWarnings(lexiconCoverage(lexicon, scenario))).toEqual([
      'the lexicon does not name party "C" (Gammaland): no claim by it will be read',
      'the lexicon does not name issue "water" (Water rights): no claim about it will be read',
      'the lexicon does not name issue "trade" (Trade): no claim about it will be read',
    ])
  })
})
