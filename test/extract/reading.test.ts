// The reading of a sentence (issue 20), rule by rule, on sentences written for these tests about an
// invented negotiation: Arland and Borvia, with Castia as the mediator. The sentences are written for the
// tests, in wording of their own; none is taken or adapted from a corpus article.
import { describe, expect, it } from 'vitest'
import { lexiconExtractor, parseLexicon, splitSentences } from '../../src/extract/index.ts'

const LEXICON = `
schema: parley-lexicon/1
about: An invented negotiation for the tests of the reading rules.
actors:
  AR:
    name: Arland
    aliases: [Arland, Arburg, Mira Holt, Holt]
    adjectives: [Arlandian]
  BO:
    name: Borvia
    aliases: [Borvia, Borograd, Ivo Strand, Strand]
    adjectives: [Borvian]
  CA:
    name: Castia
    aliases: [Castia, Castel, Castian Aid Office]
    adjectives: [Castian]
issues:
  ceasefire:
    name: Ceasefire
    description: ceasefire
    terms: [ceasefire*, truce*]
  hostages:
    name: Hostages
    description: hostages
    terms: [hostage*]
  prisoners:
    name: Prisoners
    description: prisoners
    terms: [prisoner*]
  tariffs:
    name: Tariffs
    description: tariffs
    terms: [tariff*, duties]
  aid:
    name: Aid
    description: aid
    terms: [humanitarian aid, aid]
  withdrawal:
    name: Withdrawal
    description: withdrawal
    terms: [withdraw*]
  talks:
    name: Negotiations
    description: negotiations
    terms: [negotiations, mediation]
    weak_terms: [talks, dialogue]
`

const extractor = lexiconExtractor(parseLexicon(LEXICON, { file: 'reading-test.yaml' }))

async function read(text: string) {
  const r = await extractor.extract({ text })
  return {
    claims: r.claims
      .map((c) => `${c.actor} ${c.act} ${c.issue}${c.condition_issue ? `|${c.condition_issue}` : ''}`)
      .sort(),
    events: r.events.map((e) => `${e.type} ${e.participants.join(',')}`).sort(),
  }
}

const claimsOf = async (text: string) => (await read(text)).claims
const eventsOf = async (text: string) => (await read(text)).events

describe('structure', () => {
  it('reads a verb after its noun subject as a verb, by its part-of-speech tag, even after a determiner', async () => {
    // "sought" is an irregular past: only the tagger tells it from a noun after "The government".
    expect(await claimsOf('Borvia replied. The government sought a truce.')).toEqual(['BO demand ceasefire'])
    // "demands" after a determiner and an adjective stays a noun, owned by its "of" phrase.
    expect(await claimsOf('Borvia rejected the central demands of Arland on the truce.')).toEqual([
      'AR demand ceasefire',
      'BO reject ceasefire',
    ])
  })

  it('reads a party after a conjunction that opens a clause as its subject', async () => {
    expect(await claimsOf('The talks stalled after Arland made new demands for a truce.')).toEqual([
      'AR demand ceasefire',
    ])
  })
})

