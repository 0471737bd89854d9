// The store's resources: its health and counts, the articles (sources), claims, events, search, what
// moved, and contradictions. Read-only; each answer comes from the store or a library function over it.
import { Hono } from 'hono'
import { z } from 'zod'
import { InputError, wholeNumber } from '../core/index.ts'
import { findContradictions } from '../extract/index.ts'
import { storedDocuments } from '../pipeline/index.ts'
import { count, day, flag, id, NotFound, query, text, words } from './_validate.ts'
import type { CaseEnv } from './workspace.ts'

const ClaimsQuery = z.object({
  party: text(),
  issue: text(),
  act: text(),
  source: id('source'),
  limit: count('limit', 100, 1000),
  offset: count('offset', 0, 10_000_000),
})
const SearchQuery = z.object({
  q: words('q'),
  limit: count('limit', 20, 200),
  offset: count('offset', 0, 100_000),
})
const ChangesQuery = z.object({
  since: day('since'),
  until: day('until'),
  trajectories: flag('trajectories'),
})

export function storeRoutes() {
  return new Hono<CaseEnv>()
    .get('/api/health', async (c) =>
      c.json({
        status: 'ok',
        case: c.var.ws.case,
        store: c.var.ws.store.location,
        scenario: c.var.ws.scenario().meta.id,
        counts: await c.var.ws.store.counts(),
      }),
    )
    .get('/api/sources', async (c) =>
      c.json({
        sources: await c.var.ws.store.listDocuments(),
        links: await c.var.ws.store.listLinks(),
        failures: await c.var.ws.store.listFailures(),
      }),
    )
    .get('/api/sources/:id', async (c) => {
      const raw = c.req.param('id')
      const id = wholeNumber(raw, 0, Number.MAX_SAFE_INTEGER)
      if (id === undefined) throw new InputError(`source id: expected a number, got "${raw}"`)
      const doc = await c.var.ws.store.getDocument(id)
      if (doc === undefined) throw new NotFound(`no source ${id}`)
      return c.json(doc)
    })
    .get('/api/claims', query(ClaimsQuery), async (c) => {
      const q = c.req.valid('query')
      return c.json(
        await c.var.ws.store.listClaims({
          party: q.party,
          issue: q.issue,
          act: q.act,
          documentId: q.source,
          limit: q.limit,
          offset: q.offset,
        }),
      )
    })
    .get('/api/search', query(SearchQuery), async (c) => {
      const q = c.req.valid('query')
      return c.json(await c.var.ws.store.search(q.q, { limit: q.limit, offset: q.offset }))
    })
    .get('/api/changes', query(ChangesQuery), async (c) => {
      const q = c.req.valid('query')
      // Trajectories hold every claim of the window: made and sent only when asked.
      const answer = await c.var.ws.moves(q.since, q.until, q.trajectories)
      return c.json(q.trajectories ? answer : { ...answer, trajectories: undefined })
    })
    .get('/api/events', async (c) => c.json({ events: await c.var.ws.store.listEvents() }))
    .get('/api/contradictions', async (c) => {
      const documents = await storedDocuments(c.var.ws.store)
      return c.json({
        contradictions: findContradictions(documents),
        // The articles compared: the newest CONTRADICTION_WINDOW, with their ids for the views' links.
        documents: documents.map((d) => ({ id: d.id, name: d.document })),
        total: (await c.var.ws.store.counts()).documents,
      })
    })
}
