// The store's resources: its health and counts, the articles (sources), claims, events, search, what
// moved, and contradictions. Read-only; each answer comes from the store or a library function over it.
import { Hono } from 'hono'
import { z } from 'zod'
import { InputError } from '../core/index.ts'
import { findContradictions } from '../extract/index.ts'
import { storedDocuments } from '../pipeline/index.ts'
import { count, day, flag, NotFound, query, text } from './_validate.ts'
import type { Workspace } from './workspace.ts'

const ClaimsQuery = z.object({
  party: text(),
  issue: text(),
  act: text(),
  source: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^\d+$/.test(v), {
      error: (issue) => ({ message: `?source: expected a number, got "${issue.input}"` }),
      abort: true,
    }),
  limit: count('limit', 100, 1000),
  offset: count('offset', 0, 10_000_000),
})
const SearchQuery = z.object({
  q: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const q = (raw ?? '').trim()
      if (q !== '' && q.length <= 500) return q
      ctx.addIssue({ code: 'custom', message: '?q: expected 1–500 characters of search words' })
      return z.NEVER
    }),
  limit: count('limit', 20, 200),
  offset: count('offset', 0, 100_000),
})
const ChangesQuery = z.object({
  since: day('since'),
  until: day('until'),
  trajectories: flag('trajectories'),
})

export function storeRoutes(ws: Workspace) {
  return new Hono()
    .get('/api/health', async (c) =>
      c.json({
        status: 'ok',
        store: ws.store.location,
        scenario: ws.scenario().meta.id,
        counts: await ws.store.counts(),
      }),
    )
    .get('/api/sources', async (c) =>
      c.json({
        sources: await ws.store.listDocuments(),
        links: await ws.store.listLinks(),
        failures: await ws.store.listFailures(),
      }),
    )
    .get('/api/sources/:id', async (c) => {
      const id = c.req.param('id')
      if (!/^\d+$/.test(id)) throw new InputError(`source id: expected a number, got "${id}"`)
      const doc = await ws.store.getDocument(Number(id))
      if (doc === undefined) throw new NotFound(`no source ${id}`)
      return c.json(doc)
    })
    .get('/api/claims', query(ClaimsQuery), async (c) => {
      const q = c.req.valid('query')
      const source = q.source === undefined || q.source === '' ? undefined : Number(q.source)
      return c.json(
        await ws.store.listClaims({
          party: q.party,
          issue: q.issue,
          act: q.act,
          documentId: source,
          limit: q.limit,
          offset: q.offset,
        }),
      )
    })
    .get('/api/search', query(SearchQuery), async (c) => {
      const q = c.req.valid('query')
      return c.json(await ws.store.search(q.q, { limit: q.limit, offset: q.offset }))
    })
    .get('/api/changes', query(ChangesQuery), async (c) => {
      const q = c.req.valid('query')
      // Trajectories hold every claim of the window: made and sent only when asked.
      const answer = await ws.moves(q.since, q.until, q.trajectories)
      return c.json(q.trajectories ? answer : { ...answer, trajectories: undefined })
    })
    .get('/api/events', async (c) => c.json({ events: await ws.store.listEvents() }))
    .get('/api/contradictions', async (c) => {
      const documents = await storedDocuments(ws.store)
      return c.json({
        contradictions: findContradictions(documents),
        // The articles compared: the newest CONTRADICTION_WINDOW, with their ids for the views' links.
        documents: documents.map((d) => ({ id: d.id, name: d.document })),
        total: (await ws.store.counts()).documents,
      })
    })
}
