// parley watch against a local HTTP server on 127.0.0.1 that serves feeds and pages, some of them
// faulty: a 500, a timeout, a 404, a page over the size limit, a feed with broken XML. Faults are
// retried with backoff and nothing is lost: every linked page ends stored or recorded with its reason.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { lexiconExtractor, loadLexicon } from '../../src/extract/index.ts'
import { HostGate } from '../../src/ingest/fetch.ts'
import { defaultCorpus, defaultLexicon } from '../../src/paths.ts'
import { pollOnce, type WatchOptions } from '../../src/pipeline/watch.ts'
import { openStore, type Store } from '../../src/store/index.ts'
import { escapeHtml } from '../helpers/html.ts'

const texts = readdirSync(defaultCorpus)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(defaultCorpus, f), 'utf8'))
const page = (i: number) =>
  `<!doctype html><html><head><title>Article ${i}</title></head><body><nav><a href="/">Home</a></nav><article><h1>Article ${i}</h1>${(
    texts[i] ?? ''
  )
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('')}</article><footer>© Example</footer></body></html>`

interface Hit {
  path: string
  at: number
  ifNoneMatch?: string | undefined
}

/** The feeds and pages, each fault on its first request only. */
function site(): { server: Server; hits: Hit[]; base: () => string } {
  const hits: Hit[] = []
  const count = (path: string) => hits.filter((h) => h.path === path).length
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/'
    hits.push({ path, at: Date.now(), ifNoneMatch: req.headers['if-none-match'] })
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    const rss = (links: string[]) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Talks</title>${links
        .map(
          (l, i) =>
            `<item><title>Item ${i}</title><link>${base}${l}</link><pubDate>Tue, 18 Mar 2025 10:00:00 GMT</pubDate></item>`,
        )
        .join('')}</channel></rss>`
    const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, headers)
      res.end(body)
    }
    switch (path) {
      case '/feed.xml':
        if (req.headers['if-none-match'] === '"v1"') return send(304, '')
        return send(200, rss(['/a0', '/a1', '/a2', '/big', '/gone']), {
          etag: '"v1"',
          'content-type': 'application/rss+xml',
        })
      case '/bad.xml':
        if (count(path) === 1)
          return send(200, '<rss><channel><item><title>Broken &nbsp; feed</title></item>')
        if (req.headers['if-modified-since'] === 'Wed, 19 Mar 2025 08:00:00 GMT') return send(304, '')
        return send(200, rss(['/a3']), {
          'content-type': 'application/rss+xml',
          'last-modified': 'Wed, 19 Mar 2025 08:00:00 GMT',
        })
      case '/a0':
      case '/a3':
        return send(200, page(Number(path.slice(2))), { 'content-type': 'text/html; charset=utf-8' })
      case '/a1':
        if (count(path) === 1) return send(500, 'Internal Server Error')
        return send(200, page(1), { 'content-type': 'text/html; charset=utf-8' })
      case '/a2':
        if (count(path) === 1) {
          setTimeout(() => send(200, page(2)), 1500) // past the client's timeout
          return
        }
        return send(200, page(2), { 'content-type': 'text/html; charset=utf-8' })
      case '/big':
        return send(200, Buffer.alloc(300 * 1024, 'a'), { 'content-type': 'text/html' })
      default:
        return send(404, 'Not Found')
    }
  })
  // Node's server closes an idle keep-alive connection after 5 s, and fetch (undici) closes its side a
  // second earlier; on a loaded machine its timer runs late, so the next test's request reused a socket
  // the server had just reset (ECONNRESET). Idle connections stay open here for the file's duration.
  server.keepAliveTimeout = 120_000
  return { server, hits, base: () => `http://127.0.0.1:${(server.address() as { port: number }).port}` }
}

/** The host gate, noting when each request was let through. */
class RecordingGate extends HostGate {
  readonly starts: number[] = []
  override async wait(url: string): Promise<void> {
    await super.wait(url)
    this.starts.push(Date.now())
  }
}

let s: ReturnType<typeof site>
beforeAll(async () => {
  s = site()
  await new Promise<void>((r) => s.server.listen(0, '127.0.0.1', r))
})
afterAll(async () => {
  s.server.closeAllConnections()
  await new Promise((r) => s.server.close(r))
})

async function freshStore(): Promise<Store> {
  return openStore(join(mkdtempSync(join(tmpdir(), 'parley-watch-')), 'db'))
}

