import { describe, expect, it } from 'vitest'
import { htmlDepth, MAX_HTML_DEPTH } from '../../src/ingest/html.ts'
import { readFeed, readHtml } from '../../src/ingest/index.ts'

const paragraph =
  'The Kremlin announced that Putin had agreed to a U.S. proposal for a 30-day halt on attacks against energy infrastructure, on the condition that Ukraine does the same.'

describe('readHtml', () => {
  const page = `<!doctype html><html><head><title>Talks | News Site</title>
    <meta property="article:published_time" content="2025-03-18T10:00:00Z">
    <script>globalThis.parleyPwned = true</script></head><body>
    <nav><a href="/">Home</a><a href="/politics">Politics</a></nav>
    <article><h1>Trump and Putin talk</h1><p>Share this</p><p>${paragraph}</p>
    <p>Ukraine has rejected any territorial concessions. <img src=x onerror="globalThis.parleyPwned = true"> It calls for guarantees.</p></article>
    <footer>© 2025 News Site</footer></body></html>`

  it('finds the article, its paragraphs, title and metadata date, without chrome', () => {
    const r = readHtml(page)
    expect('reason' in r).toBe(false)
    if ('reason' in r) return
    expect(r.text.split('\n\n')).toEqual([
      'Trump and Putin talk',
      paragraph,
      'Ukraine has rejected any territorial concessions. It calls for guarantees.',
    ])
    expect(r.date).toBe('2025-03-18T10:00:00Z')
  })

  it('runs nothing in the page', () => {
    readHtml(page)
    expect((globalThis as { parleyPwned?: boolean }).parleyPwned).toBeUndefined()
  })

  it('reports a page that is all scripts', () => {
    expect(readHtml('<html><body><script>a()</script><script>b()</script></body></html>')).toEqual({
      reason: 'no article text found in the page',
    })
  })
})

describe('readHtml on pathological pages', () => {
  it('measures nesting without counting self-closing and auto-closed elements', () => {
    expect(htmlDepth('<html><body><div><p>a<p>b<br><img src=x></div></body></html>')).toBe(3)
    expect(htmlDepth('<div><div/></div>')).toBe(1)
  })

  it('refuses a page nested deeper than the limit with the depth as its reason (it overflowed the stack before)', () => {
    const depth = MAX_HTML_DEPTH + 5000
    const page = `<html><body>${'<div>'.repeat(depth)}Talks resumed.${'</div>'.repeat(depth)}</body></html>`
    expect(readHtml(page)).toEqual({
      reason: `the page nests its elements ${depth + 2} levels deep (the limit is ${MAX_HTML_DEPTH})`,
    })
  })
})

describe('readFeed', () => {
  const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>World</title>
    <item><title>Energy halt agreed</title><link>https://example.org/1</link><pubDate>Tue, 18 Mar 2025 10:00:00 GMT</pubDate>
      <content:encoded><![CDATA[<p>${paragraph}</p><script>x()</script>]]></content:encoded></item>
    <item><title>Empty</title><link>https://example.org/2</link></item></channel></rss>`

  it('reads RSS items with their title, link, date and text; an empty item is skipped with its reason and link', () => {
    const r = readFeed(rss)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.items[0]).toEqual({
      title: 'Energy halt agreed',
      url: 'https://example.org/1',
      date: 'Tue, 18 Mar 2025 10:00:00 GMT',
      text: `Energy halt agreed\n\n${paragraph}`,
    })
    // A link-only item is no article, but parley watch follows its link.
    expect(r.items[1]).toEqual({
      skipped: 'the item has no text',
      index: 1,
      title: 'Empty',
      url: 'https://example.org/2',
    })
  })

  it('reads Atom entries', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>T</title>
      <link rel="alternate" href="https://example.org/a"/><published>2025-03-18T00:00:00Z</published><content type="html">&lt;p&gt;${paragraph}&lt;/p&gt;</content></entry></feed>`
    const r = readFeed(atom)
    expect(r.ok && r.items[0]).toMatchObject({
      url: 'https://example.org/a',
      date: '2025-03-18T00:00:00Z',
      text: `T\n\n${paragraph}`,
    })
  })

  it('reports a bad entity and broken XML with line and column', () => {
    expect(
      readFeed(
        '<?xml version="1.0"?>\n<rss><channel>\n<item><title>A &nbsp; B</title></item></channel></rss>',
      ),
    ).toEqual({
      ok: false,
      reason:
        'invalid XML at line 3, column 16: undefined entity &nbsp; (XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references)',
    })
    const broken = readFeed('<?xml version="1.0"?>\n<rss><channel>\n<item><title>A</title></chanel></rss>')
    expect(!broken.ok && broken.reason).toMatch(/^invalid XML at line 3, column \d+: /)
  })
})
