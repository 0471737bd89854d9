// Text hygiene (issue 19, point 5): an invalid header line is dropped, never kept as text, and a title is
// never template markup. Every input here is written for the test.
import { describe, expect, it } from 'vitest'
import { chooseTitle, cleanTitle } from '../../src/ingest/_title.ts'
import {
  cleanPlainText,
  detectTitle,
  readFeed,
  readHtml,
  readInput,
  splitHeader,
} from '../../src/ingest/index.ts'

const body =
  'GENEVA – Negotiators from both delegations met on Tuesday and agreed to resume talks on the harbour dispute next week, officials said.'
const url = 'URL: https://example.org/talks'

describe('splitHeader(text) with an invalid header line', () => {
  it.each([
    ['DATE: unknown', 'not a date'],
    ['DATE:', 'empty'],
    ['DATE: 32/13/2025', 'not a date'],
    ['DATE: 2025-02-30', 'not a date'],
    ['PUBLISHED: n/a', 'not a date'],
  ])('drops "%s" from the text and records it (%s), the date left unknown', (line, reason) => {
    const { metadata, body: rest } = splitHeader(`${url}\n${line}\n\n${body}`)
    expect(metadata).toEqual({
      url: 'https://example.org/talks',
      dropped: [{ line, key: line.split(':')[0], reason }],
    })
    expect(rest.trim()).toBe(body)
  })

  it('drops an invalid DATE line that is the only header line', () => {
    const { metadata, body: rest } = splitHeader(`DATE: unknown\n\n${body}`)
    expect(metadata).toEqual({ dropped: [{ line: 'DATE: unknown', key: 'DATE', reason: 'not a date' }] })
    expect(rest.trim()).toBe(body)
  })

  it('drops an invalid URL line and an empty or markup-only TITLE line, and reads the valid lines after them', () => {
    const { metadata, body: rest } = splitHeader(
      `URL: not available\nTITLE:\nTITLE: {{ page.title }}\nDATE: 2025-03-18\n\n${body}`,
    )
    expect(metadata).toEqual({
      date: '2025-03-18',
      dropped: [
        { line: 'URL: not available', key: 'URL', reason: 'not a URL' },
        { line: 'TITLE:', key: 'TITLE', reason: 'empty' },
        { line: 'TITLE: {{ page.title }}', key: 'TITLE', reason: 'template markup, not a title' },
      ],
    })
    expect(rest.trim()).toBe(body)
  })

  it('keeps a valid DATE line as the date, with nothing dropped', () => {
    expect(splitHeader(`${url}\nDATE: 2025-03-18\n\n${body}`)).toEqual({
      metadata: { url: 'https://example.org/talks', date: '2025-03-18' },
      body: `\n${body}`,
    })
  })

  it('keeps a line that goes on as a sentence as article text', () => {
    const text = `${url}\nDate: unknown. The talks resumed in Geneva on Tuesday.\n\n${body}`
    const { metadata, body: rest } = splitHeader(text)
    expect(metadata).toEqual({ url: 'https://example.org/talks' })
    expect(rest.startsWith('Date: unknown. The talks resumed')).toBe(true)
  })
})

describe('cleanPlainText(raw) and readInput(input) with DATE: unknown', () => {
  const raw = `${url}\nDATE: unknown\n\n${body}\n\nThe next round is due on March 25, 2025.`

  it('starts the cleaned text at the article, so offsets count from its first word', () => {
    const { text, metadata } = cleanPlainText(raw)
    expect(text.startsWith('GENEVA – ')).toBe(true)
    expect(text.indexOf('Negotiators')).toBe('GENEVA – '.length)
    expect(metadata.date).toBeUndefined()
  })

  it('dates the article from its text and names the dropped line in the basis', () => {
    const [result] = [...readInput({ path: 'a.txt', bytes: new TextEncoder().encode(raw) })]
    expect(result).toMatchObject({
      article: {
        text: expect.stringMatching(/^GENEVA – /),
        date: {
          date: '2025-03-25',
          source: 'text',
          estimated: true,
          basis: expect.stringContaining('(the header line "DATE: unknown" was dropped: not a date)'),
        },
      },
    })
  })

  it('keeps a valid DATE line as the metadata date', () => {
    const valid = raw.replace('DATE: unknown', 'DATE: 2025-03-18')
    const [result] = [...readInput({ path: 'a.txt', bytes: new TextEncoder().encode(valid) })]
    expect(result).toMatchObject({
      article: { date: { date: '2025-03-18', source: 'metadata', basis: 'metadata: 2025-03-18' } },
    })
  })
})

