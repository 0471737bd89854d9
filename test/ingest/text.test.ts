import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanPlainText, detectTitle, isChrome, splitHeader } from '../../src/ingest/index.ts'
import { defaultCorpus, packageRoot } from '../../src/paths.ts'

const read = (f: string) => readFileSync(join(defaultCorpus, f), 'utf8')
const gold = JSON.parse(
  readFileSync(join(packageRoot, 'test/fixtures/validation/extraction/seeds-gold.json'), 'utf8'),
) as {
  articles: { file: string; claims: { quote: string }[]; events: { quote: string }[] }[]
}

describe('cleanPlainText on the bundled scrapes', () => {
  it('removes the site chrome the seed files carry', () => {
    const removed = readdirSync(defaultCorpus)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => cleanPlainText(read(f)).removed)
    expect(removed).toEqual([
      'Connect with us',
      'Published',
      'on',
      'WhatsApp Group Join Now',
      'Back to top button',
      'Comments',
      'There are no comments for this story',
      'Be the first to respond and start the conversation.',
    ])
  })

  it('keeps every quote of the gold annotations (the article text is not touched)', () => {
    for (const a of gold.articles) {
      const clean = cleanPlainText(read(a.file)).text.replace(/\s+/g, ' ')
      for (const item of [...a.claims, ...a.events]) expect(clean).toContain(item.quote.replace(/\s+/g, ' '))
    }
  })

  it('detects the headline, skipping section labels, and finds none where the scrape has none', () => {
    expect(cleanPlainText(read('001_fe0d15e1fe376c9e.txt')).title).toBe(
      'Trump and Putin Fail to Reach Agreement on Ukraine Ceasefire',
    )
    expect(cleanPlainText(read('003_0a089bf784685054.txt')).title).toBe(
      'Donald Trump and Volodymyr Zelenskyy Talks Fail to Deliver Breakthrough on Ukraine Peace Deal',
    )
    expect(cleanPlainText(read('004_4d652d46133cfe88.txt')).title).toBeUndefined()
    expect(detectTitle('Politics\n\nMarkets rally as talks resume in Geneva\n\nText.')).toBe(
      'Markets rally as talks resume in Geneva',
    )
  })
})

describe('splitHeader(text)', () => {
  it('takes URL and DATE lines out of the text, so no quote can come from them', () => {
    const { metadata, body } = splitHeader(
      'URL: https://example.org/a\nDATE: 2025-11-24\n\nRubio met Lavrov.',
    )
    expect(metadata).toEqual({ url: 'https://example.org/a', date: '2025-11-24' })
    expect(body.trim()).toBe('Rubio met Lavrov.')
  })

  it('leaves a text without a header alone', () => {
    expect(splitHeader('Date: unknown. Rubio met Lavrov.').body).toBe('Date: unknown. Rubio met Lavrov.')
  })
})

describe('isChrome(line)', () => {
  it.each([
    'Share this article',
    'Telegram Channel Join Now',
    'Read more: Putin and Trump to meet',
    'Advertisement',
    'Tags: Ukraine, Russia',
  ])('is chrome: %s', (line) => expect(isChrome(line)).toBe(true))
  it.each([
    'Comments from the Kremlin were sparse.',
    'Share prices rose as the talks went on.',
    'Published reports said the call lasted two hours.',
  ])('is article text: %s', (line) => expect(isChrome(line)).toBe(false))
})
