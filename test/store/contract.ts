// The Store contract: every implementation passes the same cases (Hono's shared router suite is
// the model). store.pglite.test.ts and store.pg.test.ts are a few lines each.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bands, contentHash, signature } from '../../src/ingest/index.ts'
import type { NewDocument, Store } from '../../src/store/index.ts'

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

    it('records failures once per path and reason', async () => {
      await store.recordFailure('x.bin', 'binary data, not text')
      await store.recordFailure('x.bin', 'binary data, not text')
      expect(await store.listFailures()).toEqual([{ path: 'x.bin', reason: 'binary data, not text' }])
    })
  })
}
