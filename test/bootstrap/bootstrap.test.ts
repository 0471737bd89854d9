// The bootstrap's rules (src/bootstrap), one test each, on short articles written for these tests
// about fictional negotiations (Freedonia and Sylvania over fishing quotas; real countries with
// invented officials where the gazetteer is the point).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { bootstrapLexicon, lexiconYaml, type ProposedParty } from '../../src/bootstrap/index.ts'
import { loadLexicon } from '../../src/extract/index.ts'

const articles = (...texts: string[]) => texts.map((text, i) => ({ name: `0${i + 1}.txt`, text }))
const partyNamed = (parties: ProposedParty[], alias: string) =>
  parties.find((p) => p.name === alias || p.aliases.includes(alias))

describe('bootstrapLexicon(articles): parties', () => {
  it('groups a person under the party of "X\'s foreign minister Y", and the surname with the full name', () => {
    const { parties } = bootstrapLexicon(
      articles(
        "Freedonia's foreign minister Jane Doe rejected the quotas on Monday.",
        'Doe said Freedonia would not sign. Freedonia wants a deal.',
      ),
    )
    const freedonia = partyNamed(parties, 'Freedonia')
    expect(freedonia?.aliases).toEqual(expect.arrayContaining(['Freedonia', 'Jane Doe', 'Doe']))
    expect(partyNamed(parties, 'Jane Doe')).toBe(freedonia)
  })

  it('reads a demonym before a title: "Norwegian Fisheries Minister Kari Lund" speaks for Norway', () => {
    const { parties } = bootstrapLexicon(
      articles(
        'Norwegian Fisheries Minister Kari Lund proposed new quotas.',
        'Lund said Norway would accept the quotas. Norway agreed.',
      ),
    )
    const norway = parties.find((p) => p.id === 'NO')
    expect(norway).toMatchObject({ name: 'Norway', kind: 'country', adjectives: ['Norwegian'] })
    expect(norway?.aliases).toEqual(expect.arrayContaining(['Norway', 'Kari Lund', 'Lund']))
  })

  it('reads the demonym of a name the gazetteer does not know: "Sylvanian" of "Sylvania"', () => {
    const { parties } = bootstrapLexicon(
      articles(
        'Sylvanian Trade Minister Karl Brandt said Sylvania demanded lower quotas.',
        'Sylvania rejected the offer, Brandt said.',
      ),
    )
    const sylvania = partyNamed(parties, 'Sylvania')
    expect(sylvania).toMatchObject({ kind: 'country', adjectives: ['Sylvanian'] })
    expect(sylvania?.aliases).toContain('Karl Brandt')
  })

  it('takes an alias from an appositive: "Tomas Kell, Sylvania\'s envoy,"', () => {
    const { parties } = bootstrapLexicon(
      articles(
        "Tomas Kell, Sylvania's envoy, told reporters that Sylvania proposed a cut in quotas.",
        'Kell said Sylvania insisted on the cut. Sylvania wants an end to patrols.',
      ),
    )
    expect(partyNamed(parties, 'Sylvania')?.aliases).toEqual(expect.arrayContaining(['Tomas Kell', 'Kell']))
  })

  it('follows a spokesman to his ministry and the ministry to the party that owns it', () => {
    const { parties } = bootstrapLexicon(
      articles(
        "Freedonia's Fisheries Ministry said the quotas were unfair.",
        'Fisheries Ministry spokesperson Ana Ruiz said Freedonia would never accept the quotas.',
        'Freedonia rejected the plan.',
      ),
    )
    const freedonia = partyNamed(parties, 'Freedonia')
    expect(freedonia?.aliases).toEqual(expect.arrayContaining(['Fisheries Ministry', 'Ana Ruiz']))
    expect(parties.filter((p) => p.aliases.includes('Ana Ruiz'))).toHaveLength(1)
  })

  it('ties a seat of government to its country only through the text: a spokesman of both', () => {
    const seat = 'The Blue House said the quotas were unfair. The Blue House rejected the plan.'
    const apart = bootstrapLexicon(articles(seat, 'Freedonia wants quotas. Freedonia said no.'))
    expect(partyNamed(apart.parties, 'Blue House')).not.toBe(partyNamed(apart.parties, 'Freedonia'))
    const tied = bootstrapLexicon(
      articles(
        seat,
        'Blue House spokesman Ana Kim said Freedonia would never accept the quotas.',
        'Freedonian presidential spokesman Ana Kim said Freedonia wants new talks.',
      ),
    )
    expect(partyNamed(tied.parties, 'Freedonia')?.aliases).toEqual(
      expect.arrayContaining(['Freedonia', 'Blue House', 'Ana Kim']),
    )
  })

  it('reads names with connectors and titles with "of": "Ministry of Fisheries spokesperson", "al-Thani"', () => {
    const { parties } = bootstrapLexicon(
      articles(
        "A Ministry of Fisheries spokesperson said Sylvania's Ministry of Fisheries would accept the quotas.",
        "Sheikh Karim bin Hamad al-Tamimi, Sylvania's envoy, said Sylvania wants new quotas.",
        'Al-Tamimi said Sylvania proposed new quotas.',
      ),
    )
    const sylvania = partyNamed(parties, 'Sylvania')
    expect(sylvania?.aliases).toEqual(
      expect.arrayContaining(['Ministry of Fisheries', 'Karim bin Hamad al-Tamimi', 'Al-Tamimi']),
    )
  })

  it('reads no appositive in "In Freedonia City, the trade minister said" and no names in a headline', () => {
    const { parties } = bootstrapLexicon(
      articles(
        'Sylvania Rejects Freedonian Quota Plan After Long Talks',
        'In Lakeport, the trade minister said Sylvania would not accept the quotas. Sylvania wants more.',
      ),
    )
    expect(parties.map((p) => p.name)).toEqual(['Sylvania'])
  })

  it('counts a capital as its country only where it acts, not where talks are held', () => {
    const { parties } = bootstrapLexicon(
      articles(
        'Oslo said it would accept the quotas. Norway wants more.',
        'The talks in Oslo ended. Talks in Lisbon resumed, and the delegates went to Lisbon.',
      ),
    )
    expect(parties.find((p) => p.id === 'NO')?.aliases).toEqual(['Norway', 'Oslo'])
    expect(parties.find((p) => p.id === 'PT')).toBeUndefined()
  })

  it('proposes no party for news organisations and bylines: "Reuters reported", "By Ann Bell"', () => {
    const { parties } = bootstrapLexicon(
      articles(
        'By Ann Bell\nReuters reported that Freedonia rejected the quotas. Freedonia said no, Reuters said.',
      ),
    )
    expect(parties.map((p) => p.name)).toEqual(['Freedonia'])
  })

  it('ranks parties by mentions and gives two example sentences from two articles', () => {
    const { parties } = bootstrapLexicon(
      articles(
        'Freedonia rejected the quotas. Sylvania said Freedonia must agree. Freedonia refused.',
        'Freedonia said the quotas were too low. Sylvania proposed new quotas.',
      ),
    )
    expect(parties.map((p) => [p.name, p.count])).toEqual([
      ['Freedonia', 4],
      ['Sylvania', 2],
    ])
    expect(parties[0]?.examples.map((e) => e.article)).toEqual(['01.txt', '02.txt'])
  })
})

