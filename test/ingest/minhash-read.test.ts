import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bands, looksEnglish, readArticles, signature, similarity } from '../../src/ingest/index.ts'
import { defaultCorpus } from '../../src/paths.ts'

const a = readFileSync(join(defaultCorpus, '003_0a089bf784685054.txt'), 'utf8')
const b = readFileSync(join(defaultCorpus, '002_22cd30e20247ea75.txt'), 'utf8')

describe('MinHash near-duplicates', () => {
  it('similarity is 1 for the same text, high for a lightly edited copy, low for another article', () => {
    expect(similarity(signature(a), signature(a))).toBe(1)
    const edited = a
      .replace('A much-anticipated meeting', 'A long-awaited meeting')
      .replace('Final Thoughts', 'Conclusion')
    expect(similarity(signature(a), signature(edited))).toBeGreaterThan(0.8)
    expect(similarity(signature(a), signature(b))).toBeLessThan(0.1)
  })

  it('identical texts share every band key, so the store finds them as candidates', () => {
    expect(bands(signature(a))).toEqual(bands(signature(a)))
  })
})

describe('readArticles', () => {
  it('reads the bundled corpus with the manifest titles and estimated dates', async () => {
    const out = []
    for await (const r of readArticles([defaultCorpus])) out.push(r)
    expect(out).toHaveLength(5)
    expect(out[1]).toMatchObject({
      article: {
        title: 'Trump and Putin Fail to Reach Agreement on Ukraine Ceasefire',
        date: { date: '2025-03-18', source: 'manifest', estimated: true },
      },
    })
  })

  it('reports each broken input with its reason and reads the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-read-'))
    writeFileSync(join(dir, 'a-empty.txt'), '')
    writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 7, 8]))
    writeFileSync(join(dir, 'c-good.txt'), b)
    writeFileSync(
      join(dir, 'd-french.txt'),
      "Le président a déclaré que la Russie n'accepterait pas un cessez-le-feu sans garanties, selon le Kremlin, et que les négociations continueraient la semaine prochaine à Genève.",
    )
    writeFileSync(join(dir, 'e-scripts.html'), '<html><body><script>a()</script></body></html>')
    const results = []
    for await (const r of readArticles([dir, join(dir, 'missing.txt')])) results.push(r)
    expect(results.map((r) => ('failure' in r ? r.failure.reason.split(':')[0] : 'ok'))).toEqual([
      'empty file',
      'binary data, not text',
      'ok',
      'not English',
      'no article text found in the page',
      'cannot read',
    ])
  })

  it('looksEnglish tells English prose from other languages', () => {
    expect(looksEnglish(b)).toBe(true)
    expect(
      looksEnglish(
        'Владимир Путин заявил, что Россия готова к переговорам с Украиной, но только на своих условиях и без участия европейских стран в этом процессе.',
      ),
    ).toBe(false)
  })
})
