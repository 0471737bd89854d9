// RSS 2.0, RSS 1.0 (RDF) and Atom feeds. The XML is validated first, so a broken feed is reported
// with its line and column instead of being half-read.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { parseHTML } from 'linkedom'
import { cleanTitle } from './_title.ts'
import { removeChrome } from './boilerplate.ts'
import { blocksToText } from './html.ts'

export interface FeedItem {
  title?: string
  url?: string
  date?: string
  text: string
}

export type FeedResult =
  | {
      ok: true
      title?: string
      items: (FeedItem | ({ skipped: string; index: number } & Omit<FeedItem, 'text'>))[]
    }
  | { ok: false; reason: string }

export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048)
  return /<(rss|feed|rdf:RDF)[\s>]/.test(head)
}

export function readFeed(xml: string): FeedResult {
  const valid = XMLValidator.validate(xml)
  if (valid !== true)
    return {
      ok: false,
      reason: `invalid XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    }
  const entity = undefinedEntity(xml)
  if (entity !== undefined) return { ok: false, reason: entity }

  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: true,
    htmlEntities: false,
    textNodeName: '#text',
    isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
  })
  const doc = parser.parse(xml) as Record<string, Node>
  const rss = doc.rss as Node | undefined
  const rdf = doc['rdf:RDF'] as Node | undefined
  const atom = doc.feed as Node | undefined
  const channel = (rss?.channel ?? rdf?.channel) as Node | undefined
  const rawItems = (rss ? channel?.item : rdf ? rdf.item : atom?.entry) as Node[] | undefined
  if (rss === undefined && rdf === undefined && atom === undefined) {
    return { ok: false, reason: 'not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)' }
  }
  const feedTitle = cleanTitle(text((channel ?? atom)?.title))
  const items = (rawItems ?? []).map((item, index) => {
    const html =
      text(item['content:encoded']) ??
      text(item.content) ??
      text(item.description) ??
      text(item.summary) ??
      ''
    // A title that is only template markup is none, and is not put at the head of the text either.
    const title = cleanTitle(text(item.title))
    const url = linkOf(item)
    const date = text(item.pubDate) ?? text(item.published) ?? text(item['dc:date']) ?? text(item.updated)
    const meta = {
      ...(title === undefined ? {} : { title }),
      ...(url === undefined ? {} : { url }),
      ...(date === undefined ? {} : { date }),
    }
    const body = htmlToText(html)
    // A link-only item is no article here, but its link still leads to one (parley watch follows it).
    if (body === '') return { skipped: 'the item has no text', index, ...meta }
    return {
      text: title !== undefined && body.split('\n', 1)[0]?.trim() !== title ? `${title}\n\n${body}` : body,
      ...meta,
    }
  })
  return { ok: true, items, ...(feedTitle === undefined ? {} : { title: feedTitle }) }
}

type Node = Record<string, unknown>

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'object') return text((value as Node)['#text'])
  const t = String(value).trim()
  return t === '' ? undefined : t
}

function linkOf(item: Node): string | undefined {
  const links = (item.link as unknown[] | undefined) ?? []
  for (const link of links) {
    if (typeof link === 'string' && link.trim() !== '') return link.trim()
    if (typeof link === 'object' && link !== null) {
      const l = link as Node
      if ((l['@_rel'] === undefined || l['@_rel'] === 'alternate') && typeof l['@_href'] === 'string')
        return l['@_href']
    }
  }
  return text(item.guid)
}

/** Item HTML (or plain text) to paragraphs; scripts are dropped, nothing runs. */
function htmlToText(html: string): string {
  if (!/<[a-z!/]/i.test(html)) return removeChrome(html).text
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  return removeChrome(blocksToText(document.body as unknown as Element)).text
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos'])

/** XML defines five named entities; any other (&nbsp;) is an error unless the DOCTYPE declares it. */
function undefinedEntity(xml: string): string | undefined {
  const declared = new Set([...xml.matchAll(/<!ENTITY\s+([\w.-]+)/g)].map((m) => m[1]))
  const masked = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '))
  const re = /&(#?[\w.-]*);?/g
  for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
    const name = m[1] ?? ''
    const complete = m[0].endsWith(';')
    if (complete && (XML_ENTITIES.has(name) || declared.has(name) || /^#(\d+|x[0-9a-f]+)$/i.test(name)))
      continue
    const before = masked.slice(0, m.index)
    const line = before.split('\n').length
    const column = m.index - before.lastIndexOf('\n')
    return complete
      ? `invalid XML at line ${line}, column ${column}: undefined entity &${name}; (XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references)`
      : `invalid XML at line ${line}, column ${column}: a bare "&" (write &amp;)`
  }
  return undefined
}
