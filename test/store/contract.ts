// The Store contract: every implementation passes the same cases (Hono's shared router suite is
// the model). store.pglite.test.ts and store.pg.test.ts are a few lines each.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bands, contentHash, signature } from '../../src/ingest/index.ts'
import { MATCH_END, MATCH_START, MAX_ATTEMPTS, type NewDocument, type Store } from '../../src/store/index.ts'

const TEXT_A =
  'Russian officials have insisted that Ukraine should withdraw its forces from the Donbas region. Kyiv has firmly rejected the demand. ' +
  'European allies urged clarity on security commitments and mechanisms for enforcement as talks continued in Florida on Sunday.'
const TEXT_B =
  'The Kremlin announced that Putin had agreed to a U.S. proposal for a 30-day halt on attacks against energy infrastructure.'

export function doc(text: string, over: Partial<NewDocument> = {}): NewDocument {
  const sig = signature(text)
  return {
    contentHash: contentHash(text),
    path: 'a.txt',
    format: 'text',
    title: 'A title',
    date: { date: '2025-12-28', source: 'manifest', estimated: true, basis: 'manifest' },
    text,
    bytes: text.length,
    signature: sig,
    bands: bands(sig),
    extractor: 'lexicon@1',
    claims: [
      {
        actor: 'RU',
        act: 'demand',
        issue: 'territory',
        quote: 'Russian officials have insisted',
        start: 0,
        end: 31,
      },
      {
        actor: 'UA',
        act: 'condition',
        issue: 'territory',
        condition_issue: 'ceasefire',
        min_days: 60,
        hedge: 'reportedly',
        quote: 'Kyiv',
        start: 96,
        end: 100,
      },
    ],
    events: [
      {
        type: 'meeting',
        participants: ['UA', 'US'],
        date: '2025-12-28',
        quote: 'talks continued',
        start: 10,
        end: 25,
        initiator: 'US',
      },
    ],
    ...over,
  }
}

