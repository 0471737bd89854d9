// Drafting and updating a scenario from claims: the rules on small hand-made articles (each test says
// which rule), the agreement with the curated scenario on the bundled corpus (a floor measured on it),
// and the update from a March draft to the December articles.
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Claim, LocatedInputError } from '../../src/core/index.ts'
import {
  compareWithCurated,
  type DraftArticle,
  draftScenario,
  fillFromBase,
  proposeUpdates,
  selectUpdates,
  writeUpdates,
} from '../../src/draft/index.ts'
import { type Lexicon, lexiconExtractor, loadLexicon } from '../../src/extract/index.ts'
import { defaultCorpus, defaultLexicon, defaultScenario } from '../../src/paths.ts'
import { draftArticles } from '../../src/pipeline/draft-input.ts'
import { collapseWhitespace, loadScenario, parseScenario } from '../../src/scenario/index.ts'

const lexicon: Lexicon = {
  events: [],
  actors: [
    { id: 'A', name: 'Alpha', aliases: ['Alpha', 'Aleph'], adjectives: [] },
    { id: 'B', name: 'Beta', aliases: ['Beta'], adjectives: [] },
  ],
  issues: [
    {
      id: 'border',
      description: 'where the border runs',
      name: 'Border',
      terms: ['border'],
      weakTerms: [],
      options: [
        { label: 'old line', position: 0, cues: ['old line'], atLeastCues: [] },
        { label: 'river line', position: 50, cues: ['river line'], atLeastCues: ['border change*'] },
        {
          label: 'mountain line',
          position: 100,
          cues: ['mountain line', 'cede … mountains'],
          atLeastCues: [],
        },
      ],
    },
    {
      id: 'truce',
      description: 'a truce',
      terms: ['truce'],
      weakTerms: [],
      options: [
        { label: 'no truce', position: 0, cues: ['no truce'], atLeastCues: [] },
        { label: 'truce with conditions', position: 40, cues: [], atLeastCues: [], conditional: true },
        { label: 'full truce', position: 100, cues: ['full truce'], atLeastCues: [], default: true },
      ],
    },
  ],
}

/** An article of sentences; claims name their sentence by index and get its text and offsets. */
function article(
  id: string,
  date: string | undefined,
  sentences: string[],
  claims: (Omit<Claim, 'quote' | 'start' | 'end'> & { s: number })[],
): DraftArticle {
  const text = sentences.join(' ')
  const starts = sentences.map((_, i) => sentences.slice(0, i).join(' ').length + (i === 0 ? 0 : 1))
  return {
    id,
    file: `${id}.txt`,
    title: `Article ${id}`,
    ...(date === undefined ? {} : { date: { date, estimated: false } }),
    text,
    claims: claims.map(({ s, ...c }) => {
      const quote = sentences[s] ?? ''
      const start = starts[s] ?? 0
      return { ...c, quote, start, end: start + quote.length }
    }),
    events: [],
  }
}

const stanceOf = (r: ReturnType<typeof draftScenario>, party: string, issue: string) =>
  r.scenario.stances.find((s) => s.party === party && s.issue === issue)