describe('bootstrapLexicon(articles): issues', () => {
  it('merges the phrases of one issue: "tariffs", "tariff rates", "reciprocal tariffs"', () => {
    const { issues } = bootstrapLexicon(
      articles(
        'Freedonia demanded lower tariffs on fish.',
        'Sylvania rejected the new tariff rates.',
        'Freedonia proposed reciprocal tariffs on boats.',
      ),
    )
    expect(issues[0]?.id).toBe('tariffs')
    expect(issues[0]?.terms).toEqual(
      expect.arrayContaining(['tariffs', 'tariff rates', 'reciprocal tariffs']),
    )
    expect(issues[0]?.count).toBe(3)
    expect(issues.filter((i) => i.terms.some((t) => t.includes('tariff')))).toHaveLength(1)
  })

  it('counts a phrase only where an act cue governs it', () => {
    const { issues } = bootstrapLexicon(
      articles(
        'The fishing quotas were discussed at length. Fishing quotas dominate the news.',
        'Freedonia demanded higher fishing quotas. The naval patrols continued.',
        'Sylvania rejected the fishing quotas. Reporters watched the naval patrols.',
      ),
    )
    expect(issues.find((i) => i.id === 'fishing_quotas')).toMatchObject({
      count: 2,
      acts: { demand: 1, reject: 1 },
    })
    expect(issues.find((i) => i.terms.includes('naval patrols'))).toBeUndefined()
  })

  it('merges the synonyms of the talks themselves: "talks", "negotiations", "dialogue"', () => {
    const { issues } = bootstrapLexicon(
      articles(
        'Freedonia agreed to further talks.',
        'Sylvania proposed negotiations in the spring.',
        'Freedonia urged a return to dialogue.',
      ),
    )
    expect(issues).toHaveLength(1)
    expect(issues[0]?.terms).toEqual(expect.arrayContaining(['talks', 'negotiations', 'dialogue']))
  })

  it('ranks issues by the sentences that tie them to an act, then by articles', () => {
    const { issues } = bootstrapLexicon(
      articles(
        'Freedonia demanded an end to naval patrols. Sylvania refused to halt the naval patrols.',
        'Sylvania proposed new fishing quotas. Freedonia rejected the fishing quotas.',
        'Freedonia agreed to fishing quotas only if Sylvania ended the naval patrols.',
        'Sylvania offered fishing quotas.',
      ),
    )
    expect(issues.map((i) => [i.id, i.count])).toEqual([
      ['fishing_quotas', 4],
      ['naval_patrols', 3],
    ])
  })
})

