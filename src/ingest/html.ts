// HTML pages: @mozilla/readability on a linkedom document finds the article; its text is rebuilt
// block by block so paragraphs stay apart. Nothing in the page is executed: linkedom builds a DOM
// without running scripts, and only text leaves this module.
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { chooseTitle } from './_title.ts'
import { removeChrome } from './boilerplate.ts'

export interface HtmlArticle {
  text: string
  title?: string
  url?: string
  /** A publication date from the page's metadata, as written there. */
  date?: string
}

const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'FIGCAPTION',
  'TD',
  'TH',
  'DT',
  'DD',
])
const CONTAINERS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'UL',
  'OL',
  'TABLE',
  'TBODY',
  'TR',
  'FIGURE',
  'HEADER',
  'FOOTER',
  'DL',
])

/** Deeper pages than this are refused: the readers walk the tree recursively (a page 20,000 levels deep overflowed
 * Readability's stack in the fuzz tests). Real news pages are a few dozen levels deep. */
export const MAX_HTML_DEPTH = 1000

/** Elements the parser closes by itself or that never hold children: not counted as nesting. */
const NOT_NESTING = new Set(
  'p li dt dd td th tr option optgroup rp rt br hr img input meta link area base col embed source track wbr'.split(
    ' ',
  ),
)

/** The deepest element nesting of the page's tags, read from the text without parsing it. */
export function htmlDepth(html: string): number {
  let depth = 0
  let deepest = 0
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    if (NOT_NESTING.has((m[2] as string).toLowerCase()) || m[3] === '/') continue
    depth = m[1] === '/' ? Math.max(0, depth - 1) : depth + 1
    if (depth > deepest) deepest = depth
  }
  return deepest
}

/** The article of an HTML page, or a reason why there is none. */
export function readHtml(html: string): HtmlArticle | { reason: string } {
  const depth = htmlDepth(html)
  if (depth > MAX_HTML_DEPTH)
    return { reason: `the page nests its elements ${depth} levels deep (the limit is ${MAX_HTML_DEPTH})` }
  const { document } = parseHTML(html)
  const metaDate = metadataDate(document)
  const url =
    attr(document, 'link[rel="canonical"]', 'href') ?? attr(document, 'meta[property="og:url"]', 'content')
  const ogTitle = attr(document, 'meta[property="og:title"]', 'content')
  const pageTitle = clean(document.querySelector('title')?.textContent ?? undefined)
  const h1 = clean(document.querySelector('h1')?.textContent ?? undefined)
  // Readability mutates the document; the metadata above is read first.
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse()
  if (article === null || article.content == null) return { reason: 'no article text found in the page' }
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`)
  const { text } = removeChrome(blocksToText(content.body as unknown as Element))
  if (text.trim() === '') return { reason: 'no article text found in the page' }
  // Readability's choice first (og:title, else the cleaned <title>); the rest stand in when it is only
  // template markup.
  const title = chooseTitle(clean(article.title ?? undefined), ogTitle, pageTitle, h1)
  const date = metaDate ?? clean(article.publishedTime ?? undefined)
  return {
    text,
    ...(title === undefined ? {} : { title }),
    ...(url === undefined ? {} : { url }),
    ...(date === undefined ? {} : { date }),
  }
}

/** Text of the leaf blocks under `root`, one paragraph per block, whitespace collapsed. */
export function blocksToText(root: Element): string {
  const paragraphs: string[] = []
  const visit = (el: Element) => {
    for (const child of Array.from(el.children)) {
      const tag = child.tagName.toUpperCase()
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue
      const hasBlockInside = Array.from(child.querySelectorAll('*')).some(
        (d) => BLOCKS.has(d.tagName.toUpperCase()) || CONTAINERS.has(d.tagName.toUpperCase()),
      )
      if ((BLOCKS.has(tag) || CONTAINERS.has(tag)) && hasBlockInside) visit(child)
      else if (BLOCKS.has(tag) || CONTAINERS.has(tag)) push(child.textContent)
    }
  }
  const push = (text: string | null) => {
    const t = (text ?? '').replace(/\s+/g, ' ').trim()
    if (t !== '') paragraphs.push(t)
  }
  visit(root)
  if (paragraphs.length === 0) push(root.textContent)
  return paragraphs.join('\n\n')
}

function metadataDate(document: ReturnType<typeof parseHTML>['document']): string | undefined {
  const selectors: [string, string][] = [
    ['meta[property="article:published_time"]', 'content'],
    ['meta[name="article:published_time"]', 'content'],
    ['meta[itemprop="datePublished"]', 'content'],
    ['meta[name="pubdate"]', 'content'],
    ['meta[name="publishdate"]', 'content'],
    ['meta[name="date"]', 'content'],
    ['meta[name="DC.date.issued"]', 'content'],
    ['meta[name="citation_publication_date"]', 'content'],
    ['time[datetime]', 'datetime'],
  ]
  for (const [selector, name] of selectors) {
    const value = attr(document, selector, name)
    if (value !== undefined) return value
  }
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '')
    if (m?.[1]) return m[1]
  }
  return undefined
}

function attr(
  document: ReturnType<typeof parseHTML>['document'],
  selector: string,
  name: string,
): string | undefined {
  return clean(document.querySelector(selector)?.getAttribute(name) ?? undefined)
}

function clean(value: string | undefined): string | undefined {
  const t = value?.replace(/\s+/g, ' ').trim()
  return t === '' ? undefined : t
}
