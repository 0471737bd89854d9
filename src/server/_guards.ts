// What every request passes before a route: security headers, the Host check (without a token), the
// token (with one), the same-origin rule for writes, and the body size cap.
import { timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { getCookie, setCookie } from 'hono/cookie'
import { secureHeaders } from 'hono/secure-headers'
import { isLoopbackHost } from './serve.ts'

/** The largest request body accepted (a what-if with hundreds of changes fits easily). */
export const BODY_LIMIT = 64 * 1024

const TOKEN_COOKIE = 'parley_token'

export const securityHeaders = (): MiddlewareHandler =>
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
  })

/**
 * Without a token the server answers loopback only (serve.ts). A page elsewhere could still point its
 * own domain's DNS at 127.0.0.1 (DNS rebinding) and read the API as same-origin: its requests carry
 * that domain in Host, so only loopback names are answered.
 */
export const loopbackHostOnly = (): MiddlewareHandler => async (c, next) => {
  const host = c.req.header('host')
  if (host === undefined || isLoopbackHost(host)) return next()
  return c.json(
    {
      error: `refused: the Host header "${host}" does not name this machine; open the dashboard at 127.0.0.1`,
    },
    403,
  )
}

/** Whether a string is `token`, compared in constant time. */
const tokenMatcher = (token: string) => {
  const expected = Buffer.from(token)
  return (given: string | undefined) => {
    if (given === undefined) return false
    const b = Buffer.from(given)
    return b.length === expected.length && timingSafeEqual(b, expected)
  }
}

/** The token a request sends in `Authorization: Bearer …`, if any. */
const bearer = (c: Context) => c.req.header('authorization')?.replace(/^Bearer\s+/i, '')

/** Every request needs the token: `Authorization: Bearer …`, or the cookie that `/?token=…` sets. */
export const tokenRequired = (token: string): MiddlewareHandler => {
  const matches = tokenMatcher(token)
  return async (c, next) => {
    if (c.req.method === 'GET' && c.req.path === '/' && matches(c.req.query('token'))) {
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' })
      return c.redirect('/', 303)
    }
    if (matches(bearer(c)) || matches(getCookie(c, TOKEN_COOKIE))) return next()
    return c.json({ error: 'unauthorised: send the token (PARLEY_TOKEN) as Authorization: Bearer …' }, 401)
  }
}

/** Methods that change nothing: every other one is a write. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** What a browser's Sec-Fetch-Site says of a request the server's own page sent, or the user typed. */
const OWN_SITE = new Set(['same-origin', 'none'])

/** The host (name and port) the request was sent to, as its Origin would name it. */
const ownHost = (c: Context) => (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase()

/** Why a request is not from the server's own page, or undefined when it is (or no browser sent it). */
function foreignOrigin(c: Context): string | undefined {
  const origin = c.req.header('origin')
  if (origin !== undefined) {
    let host: string | undefined
    try {
      host = new URL(origin).host.toLowerCase()
    } catch {
      host = undefined // "null" (a sandboxed page, a file://, a redirect) or not a URL
    }
    if (host !== ownHost(c)) return `the request comes from ${origin}, not from this server's own page`
  }
  const site = c.req.header('sec-fetch-site')
  if (site !== undefined && !OWN_SITE.has(site))
    return `the browser marks the request as sent from another site (Sec-Fetch-Site: ${site})`
  return undefined
}

/**
 * A page on another site can make a browser send a "simple" request without asking: a GET (an <img>),
 * or a POST with a text/plain, form or multipart body. The browser hides the answer, but the server
 * would still do the work. So:
 * - a request whose Origin names another host, or that a browser marks as sent from another site
 *   (`Sec-Fetch-Site: cross-site` or `same-site`, which another port of 127.0.0.1 is), is refused with
 *   403, reads included, unless it carries the token in `Authorization` (the cookie does not count: a
 *   browser sends it whoever asks). Browsers send Origin with every POST; a client without Origin or
 *   Sec-Fetch-Site (curl, a script) is no browser, so no page can have sent it;
 * - and a write's body must be sent as `Content-Type: application/json`, which no page can send to
 *   another origin without a CORS preflight this server never grants, else 415.
 */
export const sameOriginOnly = (token?: string): MiddlewareHandler => {
  const matches = token === undefined ? () => false : tokenMatcher(token)
  return async (c, next) => {
    const foreign = matches(bearer(c)) ? undefined : foreignOrigin(c)
    if (foreign !== undefined) return c.json({ error: `refused: ${foreign}` }, 403)
    if (READS.has(c.req.method)) return next()
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json')
      return c.json(
        {
          error: `unsupported media type: a ${c.req.method} body must be sent as Content-Type: application/json (${type ? `got "${type}"` : 'it came without one'})`,
        },
        415,
      )
    return next()
  }
}

export const bodyCap = (): MiddlewareHandler =>
  bodyLimit({
    maxSize: BODY_LIMIT,
    onError: (c) => c.json({ error: `request body over ${BODY_LIMIT} bytes` }, 413),
  })
