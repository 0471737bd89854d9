// The JSON API over the store and the analyses, and the dashboard's files. It computes nothing itself:
// every answer comes from the store or from the analyses of the workspace's scenario (src/analyze).
// Errors are JSON: {error, problems?}. The routes are chained, so that `AppType` describes every path,
// its validated input and its answer, and the dashboard's client (web/src/api.ts) is typed from it.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { type Context, Hono } from 'hono'
import { CASE_HEADER, InputError, LocatedInputError } from '../core/index.ts'
import { isStoreUnavailable } from '../store/index.ts'
import { bodyCap, loopbackHostOnly, sameOriginOnly, securityHeaders, tokenRequired } from './_guards.ts'
import { analysisRoutes, scenarioRoutes } from './_scenario-routes.ts'
import { storeRoutes } from './_store-routes.ts'
import { NotFound } from './_validate.ts'
import { type CaseEnv, type CaseSet, singleCase, type Workspace } from './workspace.ts'

export { BODY_LIMIT } from './_guards.ts'

export interface AppOptions {
  /** The built dashboard (dist/web); without it only the API is served. */
  webRoot?: string | undefined
  /** When set, every request needs it: `Authorization: Bearer …`, or the cookie set by `/?token=…`. */
  token?: string | undefined
}

/** The API's routes, grouped by resource; each reads the workspace of the case the request names. */
export function apiRoutes(set: CaseSet) {
  return new Hono<CaseEnv>()
    .use('/api/*', async (c, next) => {
      if (c.req.path === '/api/cases') return next()
      // The dashboard names its case in a header (web/src/api.ts); without one, the default case.
      c.set('ws', await set.open(c.req.header(CASE_HEADER) || undefined))
      return next()
    })
    .get('/api/cases', (c) => c.json({ cases: [...set.cases] }))
    .route('/', storeRoutes())
    .route('/', scenarioRoutes())
    .route('/', analysisRoutes())
}

/** Every API path with its input and answer types, for `hc<AppType>`. */
export type AppType = ReturnType<typeof apiRoutes>

export function createApp(served: Workspace | CaseSet, options: AppOptions = {}): Hono {
  const set = 'open' in served ? served : singleCase(served)
  const app = new Hono()
  app.use('*', securityHeaders())
  app.use('*', options.token === undefined ? loopbackHostOnly() : tokenRequired(options.token))
  // Before the body is read: a write from another origin, or not sent as JSON, is refused (403, 415).
  app.use('/api/*', sameOriginOnly(options.token))
  app.use('/api/*', bodyCap())
  app.route('/', apiRoutes(set))
  app.all('/api/*', (c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404))
  serveDashboard(app, options.webRoot)
  app.notFound((c) => c.json({ error: `not found: ${c.req.path}` }, 404))
  app.onError(errorAnswer)
  return app
}

/** The built dashboard's files; it routes with the URL's hash, so every other path is the page itself. */
function serveDashboard(app: Hono, webRoot: string | undefined): void {
  if (webRoot !== undefined && existsSync(join(webRoot, 'index.html'))) {
    app.use('/*', serveStatic({ root: webRoot }))
    app.get('*', serveStatic({ root: webRoot, path: 'index.html' }))
  } else {
    app.get('/', (c) =>
      c.text('The dashboard is not built: run `npm run build` (npm ci does it). The API is at /api/health.'),
    )
  }
}

/**
 * An error as JSON: bad input 400 with the user-error code the CLI uses too (and the scenario's problems),
 * 404, an unreachable store 503, else 500.
 */
function errorAnswer(error: Error, c: Context): Response {
  if (error instanceof LocatedInputError)
    return c.json(
      { error: 'invalid scenario after the changes', code: error.code, problems: error.problems },
      400,
    )
  if (error instanceof InputError) return c.json({ error: error.message, code: error.code }, 400)
  if (error instanceof NotFound) return c.json({ error: error.message }, 404)
  if (isStoreUnavailable(error))
    return c.json({ error: `the store is unavailable (${error.message}); try again shortly` }, 503)
  console.error(error)
  return c.json({ error: 'internal error (see the server log)' }, 500)
}