describe('speech and attribution', () => {
  it('gives the demand to the one who insists, not to the party that must act', async () => {
    expect(await claimsOf('Arland insisted that Borvia must withdraw its troops.')).toEqual([
      'AR demand withdrawal',
    ])
    expect(await claimsOf('Borvia Says Arland Must Withdraw Its Troops')).toEqual(['BO demand withdrawal'])
  })

  it('reads a quotation as its speaker’s, whether the frame comes before, after or in the next sentence', async () => {
    expect(await claimsOf('“Borvia must free the hostages,” Holt said.')).toEqual(['AR demand hostages'])
    expect(await claimsOf('Holt told reporters: “Borvia must free the hostages.”')).toEqual([
      'AR demand hostages',
    ])
    expect(await claimsOf('“Borvia must free the hostages.\n”, Holt said on Monday.')).toEqual([
      'AR demand hostages',
    ])
  })

  it('keeps a quotation’s speaker over the sentences it runs across', async () => {
    const text =
      'Strand said on Friday: “We have waited long enough. Arland must release the prisoners before winter.”'
    expect(await claimsOf(text)).toEqual(['BO demand prisoners'])
  })

  it('resolves pronouns and epithets to the last party named as a subject', async () => {
    expect(await claimsOf('Holt spoke in Arburg on Monday. He rejected the truce.')).toEqual([
      'AR reject ceasefire',
    ])
    expect(
      await claimsOf('Borvia replied within a day. The government refused to discuss the hostages.'),
    ).toEqual(['BO reject hostages'])
    expect(await claimsOf('Borvia said it was ready to release the hostages.')).toEqual([
      'BO propose hostages',
    ])
  })

  it('gives a reported act to its own subject, and a reported modal to the reporter', async () => {
    expect(await claimsOf('Castia said Borvia had rejected the truce.')).toEqual(['BO reject ceasefire'])
    expect(await claimsOf('Castia said Borvia should accept the truce.')).toEqual(['CA demand ceasefire'])
  })

  it('reads "…, according to X" as X’s account: its speaker’s where the sentence names no actor of its own', async () => {
    // Guidelines, section 3: reported positions belong to the actor whose position they are.
    expect(await claimsOf('Arland and Borvia agreed to extend the truce, according to Castia.')).toEqual([
      'AR accept ceasefire',
      'BO accept ceasefire',
    ])
  })
})

describe('proposals', () => {
  it('credits the terms of a delivered proposal to the party that delivered it', async () => {
    expect(
      await claimsOf('Castia submitted to Arland and Borvia a fresh proposal for a longer truce.'),
    ).toEqual(['CA propose ceasefire'])
    expect(
      await claimsOf(
        'Arland circulated a revised offer on Friday, offering a truce in return for the hostages.',
      ),
    ).toEqual(['AR propose ceasefire', 'AR propose hostages'])
  })

  it('reads a later sentence that sets out the terms as the owner’s proposal, not as the acts of the parties it names', async () => {
    const text =
      'Castia delivered its proposal on Tuesday. Under the proposal, Borvia would have to free ten hostages. The plan also calls for the entry of humanitarian aid.'
    expect(await claimsOf(text)).toEqual(['CA propose aid', 'CA propose hostages'])
  })

  it('owns a proposal by its possessor or its "by" phrase, and lets the owner go after a few sentences', async () => {
    expect(await claimsOf('Borvia dismissed a plan from Castia for a longer truce.')).toEqual([
      'BO reject ceasefire',
      'CA propose ceasefire',
    ])
    expect(await claimsOf('Holt’s new plan calls for a truce.')).toEqual(['AR propose ceasefire'])
    const far = [
      'Castia delivered its proposal on Tuesday.',
      'Markets were calm.',
      'The weather was mild.',
      'Schools reopened.',
      'Trains ran late.',
      'Ferries were cancelled.',
      'The plan calls for a truce.',
    ].join(' ')
    expect(await claimsOf(far)).toEqual([])
  })

  it('reads a complaint that a proposal lacks something as a demand for it, only when someone reports it', async () => {
    expect(await claimsOf('Strand said the plan lacked any commitment to withdraw.')).toEqual([
      'BO demand withdrawal',
    ])
    expect(await claimsOf('The plan lacked any commitment to withdraw.')).toEqual([])
  })

  it('reads willingness to carry out another party’s plan as an accept of it', async () => {
    const claims = await claimsOf('Borvia is prepared to hand back the hostages under Castia’s framework.')
    expect(claims).toContain('BO accept hostages')
    expect(claims).not.toContain('BO propose hostages')
  })

  it('reads a plan named as background as no proposal of its terms', async () => {
    expect(
      await claimsOf('Arland and Borvia met in the second phase of Castia’s initiative for a truce.'),
    ).toEqual([])
    expect(await claimsOf('Castia’s initiative for a truce was welcomed.')).toEqual(['CA propose ceasefire'])
  })

  it('does not read "a truce proposed by X" or "the truce agreed in March" as a new act', async () => {
    expect(await claimsOf('Arland welcomed a truce proposed by Castia.')).toEqual([])
    expect(await claimsOf('Borvia violated the truce agreed in March.')).toEqual([])
    expect(await claimsOf('The truce was proposed by Castia.')).toEqual(['CA propose ceasefire'])
  })
})