describe('parley watch on a local site with faults', () => {
  it('retries faults with backoff, honours ETag, keeps a per-host delay, and loses nothing', async () => {
    const store = await freshStore()
    const log: string[] = []
    const gate = new RecordingGate(60)
    const options: WatchOptions = {
      store,
      extractor: lexiconExtractor(await loadLexicon(defaultLexicon)),
      timeoutMs: 500,
      maxBytes: 200 * 1024,
      hostDelayMs: 60,
      userAgent: 'parley-test',
      retryBaseMs: 60_000,
      retryMaxMs: 10_000,
      maxPageAttempts: 3,
      log: (l) => log.push(l),
      gate,
    }
    const feeds = [`${s.base()}/feed.xml`, `${s.base()}/bad.xml`]
    try {
      const first = await pollOnce(feeds, options)
      expect(first.feeds.map((f) => [f.status, f.newPages])).toEqual([
        ['fetched', 5],
        ['error', 0],
      ])
      expect(first.feeds[1]?.reason).toMatch(/^invalid XML at line 1/)
      expect(first.pages).toMatchObject({ fetched: 1, retrying: 2 })
      expect(first.pages.failed.map((f) => [f.url.replace(s.base(), ''), f.reason])).toEqual([
        ['/big', 'too large: over 0.2 MB (the limit is 0.2 MB)'],
        ['/gone', 'HTTP 404 Not Found'],
      ])
      expect(first.ingest.added).toBe(1)
      expect(log.some((l) => l.includes('/a2: timed out after 0.5 s; fault 1 of 3'))).toBe(true)

      // Before the backoff has passed, the faulty feed and pages wait.
      const early = await pollOnce(feeds, options)
      expect(early.feeds.map((f) => f.status)).toEqual(['not_modified', 'backing_off'])
      expect(early.pages.fetched).toBe(0)

      // A clock two minutes on: past every backoff (one minute after the first fault).
      const second = await pollOnce(feeds, { ...options, now: () => new Date(Date.now() + 120_000) })
      expect(second.feeds.map((f) => [f.status, f.newPages])).toEqual([
        ['not_modified', 0],
        ['fetched', 1],
      ])
      expect(second.pages).toEqual({ fetched: 3, retrying: 0, failed: [] })
      expect(second.ingest.added).toBe(3)
      expect(second.watch).toEqual({ feeds: 2, pending: 0, fetched: 4, failed: 2 })

      // Nothing lost: each linked page is an article in the store or a failure with its reason.
      const docs = await store.listDocuments()
      expect(docs.map((d) => d.path.replace(s.base(), '')).sort()).toEqual(['/a0', '/a1', '/a2', '/a3'])
      expect(docs.every((d) => d.format === 'html' && d.claims + d.events > 0)).toBe(true)
      expect((await store.listFailures()).map((f) => f.path.replace(s.base(), ''))).toEqual(['/big', '/gone'])
      // Last-Modified: the mended feed is asked with If-Modified-Since next time, and answers 304.
      const third = await pollOnce(feeds, { ...options, now: () => new Date(Date.now() + 240_000) })
      expect(third.feeds.map((f) => f.status)).toEqual(['not_modified', 'not_modified'])
      expect(third.ingest.added).toBe(0)
      // ETag: the feed was asked with If-None-Match after its first fetch.
      expect(s.hits.filter((h) => h.path === '/feed.xml').map((h) => h.ifNoneMatch ?? null)).toEqual([
        null,
        '"v1"',
        '"v1"',
        '"v1"',
      ])
      // Politeness: every request waited at the gate, and none started within 60 ms of the previous
      // one to the host, across polls too.
      expect(gate.starts).toHaveLength(s.hits.length)
      const gaps = gate.starts.slice(1).map((t, i) => t - (gate.starts[i] ?? 0))
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(59)
    } finally {
      await store.close()
    }
  }, 60_000)

  it('parley watch --once --json polls, ingests and prints one JSON line; a bad duration exits 1', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'parley-watch-cli-')), 'db')
    let out = ''
    let err = ''
    const io = {
      out: (t: string) => {
        out += `${t}\n`
      },
      err: (t: string) => {
        err += `${t}\n`
      },
    }
    const code = await main(
      ['watch', `${s.base()}/feed.xml`, '--once', '--json', '--db', db, '--delay', '10ms'],
      io,
    )
    expect(code, err).toBe(0)
    const report = JSON.parse(out.trim())
    expect(report.feeds[0]).toMatchObject({ status: 'fetched', newPages: 5 })
    expect(report.ingest.added).toBeGreaterThanOrEqual(1)
    const bad = await main(['watch', `${s.base()}/feed.xml`, '--every', 'soon'], io)
    expect(bad).toBe(1)
    expect(err).toContain('--every: expected a duration such as 30s, 15m or 1h, got "soon"')
  }, 60_000)
})