export function runStoreContract(name: string, open: () => Promise<Store>) {
  describe(`Store contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await open()
    })
    afterEach(async () => {
      await store.close()
    })

    it('stores a document with its claims and events, and reads them back field for field', async () => {
      const r = await store.addDocument(doc(TEXT_A))
      expect(r.added).toBe(true)
      const d = await store.getDocument(r.id)
      expect(d).toMatchObject({
        title: 'A title',
        date: '2025-12-28',
        dateEstimated: true,
        dateSource: 'manifest',
        claims: 2,
        events: 1,
        text: TEXT_A,
      })
      const { total, claims } = await store.listClaims({ documentId: r.id })
      expect(total).toBe(2)
      expect(claims[1]).toMatchObject({
        actor: 'UA',
        act: 'condition',
        condition_issue: 'ceasefire',
        min_days: 60,
        hedge: 'reportedly',
        start: 96,
        end: 100,
      })
      expect(claims[0]).not.toHaveProperty('condition_issue')
      const [event] = await store.listEvents({ documentId: r.id })
      expect(event).toMatchObject({
        type: 'meeting',
        participants: ['UA', 'US'],
        date: '2025-12-28',
        initiator: 'US',
      })
    })

    it('is idempotent by content hash: the same text twice is stored once', async () => {
      const first = await store.addDocument(doc(TEXT_A))
      const second = await store.addDocument(doc(TEXT_A, { path: 'copy.txt' }))
      expect(second).toEqual({ id: first.id, added: false, links: [] })
      expect(await store.hasDocument(contentHash(TEXT_A))).toBe(true)
      expect((await store.counts()).documents).toBe(1)
      expect((await store.counts()).claims).toBe(2)
    })

    it('links a near-duplicate instead of dropping it', async () => {
      const a = await store.addDocument(doc(TEXT_A))
      const edited = TEXT_A.replace('on Sunday', 'late on Sunday evening')
      const b = await store.addDocument(doc(edited, { path: 'b.txt' }))
      expect(b.added).toBe(true)
      expect(b.links).toHaveLength(1)
      expect(b.links[0]).toMatchObject({ a: a.id, b: b.id, kind: 'near_duplicate' })
      expect(b.links[0]?.similarity).toBeGreaterThan(0.5)
      const c = await store.addDocument(doc(TEXT_B, { path: 'c.txt' }))
      expect(c.links).toEqual([])
      expect(await store.listLinks()).toHaveLength(1)
    })

    it('filters claims by party, issue (also as the condition) and act, with a total and pages', async () => {
      await store.addDocument(doc(TEXT_A))
      expect((await store.listClaims({ party: 'RU' })).total).toBe(1)
      expect((await store.listClaims({ issue: 'ceasefire' })).claims.map((c) => c.actor)).toEqual(['UA'])
      expect((await store.listClaims({ act: 'reject' })).total).toBe(0)
      const page = await store.listClaims({ limit: 1, offset: 1 })
      expect(page.total).toBe(2)
      expect(page.claims.map((c) => c.actor)).toEqual(['UA'])
    })

    it('keeps a failed write out entirely: a bad claim rolls back its document', async () => {
      const bad = doc(TEXT_B, {
        claims: [{ actor: 'RU', act: 'accept', issue: 'x', quote: 'q', start: 0, end: Number.NaN }],
      })
      await expect(store.addDocument(bad)).rejects.toThrow()
      expect(await store.counts()).toMatchObject({ documents: 0, claims: 0, events: 0 })
      expect((await store.addDocument(doc(TEXT_B))).added).toBe(true)
    })

    it('queues an input once, and a worker stores its documents with the done mark', async () => {
      const inputs = ['a', 'b', 'c'].map((k) => ({
        source: `${k}.txt`,
        payload: new TextEncoder().encode(k),
      }))
      expect(await store.enqueue(inputs)).toBe(3)
      expect(await store.enqueue(inputs)).toBe(0)
      expect(await store.queueCounts()).toEqual({ pending: 3, done: 0, failed: 0 })
      const texts: Record<string, string> = { 'a.txt': TEXT_A, 'b.txt': TEXT_B }
      const done = await store.work('w1', 8, async (item) => {
        const text = texts[item.source]
        return text === undefined
          ? { documents: [], failures: [{ path: item.source, reason: 'too short' }], unchanged: 0 }
          : { documents: [doc(text, { path: item.source })], failures: [], unchanged: 0 }
      })
      expect(done.map((d) => [d.item.source, new TextDecoder().decode(d.item.payload)])).toEqual([
        ['a.txt', 'a'],
        ['b.txt', 'b'],
        ['c.txt', 'c'],
      ])
      expect(await store.queueCounts()).toEqual({ pending: 0, done: 2, failed: 1 })
      expect((await store.counts()).documents).toBe(2)
      expect(await store.listFailures()).toEqual([{ path: 'c.txt', reason: 'too short' }])
      // Maintenance (vacuum and statistics) changes nothing a reader sees.
      await store.maintain()
      await store.maintain(true)
      expect(await store.queueCounts()).toEqual({ pending: 0, done: 2, failed: 1 })
      expect((await store.counts()).documents).toBe(2)
      expect(await store.work('w1', 8, async () => ({ documents: [], failures: [], unchanged: 0 }))).toEqual(
        [],
      )
      // A failed input queued again is pending again; a done one is not.
      expect(await store.enqueue(inputs)).toBe(1)
    })

    it('rolls a failing batch back, retries its inputs alone, and marks the poisonous one failed', async () => {
      const inputs = ['good-1', 'poison', 'good-2'].map((k) => ({
        source: k,
        payload: new TextEncoder().encode(k),
      }))
      await store.enqueue(inputs)
      const texts: Record<string, string> = { 'good-1': TEXT_A, 'good-2': TEXT_B }
      const handle = async (item: { source: string }) => {
        const text = texts[item.source]
        if (text === undefined) throw new Error('extractor crashed')
        return { documents: [doc(text, { path: item.source })], failures: [], unchanged: 0 }
      }
      let errors = 0
      for (let round = 0; round < 10; round++) {
        try {
          if ((await store.work('w', 8, handle)).length === 0) break
        } catch {
          errors++
        }
      }
      expect(errors).toBe(MAX_ATTEMPTS)
      expect(await store.queueCounts()).toEqual({ pending: 0, done: 2, failed: 1 })
      expect((await store.counts()).documents).toBe(2)
    })

    it('gives two concurrent workers disjoint inputs', async () => {
      const n = 12
      await store.enqueue(
        Array.from({ length: n }, (_, i) => ({
          source: `s${i}`,
          payload: new TextEncoder().encode(`p${i}`),
        })),
      )
      const seen: string[][] = [[], []]
      const drain = async (w: 0 | 1) => {
        for (;;) {
          const batch = await store.work(`w${w}`, 2, async (item) => {
            seen[w]?.push(item.source)
            await new Promise((r) => setTimeout(r, 20))
            return { documents: [], failures: [], unchanged: 1 }
          })
          if (batch.length === 0) return
        }
      }
      await Promise.all([drain(0), drain(1)])
      const all = [...(seen[0] ?? []), ...(seen[1] ?? [])]
      expect(all).toHaveLength(n)
      expect(new Set(all).size).toBe(n)
      expect(await store.queueCounts()).toEqual({ pending: 0, done: n, failed: 0 })
    })

    it('searches article texts and titles and claim quotes with PostgreSQL text search', async () => {
      await store.addDocument(doc(TEXT_A))
      await store.addDocument(doc(TEXT_B, { title: 'Energy truce', claims: [], events: [] }))
      const r = await store.search('withdrawal of forces')
      expect(r.documents.total).toBe(1)
      expect(r.documents.hits[0]?.snippet).toContain(`${MATCH_START}withdraw${MATCH_END}`)
      // Stemming: "insist" finds "insisted"; claims are searched by their quotes.
      const claims = await store.search('insist')
      expect(claims.claims.total).toBe(1)
      expect(claims.claims.hits[0]).toMatchObject({
        actor: 'RU',
        act: 'demand',
        quote: 'Russian officials have insisted',
      })
      expect((await store.search('"energy infrastructure"')).documents.hits.map((h) => h.title)).toEqual([
        'Energy truce',
      ])
      expect((await store.search('energy -truce')).documents.total).toBe(0)
      // Web-search syntax never fails to parse: stray operators are words or nothing.
      expect((await store.search('(( " & ! :*')).documents.total).toBe(0)
    })

    it('returns claims since a date with the latest earlier claims of the same party, issue and act', async () => {
      const at = (date: string) => ({
        date,
        source: 'manifest' as const,
        estimated: false,
        basis: 'manifest',
      })
      await store.addDocument(doc(TEXT_A, { date: at('2025-03-01') }))
      await store.addDocument(doc(`${TEXT_A} Later.`, { path: 'later.txt', date: at('2025-03-20') }))
      await store.addDocument(doc(TEXT_B, { path: 'b.txt', date: undefined }))
      const h = await store.claimHistory({ since: '2025-03-10' })
      expect(h.recent.map((c) => [c.actor, c.date])).toEqual([
        ['RU', '2025-03-20'],
        ['UA', '2025-03-20'],
      ])
      expect(h.earlier.map((c) => [c.actor, c.date])).toEqual([
        ['RU', '2025-03-01'],
        ['UA', '2025-03-01'],
      ])
      expect(h.undated).toBe(2)
      expect((await store.claimHistory({ since: '2025-03-01', until: '2025-03-05' })).recent).toHaveLength(2)
    })

    it('reads the newest documents with their texts and claims', async () => {
      const at = (date: string) => ({
        date,
        source: 'manifest' as const,
        estimated: false,
        basis: 'manifest',
      })
      const old = await store.addDocument(doc(TEXT_A, { date: at('2025-01-01') }))
      const recent = await store.addDocument(doc(TEXT_B, { path: 'b.txt', date: at('2025-06-01') }))
      const [newest, ...rest] = await store.recentDocuments(1)
      expect(rest).toEqual([])
      expect(newest).toMatchObject({ id: recent.id, text: TEXT_B, title: 'A title' })
      expect(newest?.claims.map((c) => c.actor)).toEqual(['RU', 'UA'])
      expect((await store.recentDocuments(10)).map((d) => d.id)).toEqual([old.id, recent.id])
    })

    it('records failures once per path and reason', async () => {
      await store.recordFailure('x.bin', 'binary data, not text')
      await store.recordFailure('x.bin', 'binary data, not text')
      expect(await store.listFailures()).toEqual([{ path: 'x.bin', reason: 'binary data, not text' }])
    })
  })
}
