import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  evaluate,
  type GoldFile,
  lexiconExtractor,
  loadLexicon,
  toGoldFile,
} from '../../src/extract/index.ts'
import { cleanPlainText } from '../../src/ingest/index.ts'
import { defaultCorpus, defaultLexicon, packageRoot } from '../../src/paths.ts'
import { runExtractorContract } from './contract.ts'

const files = readdirSync(defaultCorpus).filter((f) => f.endsWith('.txt'))
const texts = files.map((f) => cleanPlainText(readFileSync(join(defaultCorpus, f), 'utf8')).text)
const goldPath = join(packageRoot, 'test/fixtures/validation/extraction/seeds-gold.json')

runExtractorContract('lexicon', async () => {
  const lexicon = await loadLexicon(defaultLexicon)
  return { extractor: lexiconExtractor(lexicon), lexicon, texts }
})

describe('the lexicon extractor on the development gold (validation/extraction/seeds-gold.json)', () => {
  let predicted: GoldFile
  beforeAll(async () => {
    const extractor = lexiconExtractor(await loadLexicon(defaultLexicon))
    const results = []
    for (const [i, f] of files.entries())
      results.push({ path: f, ...(await extractor.extract({ text: texts[i] ?? '' })) })
    predicted = toGoldFile('ukraine-2025', results)
  })

  it('holds claims precision and F1 >= 0.85 and events F1 >= 0.75 with every quote verbatim (the targets of issue 20)', () => {
    const gold = JSON.parse(readFileSync(goldPath, 'utf8'))
    const e = evaluate(gold, predicted, (f) => readFileSync(join(defaultCorpus, f), 'utf8'))
    // Measured at this commit: claims P 0.964, R 0.844, F1 0.900; events F1 1.000.
    expect(e.claims.precision).toBeGreaterThanOrEqual(0.85)
    expect(e.claims.f1).toBeGreaterThanOrEqual(0.85)
    expect(e.events.f1).toBeGreaterThanOrEqual(0.75)
    expect(e.quotes_verbatim).toBe(1)
    expect(e.quotes.missing).toBe(0)
  })

  it('our scorer gives exactly the figures of the reference scorer, score.mjs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-eval-'))
    const predPath = join(dir, 'pred.json')
    writeFileSync(predPath, JSON.stringify(predicted))
    const reference = JSON.parse(
      execFileSync(process.execPath, [
        join(packageRoot, 'test/fixtures/validation/extraction/score.mjs'),
        goldPath,
        predPath,
        '--corpus',
        defaultCorpus,
        '--json',
      ]).toString(),
    )
    const ours = evaluate(JSON.parse(readFileSync(goldPath, 'utf8')), predicted, (f) =>
      readFileSync(join(defaultCorpus, f), 'utf8'),
    )
    for (const key of ['claims', 'claims_ignore_act', 'events'] as const)
      expect(ours[key]).toEqual(reference[key])
    expect(ours.per_act).toEqual(reference.per_act)
    expect(ours.quotes_verbatim).toBe(reference.quotes_verbatim)
  })
})

describe('claim and event rules on sentences written for these tests (not from the corpus)', () => {
  const cases: [string, string[], string[]][] = [
    [
      'Russian Foreign Minister Sergei Lavrov said Moscow would not accept the deployment of European peacekeepers in Ukraine.',
      ['RU reject peacekeepers'],
      [],
    ],
    [
      'Zelensky rejected the proposal to cede the Donbas in exchange for security guarantees.',
      ['UA reject territory'],
      [],
    ],
    [
      'Ukraine and the United States agreed to a prisoner exchange.',
      ['US accept prisoners', 'UA accept prisoners'],
      ['agreement UA,US'],
    ],
    [
      'Putin demanded that Kyiv withdraw its troops from the Donetsk region before any ceasefire.',
      ['RU condition ceasefire|territory'],
      [],
    ],
    ['Trump called on Putin to agree to a 30-day ceasefire.', ['US demand ceasefire'], []],
    ['Kyiv will never recognize Crimea as Russian territory, Zelensky said.', ['UA reject territory'], []],
    [
      'The Kremlin said Moscow was ready to discuss a maritime truce in the Black Sea.',
      ['RU propose black_sea'],
      [],
    ],
    [
      'Peskov said sanctions relief was a precondition for a maritime truce.',
      ['RU condition black_sea|sanctions'],
      [],
    ],
    ['Analysts say Russia is unlikely to accept a ceasefire.', [], []],
    [
      'NATO allies continue to emphasize that Ukraine must be involved in any settlement on its territory.',
      [],
      [],
    ],
    ['Trump plans to speak with Putin by phone next week.', [], []],
    ['On Tuesday, Trump spoke with Putin by phone for more than two hours.', [], ['call RU,US']],
    ['Rubio met Lavrov in Riyadh on February 18, 2025.', [], ['meeting RU,US']],
    [
      'Russian drones struck energy facilities in Odesa overnight, Ukrainian officials said.',
      [],
      ['strike RU,UA'],
    ],
  ]
  it.each(cases)('%s', async (sentence, claims, events) => {
    const r = await lexiconExtractor(await loadLexicon(defaultLexicon)).extract({ text: sentence })
    expect(
      r.claims.map(
        (c) => `${c.actor} ${c.act} ${c.issue}${c.condition_issue ? `|${c.condition_issue}` : ''}`,
      ),
    ).toEqual(claims)
    expect(r.events.map((e) => `${e.type} ${e.participants.join(',')}`)).toEqual(events)
  })

  it('keeps the duration of a condition and the hedge of a sentence', async () => {
    const ex = lexiconExtractor(await loadLexicon(defaultLexicon))
    const r = await ex.extract({
      text: 'According to Kyiv, a referendum would reportedly only be held after a ceasefire of at least 60 days.',
    })
    expect(r.claims).toMatchObject([
      {
        actor: 'UA',
        act: 'condition',
        issue: 'referendum',
        condition_issue: 'ceasefire',
        min_days: 60,
        hedge: 'reportedly',
      },
    ])
  })

  it('fixes an event date from an explicit date, and from a weekday only against a real article date', async () => {
    const ex = lexiconExtractor(await loadLexicon(defaultLexicon))
    expect(
      (await ex.extract({ text: 'Rubio met Lavrov in Riyadh on February 18, 2025.' })).events[0]?.date,
    ).toBe('2025-02-18')
    const text = 'On Sunday, Trump met Zelensky in Florida.'
    expect((await ex.extract({ text, date: { date: '2025-12-29', estimated: false } })).events[0]?.date).toBe(
      '2025-12-28',
    )
    expect(
      (await ex.extract({ text, date: { date: '2025-12-29', estimated: true } })).events[0]?.date,
    ).toBeNull()
  })
})