describe('draftScenario: positions', () => {
  it('the latest claim decides; an earlier disagreeing claim is named and left out', () => {
    const r = draftScenario({
      lexicon,
      from: 'test',
      articles: [
        article(
          '1',
          '2025-01-01',
          ['Alpha demands the mountain line as the border.'],
          [{ actor: 'A', act: 'demand', issue: 'border', s: 0 }],
        ),
        article(
          '2',
          '2025-02-01',
          ['Alpha now proposes the river line for the border.'],
          [{ actor: 'A', act: 'propose', issue: 'border', s: 0 }],
        ),
      ],
    })
    const p = stanceOf(r, 'A', 'border')?.position
    expect(p?.value).toBe(50)
    expect(p?.evidence).toEqual([{ source: '2', quote: 'Alpha now proposes the river line for the border.' }])
    expect(p?.assumption).toContain('An earlier claim (1, 2025-01-01) read “mountain line”')
  })

  it('an “or beyond” reading is narrowed by an earlier claim inside it, and both are cited', () => {
    const r = draftScenario({
      lexicon,
      from: 'test',
      articles: [
        article(
          '1',
          '2025-01-01',
          ['Alpha demands the mountain line as the border.'],
          [{ actor: 'A', act: 'demand', issue: 'border', s: 0 }],
        ),
        article(
          '2',
          '2025-02-01',
          ['Alpha insists on border changes.'],
          [{ actor: 'A', act: 'demand', issue: 'border', s: 0 }],
        ),
      ],
    })
    const p = stanceOf(r, 'A', 'border')?.position
    expect(p?.value).toBe(100)
    expect(p?.evidence?.map((e) => e.source)).toEqual(['2', '1'])
  })

  it('alone, an “or beyond” reading takes its nearest option', () => {
    const r = draftScenario({
      lexicon,
      from: 'test',
      articles: [
        article(
          '1',
          '2025-02-01',
          ['Alpha insists on border changes.'],
          [{ actor: 'A', act: 'demand', issue: 'border', s: 0 }],
        ),
      ],
    })
    expect(stanceOf(r, 'A', 'border')?.position.value).toBe(50)
  })

  it('the cue nearest its actor, in the same clause, is the actor’s; a negated cue is not a demand', () => {
    const r = draftScenario({
      lexicon,
      from: 'test',
      articles: [
        article(
          '1',
          '2025-01-01',
          [
            'While Beta has proposed the old line, Alpha has pushed for the mountain line on the border.',
            'Beta will not cede the mountains and insists the border question stays open.',
          ],
          [
            { actor: 'B', act: 'propose', issue: 'border', s: 0 },
            { actor: 'A', act: 'demand', issue: 'border', s: 0 },
            { actor: 'B', act: 'demand', issue: 'border', s: 1 },
          ],
        ),
      ],
    })
    expect(stanceOf(r, 'A', 'border')?.position.value).toBe(100)
    // Beta's demand in sentence 2 names no option (its cue is negated), so sentence 1 decides.
    expect(stanceOf(r, 'B', 'border')?.position.value).toBe(0)
  })

  it('the default option for a demand that names none; the conditional option for a condition', () => {
    const r = draftScenario({
      lexicon,
      from: 'test',
      articles: [
        article(
          '1',
          '2025-01-01',
          [
            'Alpha calls for a truce.',
            'Beta will agree to a truce only after the mountain line is the border.',
          ],
          [
            { actor: 'A', act: 'demand', issue: 'truce', s: 0 },
            { actor: 'B', act: 'condition', issue: 'truce', condition_issue: 'border', s: 1 },
          ],
        ),
      ],
    })
    expect(stanceOf(r, 'A', 'truce')?.position.value).toBe(100)
    expect(stanceOf(r, 'B', 'truce')?.position.value).toBe(40)
    // The condition also places Beta on the border at the option it names, and becomes a condition.
    expect(stanceOf(r, 'B', 'border')?.position.value).toBe(100)
    expect(r.scenario.conditions).toEqual([
      expect.objectContaining({
        id: 'b-truce-after-border',
        party: 'B',
        issue: 'truce',
        requires: { issue: 'border', min: 100 },
        relation: 'after',
      }),
    ])
  })

  it('a number no claim supports stays null and is listed, never guessed', () => {
    const r = draftScenario({
      lexicon,
      from: 'test',
      articles: [
        article(
          '1',
          '2025-01-01',
          ['Alpha wants talks on the border.'],
          [{ actor: 'A', act: 'demand', issue: 'border', s: 0 }],
        ),
      ],
    })
    expect(stanceOf(r, 'A', 'border')?.position).toEqual({ value: null })
    expect(r.scenario.parties[0]?.capability).toEqual({ value: null })
    expect(r.scenario.draft.empty).toEqual([
      {
        path: 'stances[0].position',
        reason: 'A has 1 claim on border (demand), but none names an option of it',
      },
      { path: 'parties[0].capability', reason: 'no claim states a capability' },
    ])
  })
})