describe('joint acts', () => {
  it('gives an accept to each party of a joint agreement, and an agreement event', async () => {
    expect(await read('Arland finalised an accord with Borvia on freeing the hostages.')).toEqual({
      claims: ['AR accept hostages', 'BO accept hostages'],
      events: ['agreement AR,BO'],
    })
    expect(await claimsOf('An agreement was reached between Arland and Borvia on the prisoners.')).toEqual([
      'AR accept prisoners',
      'BO accept prisoners',
    ])
  })

  it('reads lists of subjects and "both sides" as acting together', async () => {
    expect(await claimsOf('Castel, Arland and Borvia agreed to a new round of negotiations.')).toEqual([
      'AR accept talks',
      'BO accept talks',
      'CA accept talks',
    ])
    expect(await claimsOf('Holt met Strand in Castel. Both leaders agreed to keep the truce.')).toEqual([
      'AR accept ceasefire',
      'BO accept ceasefire',
    ])
  })

  it('reads the terms of a joint agreement as each party’s accept of its own part', async () => {
    const text =
      'Arland and Borvia signed an agreement on the truce. Under the deal, Arland will withdraw its troops and Borvia will free the hostages.'
    expect(await claimsOf(text)).toEqual([
      'AR accept ceasefire',
      'AR accept withdrawal',
      'BO accept ceasefire',
      'BO accept hostages',
    ])
  })
})

describe('willingness, talks and commitments', () => {
  it('reads "ready, willing or open to" as a proposal, and readiness to talk as an accept of the talks', async () => {
    expect(await claimsOf('Borvia is willing to discuss a truce.')).toEqual(['BO propose ceasefire'])
    expect(await claimsOf('Borvia voiced its willingness to resume negotiations over the truce.')).toEqual([
      'BO accept talks',
    ])
    expect(await claimsOf('Both leaders said that negotiations will continue.')).toEqual([])
    expect(await claimsOf('Holt met Strand. Both leaders said that negotiations will continue.')).toEqual([
      'AR accept talks',
      'BO accept talks',
    ])
  })

  it('reads "the talks will go on" as an accept of the talks only, beside another issue', async () => {
    expect(await claimsOf('Borvia rejected the truce, but Holt said the talks would go on.')).toEqual([
      'AR accept talks',
      'BO reject ceasefire',
    ])
  })

  it('reads leaving the table as a rejection of the talks only', async () => {
    expect(await claimsOf('Castia suspended its mediation between Arland and Borvia on a truce.')).toEqual([
      'CA reject talks',
    ])
  })

  it('reads a commitment to a concession as an accept', async () => {
    expect(await claimsOf('Borvia will lower its tariffs on Arlandian goods.')).toEqual(['BO accept tariffs'])
    expect(await claimsOf('Arland promised to ease its duties.')).toEqual(['AR accept tariffs'])
  })

  it('reads "X is a priority" as a demand, and an issue word inside a party’s name as the party', async () => {
    expect(await claimsOf('Holt stressed that the hostages were a priority for Arland.')).toEqual([
      'AR demand hostages',
    ])
  })
})

describe('modality and factuality', () => {
  it.each([
    'Analysts doubt that Borvia will accept the truce.',
    'Borvia may accept the truce next week.',
    'Borvia is expected to accept the truce.',
    'Arland plans to propose a truce.',
    'It is unclear whether Borvia has accepted the truce.',
    'If Borvia accepts the truce, the talks could resume.',
    'Arland accused Borvia of rejecting the truce.',
    'Arland cut off the aid in an effort to push Borvia into accepting the truce.',
    'Will Borvia accept the truce?',
  ])('is no act: %s', async (sentence) => {
    expect(await claimsOf(sentence)).toEqual([])
  })

  it('reads a promise on a condition as an offer', async () => {
    expect(await claimsOf('Arland committed to humanitarian aid if Borvia stopped shelling.')).toEqual([
      'AR propose aid',
    ])
  })

  it('leaves planned and possible events out', async () => {
    expect(await eventsOf('Holt is expected to meet Strand next week.')).toEqual([])
    expect(await eventsOf('Holt met Strand in Castel on Monday.')).toEqual(['meeting AR,BO'])
  })
})

