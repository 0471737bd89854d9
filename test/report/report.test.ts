import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseHTML } from 'linkedom'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { defaultScenario, packageRoot } from '../../src/paths.ts'
import { mdText, renderHtml, renderMarkdown, reportData, safeHttpUrl } from '../../src/report/index.ts'
import { allEvidence, loadScenario, type Scenario } from '../../src/scenario/index.ts'

const quiet = { out: () => {}, err: () => {} }
const xssScenario = join(packageRoot, 'test/fixtures/xss/scenario.yaml')

describe('the HTML report of the bundled scenario', () => {
  let s: Scenario
  let html: string
  let page: Document
  beforeAll(async () => {
    s = await loadScenario(defaultScenario)
    html = renderHtml(await reportData(s, { draws: 100 }))
    page = parseHTML(html).document as unknown as Document
  }, 60_000)

  it('is self-contained: no script, nothing fetched, a CSP that forbids both', () => {
    expect(page.querySelectorAll('script').length).toBe(0)
    expect(page.querySelectorAll('[src], link[href]').length).toBe(0)
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(
      /default-src 'none'/,
    )
  })

  it('has the charts as inline SVG: positions, forecasts, rounds, sensitivity, Pareto, conditions, roadmap', () => {
    expect(page.querySelectorAll('figure svg').length).toBeGreaterThanOrEqual(7)
  })

  it('shows every quote of the scenario, each with its source', () => {
    const text = page.body.textContent ?? ''
    const quotes = [...allEvidence(s)].map((e) => e.evidence.quote)
    expect(quotes.length).toBeGreaterThan(0)
    for (const q of quotes) expect(text).toContain(q)
    for (const src of s.sources) expect(text).toContain(src.title)
  })

  it('names the assumptions behind numbers without a quote', () => {
    const text = page.body.textContent ?? ''
    for (const p of s.parties) if (p.capability.assumption) expect(text).toContain(p.capability.assumption)
  })
})

describe('reports of the XSS fixture scenario', () => {
  it('HTML: every payload is text; no script, no handler attribute, no javascript: link', async () => {
    const data = await reportData(await loadScenario(xssScenario), { draws: 50 })
    const html = renderHtml(data)
    const page = parseHTML(html).document as unknown as Document
    expect(page.querySelectorAll('script, iframe, object, embed, img, video, details, input').length).toBe(0)
    for (const el of page.querySelectorAll('*'))
      for (const attr of el.getAttributeNames())
        expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false)
    expect(page.querySelectorAll('a[href^="javascript:"]').length).toBe(0)
    expect(page.body.textContent).toContain("<script>window.__xss='meta-title'</script>")
    // The https source URL is a link with rel=noopener; the javascript: one is not a link at all.
    const links = [...page.querySelectorAll('a[href]')].map((a) => [
      a.getAttribute('href'),
      a.getAttribute('rel'),
    ])
    expect(links).toEqual([[expect.stringMatching(/^https:\/\/example\.org\/a\?/), 'noopener noreferrer']])
  }, 60_000)

  it('Markdown: payloads escaped, so a Markdown renderer shows them as text', async () => {
    const md = renderMarkdown(await reportData(await loadScenario(xssScenario), { draws: 50 }))
    const outsideSvg = md.replace(/<figure>[\s\S]*?<\/figure>/g, '')
    expect(outsideSvg).not.toMatch(/<script|<img|<svg|<iframe/)
    expect(outsideSvg).toContain("&lt;script&gt;window.\\_\\_xss='meta-title'&lt;/script&gt;")
    expect(md).not.toContain('](javascript:')
  }, 60_000)

  it('mdText and safeHttpUrl', () => {
    expect(mdText('# a *b* [c](d) <e> | f')).toBe('\\# a \\*b\\* \\[c\\](d) &lt;e&gt; \\| f')
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeHttpUrl('data:text/html,x')).toBeUndefined()
    expect(safeHttpUrl('https://user:pw@example.org/')).toBeUndefined()
    expect(safeHttpUrl(' https://example.org/a b ')).toBe('https://example.org/a%20b')
  })
})

describe('parley report', () => {
  it('--out FILE writes one file; the format follows the extension or --format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-report-'))
    expect(await main(['report', defaultScenario, '--draws', '50', '--out', join(dir, 'r.md')], quiet)).toBe(
      0,
    )
    const md = readFileSync(join(dir, 'r.md'), 'utf8')
    expect(md.startsWith('# US–Russia–Ukraine peace talks, 2025: analysis as of 2025-12-30')).toBe(true)
    expect(md).toMatch(/^\| issue \| parties \| compromise \|/m)
    expect(
      await main(['report', defaultScenario, '--draws', '50', '--out', join(dir, 'r.html')], quiet),
    ).toBe(0)
    expect(readFileSync(join(dir, 'r.html'), 'utf8').startsWith('<!doctype html>')).toBe(true)
    let err = ''
    expect(
      await main(['report', defaultScenario, '--format', 'pdf'], { out: () => {}, err: (t) => (err += t) }),
    ).toBe(1)
    expect(err).toMatch(/--format: expected md or html, got "pdf"/)
  }, 60_000)
})