describe('draftScenario: salience, red lines, time', () => {
  it('salience is 100 × claim weight ÷ the party’s largest, a claim in the lead weighing 1.5', () => {
    // Three sentences of equal length: the first is in the first quarter of the text, the others not.
    const r = draftScenario({
      lexicon,
      from: 'test',
      articles: [
        article(
          '1',
          '2025-01-01',
          [
            'Alpha demands the old line on the border now.',
            'Alpha is calling for a full truce immediately.',
            'Filler text that carries no claim whatsoever.',
            'Alpha insists on the old line for the border.',
          ],
          [
            { actor: 'A', act: 'demand', issue: 'border', s: 0 },
            { actor: 'A', act: 'demand', issue: 'truce', s: 1 },
            { actor: 'A', act: 'demand', issue: 'border', s: 3 },
          ],
        ),
      ],
    })
    // border: 1.5 + 1 = 2.5; truce: 1 → 100 and 40.
    expect(stanceOf(r, 'A', 'border')?.salience.value).toBe(100)
    expect(stanceOf(r, 'A', 'truce')?.salience.value).toBe(40)
    expect(stanceOf(r, 'A', 'truce')?.salience.assumption).toContain('100 × 1 ÷ 2.5')
  })

  it('a strong rejection beyond the party’s position is a red line; a mild one is not', () => {
    const sentences = [
      'Beta demands the old line as the border.',
      'Beta will never accept the mountain line on the border.',
      'Beta rejected the river line for the border.',
    ]
    const claims = [
      { actor: 'B', act: 'demand' as const, issue: 'border', s: 0 },
      { actor: 'B', act: 'reject' as const, issue: 'border', s: 1 },
    ]
    const strong = draftScenario({
      lexicon,
      from: 't',
      articles: [article('1', '2025-01-01', sentences, claims)],
    })
    expect(stanceOf(strong, 'B', 'border')?.acceptable).toMatchObject({ min: 0, max: 50 })
    const mild = draftScenario({
      lexicon,
      from: 't',
      articles: [
        article('1', '2025-01-01', sentences, [
          claims[0] as (typeof claims)[0],
          { ...(claims[1] as (typeof claims)[0]), s: 2 },
        ]),
      ],
    })
    expect(stanceOf(mild, 'B', 'border')?.acceptable).toBeUndefined()
  })

  it('--as-of leaves out later and undated articles, and says so', () => {
    const claim = { actor: 'A', act: 'demand' as const, issue: 'border', s: 0 }
    const r = draftScenario({
      lexicon,
      from: 't',
      asOf: '2025-01-31',
      articles: [
        article('1', '2025-01-01', ['Alpha demands the mountain line as the border.'], [claim]),
        article('2', '2025-02-01', ['Alpha now proposes the river line for the border.'], [claim]),
        article('3', undefined, ['Alpha demands the old line as the border.'], [claim]),
      ],
    })
    expect(stanceOf(r, 'A', 'border')?.position.value).toBe(100)
    expect(r.scenario.meta.as_of).toBe('2025-01-31')
    expect(r.excluded).toEqual([
      { file: '2.txt', reason: 'dated 2025-02-01, after 2025-01-31' },
      { file: '3.txt', reason: 'undated, so it cannot be placed before --as-of' },
    ])
  })

  it('property: positions are options of their issue, red lines hold the position, salience is 0–100', () => {
    const sentences = [
      'Alpha demands the mountain line on the border.',
      'Beta will never accept the old line for the border.',
      'Alpha calls for a full truce.',
      'Beta insists on border changes.',
      'Beta proposes the river line for the border.',
      'Alpha rules out the old line on the border.',
    ]
    const claimArb = fc.record({
      actor: fc.constantFrom('A', 'B'),
      act: fc.constantFrom('demand', 'propose', 'accept', 'reject', 'condition') as fc.Arbitrary<
        Claim['act']
      >,
      issue: fc.constantFrom('border', 'truce'),
      s: fc.integer({ min: 0, max: sentences.length - 1 }),
    })
    const articleArb = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      claims: fc.array(claimArb, { maxLength: 6 }),
    })
    fc.assert(
      fc.property(fc.array(articleArb, { minLength: 1, maxLength: 5 }), (list) => {
        const articles = list.map((a, i) =>
          article(
            String(i),
            `2025-01-${String(a.day).padStart(2, '0')}`,
            sentences,
            a.claims.map((c) =>
              c.act === 'condition' ? { ...c, issue: 'truce', condition_issue: 'border' } : c,
            ),
          ),
        )
        const r = draftScenario({ lexicon, from: 'p', articles })
        for (const s of r.scenario.stances) {
          const issue = lexicon.issues.find((i) => i.id === s.issue)
          if (s.position.value !== null) {
            expect(issue?.options?.map((o) => o.position)).toContain(s.position.value)
            expect(s.position.evidence?.length).toBeGreaterThan(0)
          }
          expect(s.salience.value).toBeGreaterThanOrEqual(0)
          expect(s.salience.value).toBeLessThanOrEqual(100)
          if (s.acceptable) {
            expect(s.acceptable.min).toBeLessThanOrEqual(s.position.value ?? -1)
            expect(s.acceptable.max).toBeGreaterThanOrEqual(s.position.value ?? 101)
          }
        }
      }),
      { seed: 11, numRuns: 300 },
    )
  })
})