describe('conditions', () => {
  it.each([
    [
      'Arland will free the prisoners only after Borvia frees the hostages.',
      'AR condition prisoners|hostages',
    ],
    [
      'Only after Borvia frees the hostages will Arland free the prisoners, Holt said.',
      'AR condition prisoners|hostages',
    ],
    ['Arland will not sign a truce without the release of the hostages.', 'AR condition ceasefire|hostages'],
    [
      'Arland will not agree to the release of the hostages without a truce, Holt said.',
      'AR condition hostages|ceasefire',
    ],
    ['Borvia said Arland must lift its tariffs if it wants negotiations.', 'BO condition talks|tariffs'],
    [
      'Strand said Borvia would hand over hostages only in exchange for prisoners.',
      'BO condition hostages|prisoners',
    ],
    ['Borvia said Arland must hold negotiations if it wants lower tariffs.', 'BO condition tariffs|talks'],
  ])('%s', async (sentence, claim) => {
    expect(await claimsOf(sentence)).toEqual([claim])
  })
})

describe('events', () => {
  it('gives one meeting per counterpart of a "with" list', async () => {
    expect(await eventsOf('Holt met with Borvian and Castian envoys in Arburg.')).toEqual([
      'meeting AR,BO',
      'meeting AR,CA',
    ])
    expect(await eventsOf('Holt met with mediators, as well as Borvian negotiators, in Castel.')).toEqual([
      'meeting AR,BO',
    ])
    expect(
      await eventsOf('Holt arrived on Monday. He also held meetings with Strand and the Castian envoy.'),
    ).toEqual(['meeting AR,BO', 'meeting AR,CA'])
  })

  it('gives a strike its attacker and its target, not the party that condemns it', async () => {
    expect(await eventsOf('Castia denounced the assault against Borvia by Arlandian drones.')).toEqual([
      'strike AR,BO',
    ])
    expect(await eventsOf('Arlandian drones struck a depot, Borvian officials said.')).toEqual([
      'strike AR,BO',
    ])
  })

  it('makes no agreement of willingness or of agreeing only to keep working', async () => {
    expect(await eventsOf('Arland and Borvia agreed to keep discussing a longer truce.')).toEqual([])
    expect(await eventsOf('Borvia said it was ready to sign an agreement on the truce.')).toEqual([])
    expect(await eventsOf('Arland and Borvia agreed to extend the truce.')).toEqual(['agreement AR,BO'])
  })

  it('reads talks named after "in" as the setting of an agreement, not its object', async () => {
    expect(await claimsOf('Arland and Borvia agreed to cut tariffs in negotiations in Castel.')).toEqual([
      'AR accept tariffs',
      'BO accept tariffs',
    ])
  })

  it('leaves a venue, and a mediator that takes no position, out of the sides of talks', async () => {
    const text =
      'Arland demanded a truce. Borvia rejected the truce. Talks involving representatives from Arland, Borvia and Castia ended.'
    expect(await eventsOf(text)).toEqual(['talks AR,BO'])
    expect(await eventsOf('Arland and Borvia held negotiations in Castel.')).toEqual(['talks AR,BO'])
  })
})

describe('hard-wrapped text', () => {
  it('rejoins a sentence broken over indented lines, keeping the exact text for its quote', () => {
    const text =
      'Arland said it would\n\t\taccept the truce. Borvia refused.\n\t\t[May 2, 2026]  By\n\t\tJANE ROE\nNext.'
    const sentences = splitSentences(text)
    expect(sentences.map((s) => s.text)).toEqual([
      'Arland said it would\n\t\taccept the truce.',
      'Borvia refused.',
      '[May 2, 2026]  By',
      'JANE ROE',
      'Next.',
    ])
    for (const s of sentences) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text)
  })

  it('gives no false claim from a line break in the middle of a sentence', async () => {
    expect(await claimsOf('Analysts said Borvia\n\twould accept the truce.')).toEqual([])
    expect(await claimsOf('Borvia said it\n\twould accept the truce.')).toEqual(['BO accept ceasefire'])
  })
})