describe('lexiconYaml(result)', () => {
  const result = bootstrapLexicon(
    articles(
      "Freedonia's foreign minister Jane Doe rejected the fishing quotas. Sylvania demanded fishing quotas.",
      'Sylvanian officials proposed new fishing quotas. Doe said Freedonia would accept fishing quotas.',
    ),
  )
  const text = lexiconYaml(result)

  it('writes a lexicon that loadLexicon reads, in the minimal shape', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'parley-bootstrap-')), 'lexicon.yaml')
    writeFileSync(file, text)
    const lexicon = await loadLexicon(file)
    expect(lexicon.actors.map((a) => a.id)).toEqual(result.parties.map((p) => p.id))
    expect(lexicon.issues.find((i) => i.id === 'fishing_quotas')?.terms).toContain('fishing quotas')
    expect(Object.keys(parseDocument(text).toJS())).toEqual(['schema', 'about', 'actors', 'issues'])
  })

  it('puts a comment above each party and issue with its count and two example sentences', () => {
    const lines = text.split('\n')
    const above = (key: string) => lines.slice(lines.indexOf(`  ${key}:`) - 3, lines.indexOf(`  ${key}:`))
    expect(above('fishing_quotas')).toEqual([
      '  # 4 sentences tie it to an act (reject 1, demand 1, propose 1, accept 1), in 2 articles',
      '  # 01.txt: "Freedonia\'s foreign minister Jane Doe rejected the fishing quotas."',
      '  # 02.txt: "Sylvanian officials proposed new fishing quotas."',
    ])
    expect(above('FREEDONIA')[0]).toBe('  # 4 mentions (organisation)')
    expect(above('FREEDONIA')[1]).toMatch(/^ {2}# 01\.txt: "/)
    expect(above('FREEDONIA')[2]).toMatch(/^ {2}# 02\.txt: "/)
  })
})