// --- The bundled corpus -------------------------------------------------------------------------

async function bundledArticles(scenarioDir: string) {
  const lex = await loadLexicon(defaultLexicon)
  const { articles } = await draftArticles([defaultCorpus], { extractor: lexiconExtractor(lex), scenarioDir })
  return { lex, articles }
}

describe('draft of the bundled corpus', () => {
  it('agrees with the curated scenario at least as well as measured (13 of 23 within one option)', async () => {
    const { lex, articles } = await bundledArticles(join(defaultScenario, '..'))
    const draft = draftScenario({ articles, lexicon: lex, from: 'corpus/ukraine-2025' }).scenario
    const a = compareWithCurated(draft, await loadScenario(defaultScenario))
    // Floors measured on 2026-11-23 (see the note of issue 11): raise them as the rules improve.
    expect(a.stances.curated).toBe(23)
    expect(a.stances.withinOneOption).toBeGreaterThanOrEqual(13)
    expect(a.conditions.found.length).toBeGreaterThanOrEqual(6)
    expect(a.conditions.extra).toEqual([])
    expect(a.redLines.found).toContain('UA territory')
    expect(a.empty.total).toBeLessThanOrEqual(7)
  })

  it('every drafted number cites claims whose quotes are verbatim in their article', async () => {
    const { lex, articles } = await bundledArticles(join(defaultScenario, '..'))
    const s = draftScenario({ articles, lexicon: lex, from: 'corpus' }).scenario
    const texts = new Map(articles.map((a) => [a.id, collapseWhitespace(a.text)]))
    const cited = [
      ...s.stances.flatMap((st) => [st.position, st.salience, ...(st.acceptable ? [st.acceptable] : [])]),
      ...s.conditions,
      ...s.events,
    ]
    for (const n of cited) {
      if ('value' in n && n.value === null) continue
      expect(n.evidence?.length).toBeGreaterThan(0)
      for (const e of n.evidence ?? []) expect(texts.get(e.source)).toContain(collapseWhitespace(e.quote))
    }
    // The empty ones are exactly the listed ones.
    const nulls = s.stances.filter((st) => st.position.value === null).length + s.parties.length
    expect(s.draft.empty).toHaveLength(nulls)
  })

  it('the draft file fails to load exactly at its empty numbers; filled from a base, it loads', async () => {
    const { lex, articles } = await bundledArticles(join(defaultScenario, '..'))
    const draft = draftScenario({ articles, lexicon: lex, from: 'corpus' }).scenario
    const read = (f: string) => readFileSync(join(defaultScenario, '..', f), 'utf8')
    const parse = (o: unknown) => parseScenario(JSON.stringify(o), { file: 'draft.json', readSource: read })
    let problems: string[] = []
    try {
      parse(draft)
    } catch (error) {
      problems = (error as LocatedInputError).problems.map((p) => p.path)
    }
    expect(problems.sort()).toEqual(draft.draft.empty.map((e) => `${e.path}.value`).sort())
    const filled = fillFromBase(draft, await loadScenario(defaultScenario), 'curated')
    expect(() => parse(filled)).not.toThrow()
  })
})