describe('cleanTitle(raw)', () => {
  it.each([
    ["{{dayPoint.date | date : 'd MMMM yyyy'}}", undefined],
    ['{% block title %}', undefined],
    ['{% block title %}{% endblock %}', undefined],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the input is an unrendered JavaScript template
    ['${title}', undefined],
    ['<%= @article.title %>', undefined],
    ['{{{ headline }}}', undefined],
    ['{# a comment #}', undefined],
    ['Talks resume {{ date }}', 'Talks resume'],
    ['{{ site.name }} | Harbour talks resume in Geneva', 'Harbour talks resume in Geneva'],
    ['Harbour talks resume ({{ date }})', 'Harbour talks resume'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the input is an unrendered JavaScript template
    ['Talks resume on ${day}, officials say', 'Talks resume on, officials say'],
    ["{{dayPoint.date | date : 'd MMMM", undefined],
    ["date : 'd MMMM yyyy'}}", undefined],
    ['', undefined],
    ['   ', undefined],
  ])('cleanTitle(%j) is %j', (raw, title) => expect(cleanTitle(raw)).toBe(title))

  it.each([
    'Set {1, 2, 3} of demands tabled',
    'Why the {Kremlin} line held',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a dollar and braces used as text, not a template
    'A ${5} trillion question for the talks',
    'Tariffs at 100% {and rising}',
  ])('keeps braces used as text: %s', (title) => expect(cleanTitle(title)).toBe(title))

  it('chooseTitle(...candidates) falls back to the next candidate, then to none', () => {
    expect(chooseTitle('{{ title }}', undefined, 'Harbour talks resume')).toBe('Harbour talks resume')
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the input is an unrendered JavaScript template
    expect(chooseTitle('{% block title %}', '${title}')).toBeUndefined()
  })
})

describe('titles from each source are never template markup', () => {
  it('detectTitle(text) passes over a markup-only line and strips markup from a headline', () => {
    expect(
      detectTitle(`{{dayPoint.date | date : 'd MMMM yyyy'}}\n\nHarbour talks resume in Geneva\n\n${body}`),
    ).toBe('Harbour talks resume in Geneva')
    expect(detectTitle(`Harbour talks resume in Geneva {{ date }}\n\n${body}`)).toBe(
      'Harbour talks resume in Geneva',
    )
  })

  it('cleanPlainText(raw) takes a TITLE header without its markup, or the headline when it is all markup', () => {
    expect(cleanPlainText(`TITLE: Talks resume {{ date }}\n\n${body}`).title).toBe('Talks resume')
    expect(cleanPlainText(`TITLE: \${title}\n\nHarbour talks resume in Geneva\n\n${body}`).title).toBe(
      'Harbour talks resume in Geneva',
    )
  })

  const page = (head: string) =>
    `<!doctype html><html><head>${head}</head><body><article><h1>Harbour talks resume in Geneva</h1><p>${body}</p><p>${body}</p></article></body></html>`

  it.each([
    ["<title>{{dayPoint.date | date : 'd MMMM yyyy'}}</title>", 'Harbour talks resume in Geneva'],
    [
      '<title>{% block title %}</title><meta property="og:title" content="Delegations agree to meet again">',
      'Delegations agree to meet again',
    ],
    [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the input is an unrendered JavaScript template
      '<meta property="og:title" content="${title}"><title>Geneva round ends without a deal</title>',
      'Geneva round ends without a deal',
    ],
    ['<title>Talks resume {{ date }}</title>', 'Talks resume'],
  ])('readHtml(%j) titles the page %j', (head, title) => {
    expect(readHtml(page(head))).toMatchObject({ title })
  })

  it('readFeed(xml) drops a markup-only item title, and keeps it out of the text', () => {
    const feed = readFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>{{ feed.title }}</title>
      <item><title>{{ item.title }}</title><link>https://example.org/1</link><description>${body}</description></item>
      <item><title>Talks resume {{ date }}</title><link>https://example.org/2</link><description>${body}</description></item>
      </channel></rss>`,
    )
    expect(feed).toEqual({
      ok: true,
      items: [
        { url: 'https://example.org/1', text: body },
        { title: 'Talks resume', url: 'https://example.org/2', text: `Talks resume\n\n${body}` },
      ],
    })
  })
})