describe('the rule audit (npm run audit:rules)', () => {
  it('splits a pattern at its top-level alternatives only', async () => {
    const { topLevelAlternatives } = await import('../../src/extract/index.ts')
    expect(topLevelAlternatives('a(?:b|c)|[|x]d|e\\|f')).toEqual(['a(?:b|c)', '[|x]d', 'e\\|f'])
  })

  it('lists every alternative of the cue tables as a pattern of its own, with its word boundaries', async () => {
    const { ruleAlternatives } = await import('../../src/extract/index.ts')
    const rows = ruleAlternatives()
    const refuse = rows.find((r) => r.alternative === 'refus(?:e|es|ed|ing)')
    expect(refuse?.rule).toMatch(/^verb reject/)
    expect(refuse?.re.test('Borvia refused the truce.')).toBe(true)
    expect(refuse?.re.test('the refuser')).toBe(false)
    expect(rows.filter((r) => r.rule === 'reporting verb').length).toBeGreaterThan(20)
  })
})

describe('cases a review found (sentences written by the reviewer for these tests)', () => {
  it.each([
    ['In Castel, Holt rejected the truce.', ['AR reject ceasefire']],
    [
      'On Monday, Arland and Borvia agreed to extend the truce.',
      ['AR accept ceasefire', 'BO accept ceasefire'],
    ],
    ['On 2 May Borvia accepted the truce.', ['BO accept ceasefire']],
    ['“Borvia must withdraw its troops,” the president said.', []],
    ["Arland won't sign a truce without the release of the hostages.", ['AR condition ceasefire|hostages']],
    ['Borvia has rejected the truce, Holt said.', ['BO reject ceasefire']],
    ['According to Castia, Borvia must free the hostages.', ['CA demand hostages']],
    ['Borvia will lift its tariffs next month, analysts said.', []],
    ['Arland will suspend the negotiations.', ['AR reject talks']],
    ['Castia will halt humanitarian aid to Borvia.', []],
    ['Castia presented its plan on Monday. It would be the first truce in a year.', []],
    [
      'Holt said Borvia had accepted the truce. He also demanded the release of the prisoners.',
      ['AR demand prisoners', 'BO accept ceasefire'],
    ],
    ['Borvia would not say whether it accepted the truce.', []],
    ['Borvia signalled that it would reject the truce.', ['BO reject ceasefire']],
    ['Arland offered no concessions on tariffs.', []],
    ['Borvia released the hostages before a truce took effect on Sunday.', []],
    ['Arland freed the prisoners only hours after the truce began.', []],
    ['Borvia allowed aid convoys to check on the condition of the prisoners.', []],
    ['Borvia told Arland it was ready to free the hostages.', ['BO propose hostages']],
    ['The Castian Aid Office rejected the truce.', ['CA reject ceasefire']],
  ])('%s', async (sentence, claims) => {
    expect(await claimsOf(sentence)).toEqual(claims)
  })

  it('closes a quotation left open at a paragraph break', async () => {
    const text = 'Strand said: “We will never give in.\n\nThe tariffs must go, Holt told reporters on Monday.'
    expect(await claimsOf(text)).toEqual(['AR demand tariffs'])
  })

  it('keeps a proposal in view for a few sentences, and a terms sentence refuses nothing it negates', async () => {
    const near =
      'Castia delivered its proposal on Tuesday. Markets were calm. Schools reopened. Trains ran late. The plan calls for a truce.'
    expect(await claimsOf(near)).toEqual(['CA propose ceasefire'])
    const refused =
      'Arland and Borvia signed an agreement on the truce. Under the deal, Arland will not withdraw its troops.'
    expect(await claimsOf(refused)).toEqual(['AR accept ceasefire', 'BO accept ceasefire'])
  })

  it('makes no event of an accept without another party’s proposal, nor of talks refused', async () => {
    expect(await eventsOf('Arland agreed to extend the truce despite objections from Borvia.')).toEqual([])
    expect(await eventsOf('Arland and Borvia rejected talks in Castel.')).toEqual([])
    expect(await eventsOf('Borvia boycotted the summit with Arland.')).toEqual([])
    expect(await eventsOf('On May 2, Holt met Strand in Castel.')).toEqual(['meeting AR,BO'])
  })

  it('does not read a sentence longer than any sentence', async () => {
    const long = `Arland rejected the truce ${'and the aid '.repeat(200)}.`
    expect(long.length).toBeGreaterThan(2000)
    expect(await read(long)).toEqual({ claims: [], events: [] })
  })
})