describe('scenario update from new articles', () => {
  it('a March draft, updated with the December articles: RU moves on territory, UA gains a red line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-update-'))
    const { lex, articles } = await bundledArticles(dir)
    const base = await loadScenario(defaultScenario)
    const march = fillFromBase(
      draftScenario({ articles, lexicon: lex, from: 'corpus', asOf: '2025-03-31' }).scenario,
      base,
      'curated',
    )
    const file = join(dir, 'march.json')
    await writeFile(file, JSON.stringify(march, null, 2))
    const scenario = await loadScenario(file)
    expect(scenario.sources.map((s) => s.id)).toEqual(['001', '004'])

    const set = proposeUpdates(scenario, articles, lex, {
      knownHashes: new Set(
        articles.filter((a) => ['001', '004'].includes(a.id)).map((a) => a.contentHash ?? ''),
      ),
    })
    expect(set.newArticles.map((a) => a.id)).toEqual(['000', '002', '003'])
    const ru = set.changes.find((c) => c.kind === 'position' && c.party === 'RU' && c.issue === 'territory')
    expect(ru).toMatchObject({ from: 100, to: 75 })
    expect(ru?.evidence.map((e) => e.source)).toEqual(['002', '000'])
    const red = set.changes.find((c) => c.kind === 'red_line' && c.party === 'UA')
    expect(red).toMatchObject({ from: null, to: '0–30' })
    expect(set.unmodelledParties).toEqual(['EU'])

    const text = writeUpdates(
      await readFile(file, 'utf8'),
      set,
      selectUpdates(set, [ru?.id ?? '', red?.id ?? '']),
      '2026-01-05',
    )
    const out = join(dir, 'march-updated.yaml')
    await writeFile(out, text)
    const updated = await loadScenario(out)
    expect(updated.stances.find((s) => s.party === 'RU' && s.issue === 'territory')?.position.value).toBe(75)
    expect(
      updated.stances.find((s) => s.party === 'UA' && s.issue === 'territory')?.acceptable,
    ).toMatchObject({
      min: 0,
      max: 30,
    })
    expect(updated.history.map((h) => [h.change, h.kind, h.accepted])).toEqual([
      [ru?.id, 'position', '2026-01-05'],
      [red?.id, 'red_line', '2026-01-05'],
    ])
    expect(updated.meta.as_of).toBe('2025-12-30')
    expect(updated.sources.map((s) => s.id)).toEqual(['001', '004', '000', '002', '003'])
    expect(() => selectUpdates(set, ['c999'])).toThrow(/no change c999/)
  })

  it('the curated scenario against its own corpus: nothing is new', async () => {
    const { lex, articles } = await bundledArticles(join(defaultScenario, '..'))
    const scenario = await loadScenario(defaultScenario)
    const set = proposeUpdates(scenario, articles, lex)
    expect(set.newArticles).toEqual([])
    expect(set.changes).toEqual([])
  })
})
