// The JSON API over the store and the analyses, and the dashboard's files. It computes nothing itself:
// every answer comes from the store or from a library analysis of the workspace's scenario.
//
// GET an analysis for the scenario as its file says; POST {changes: [...]} to the same path for the
// scenario with what-if changes (src/scenario/whatif.ts). Errors are JSON: {error, problems?}.
import { timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { getCookie, setCookie } from 'hono/cookie'
import { secureHeaders } from 'hono/secure-headers'
import { z } from 'zod'
import { InputError, LocatedInputError } from '../core/index.ts'
import { findContradictions } from '../extract/index.ts'
import { storedDocuments } from '../pipeline/index.ts'
import { IsoDate, WhatIfChanges } from '../scenario/index.ts'
import { isStoreUnavailable } from '../store/index.ts'
import { isLoopbackHost } from './serve.ts'
import type { Workspace } from './workspace.ts'

export interface AppOptions {
  /** The built dashboard (dist/web); without it only the API is served. */
  webRoot?: string | undefined
  /** When set, every request needs it: `Authorization: Bearer …`, or the cookie set by `/?token=…`. */
  token?: string | undefined
}

/** The largest request body accepted (a what-if with hundreds of changes fits easily). */
export const BODY_LIMIT = 64 * 1024

const Body = z.strictObject({ changes: WhatIfChanges })
const AcceptBody = z.strictObject({ accept: z.array(z.string().regex(/^c\d{1,6}$/)).max(10_000) })
const TOKEN_COOKIE = 'parley_token'

export function createApp(ws: Workspace, options: AppOptions = {}): Hono {
  const app = new Hono()

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        // Observable Plot scopes each chart's styles in a <style> element of its own SVG.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
      xContentTypeOptions: 'nosniff',
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
    }),
  )

  if (options.token === undefined) {
    // Without a token the server answers loopback only (serve.ts). A page elsewhere could still point its
    // own domain's DNS at 127.0.0.1 (DNS rebinding) and read the API as same-origin: its requests carry
    // that domain in Host, so only loopback names are answered.
    app.use('*', async (c, next) => {
      const host = c.req.header('host')
      if (host === undefined || isLoopbackHost(host)) return next()
      return c.json(
        {
          error: `refused: the Host header "${host}" does not name this machine; open the dashboard at 127.0.0.1`,
        },
        403,
      )
    })
  }

  if (options.token !== undefined) {
    const expected = Buffer.from(options.token)
    const matches = (given: string | undefined) => {
      if (given === undefined) return false
      const b = Buffer.from(given)
      return b.length === expected.length && timingSafeEqual(b, expected)
    }
    app.use('*', async (c, next) => {
      const query = c.req.query('token')
      if (c.req.method === 'GET' && c.req.path === '/' && matches(query)) {
        setCookie(c, TOKEN_COOKIE, options.token as string, {
          httpOnly: true,
          sameSite: 'Strict',
          path: '/',
        })
        return c.redirect('/', 303)
      }
      const header = c.req.header('authorization')?.replace(/^Bearer\s+/i, '')
      if (matches(header) || matches(getCookie(c, TOKEN_COOKIE))) return next()
      return c.json({ error: 'unauthorised: send the token (PARLEY_TOKEN) as Authorization: Bearer …' }, 401)
    })
  }

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: BODY_LIMIT,
      onError: (c) => c.json({ error: `request body over ${BODY_LIMIT} bytes` }, 413),
    }),
  )

  /** The what-if changes of a POST, validated; none for a GET. */
  const changesOf = async (c: Context) => {
    if (c.req.method !== 'POST') return []
    let body: unknown
    try {
      body = await c.req.json()
    } catch {
      throw new InputError('the request body is not JSON; expected {"changes": [...]}')
    }
    const parsed = Body.safeParse(body)
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      throw new InputError(`invalid body at ${first?.path.join('.') || '(root)'}: ${first?.message}`)
    }
    return parsed.data.changes
  }
  const count = (c: Context, name: string, fallback: number, max: number) => {
    const raw = c.req.query(name)
    if (raw === undefined || raw === '') return fallback
    if (!/^\d+$/.test(raw) || Number(raw) > max)
      throw new InputError(`?${name}: expected a whole number 0–${max}, got "${raw}"`)
    return Number(raw)
  }
  /** GET and POST (what-if) of one analysis. */
  const analysis = (
    path: string,
    run: (c: Context, changes: ReturnType<typeof Body.parse>['changes']) => unknown,
  ) => {
    const handler = async (c: Context) => c.json(run(c, await changesOf(c)) as object)
    app.get(path, handler)
    app.post(path, handler)
  }

  app.get('/api/health', async (c) =>
    c.json({
      status: 'ok',
      store: ws.store.location,
      scenario: ws.scenario().meta.id,
      counts: await ws.store.counts(),
    }),
  )
  app.get('/api/sources', async (c) =>
    c.json({
      sources: await ws.store.listDocuments(),
      links: await ws.store.listLinks(),
      failures: await ws.store.listFailures(),
    }),
  )
  app.get('/api/sources/:id', async (c) => {
    const id = c.req.param('id')
    if (!/^\d+$/.test(id)) throw new InputError(`source id: expected a number, got "${id}"`)
    const doc = await ws.store.getDocument(Number(id))
    return doc === undefined ? c.json({ error: `no source ${id}` }, 404) : c.json(doc)
  })
  app.get('/api/claims', async (c) => {
    const text = (name: string) => {
      const v = c.req.query(name)
      return v === undefined || v === '' ? undefined : v
    }
    const source = text('source')
    if (source !== undefined && !/^\d+$/.test(source))
      throw new InputError(`?source: expected a number, got "${source}"`)
    return c.json(
      await ws.store.listClaims({
        party: text('party'),
        issue: text('issue'),
        act: text('act'),
        documentId: source === undefined ? undefined : Number(source),
        limit: count(c, 'limit', 100, 1000),
        offset: count(c, 'offset', 0, 10_000_000),
      }),
    )
  })
  app.get('/api/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim()
    if (q === '' || q.length > 500) throw new InputError('?q: expected 1–500 characters of search words')
    return c.json(
      await ws.store.search(q, { limit: count(c, 'limit', 20, 200), offset: count(c, 'offset', 0, 100_000) }),
    )
  })
  app.get('/api/changes', async (c) => {
    const day = (name: string) => {
      const v = c.req.query(name)
      if (v === undefined || v === '') return undefined
      const r = IsoDate.safeParse(v)
      if (!r.success) throw new InputError(`?${name}: expected a date YYYY-MM-DD, got "${v}"`)
      return r.data
    }
    const trajectories = c.req.query('trajectories')
    if (trajectories !== undefined && !['0', '1', 'true', 'false'].includes(trajectories))
      throw new InputError(`?trajectories: expected 1 or 0, got "${trajectories}"`)
    // Trajectories hold every claim of the window: made and sent only when asked.
    const withTrajectories = trajectories === '1' || trajectories === 'true'
    const answer = await ws.changes(day('since'), day('until'), withTrajectories)
    return c.json(withTrajectories ? answer : { ...answer, trajectories: undefined })
  })
  app.get('/api/events', async (c) => c.json({ events: await ws.store.listEvents() }))
  app.get('/api/contradictions', async (c) => {
    const documents = await storedDocuments(ws.store)
    return c.json({
      contradictions: findContradictions(documents),
      // The articles compared: the newest CONTRADICTION_WINDOW, with their ids for the views' links.
      documents: documents.map((d) => ({ id: d.id, name: d.document })),
      total: (await ws.store.counts()).documents,
    })
  })

  analysis('/api/scenario', (_c, changes) => ({
    file: ws.file,
    changes,
    scenario: ws.scenario(changes),
    evidence: ws.evidence(changes),
  }))
  app.post('/api/scenario/export', async (c) => {
    const changes = await changesOf(c)
    const s = ws.scenario(changes) // validates the changed scenario first
    c.header('Content-Type', 'application/yaml; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="${s.meta.id}-what-if.yaml"`)
    return c.body(ws.text(changes))
  })
  // Scenario updates from the store's new articles: the change set, and the file with some accepted.
  app.get('/api/updates', async (c) => c.json(await ws.updates()))
  app.post('/api/updates/apply', async (c) => {
    let body: unknown
    try {
      body = await c.req.json()
    } catch {
      throw new InputError('the request body is not JSON; expected {"accept": ["c1", …]}')
    }
    const parsed = AcceptBody.safeParse(body)
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      throw new InputError(`invalid body at ${first?.path.join('.') || '(root)'}: ${first?.message}`)
    }
    const text = await ws.applyUpdates(parsed.data.accept, new Date().toISOString().slice(0, 10))
    c.header('Content-Type', 'application/yaml; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="${ws.scenario().meta.id}-updated.yaml"`)
    return c.body(text)
  })
  analysis('/api/forecasts', (c, changes) => ws.forecasts(changes, count(c, 'rounds', 10, 100)))
  analysis('/api/sensitivity', (c, changes) =>
    ws.sensitivity(changes, count(c, 'draws', 500, 20_000), count(c, 'seed', 1, 2 ** 32 - 1)),
  )
  analysis('/api/zopa', (_c, changes) => ws.zopa(changes))
  analysis('/api/frontier', (c, changes) => {
    const parties = c.req
      .query('parties')
      ?.split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '')
    return ws.frontier(changes, parties && parties.length > 0 ? parties : undefined)
  })
  analysis('/api/conditions', (_c, changes) => ws.conditions(changes))

  app.all('/api/*', (c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404))

  const webRoot = options.webRoot
  if (webRoot !== undefined && existsSync(join(webRoot, 'index.html'))) {
    app.use('/*', serveStatic({ root: webRoot }))
    // The dashboard routes with the URL's hash, so every other path is the page itself.
    app.get('*', serveStatic({ root: webRoot, path: 'index.html' }))
  } else {
    app.get('/', (c) =>
      c.text('The dashboard is not built: run `npm run build` (npm ci does it). The API is at /api/health.'),
    )
  }

  app.notFound((c) => c.json({ error: `not found: ${c.req.path}` }, 404))
  app.onError((error, c) => {
    if (error instanceof LocatedInputError)
      return c.json({ error: 'invalid scenario after the changes', problems: error.problems }, 400)
    if (error instanceof InputError) return c.json({ error: error.message }, 400)
    if (isStoreUnavailable(error))
      return c.json(
        { error: `the store is unavailable (${(error as Error).message}); try again shortly` },
        503,
      )
    console.error(error)
    return c.json({ error: 'internal error (see the server log)' }, 500)
  })
  return app
}
