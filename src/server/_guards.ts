// What every request passes before a route: security headers, the Host check (without a token), the
// token (with one), and the body size cap.
import { timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
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

/** Every request needs the token: `Authorization: Bearer …`, or the cookie that `/?token=…` sets. */
export const tokenRequired = (token: string): MiddlewareHandler => {
  const expected = Buffer.from(token)
  const matches = (given: string | undefined) => {
    if (given === undefined) return false
    const b = Buffer.from(given)
    return b.length === expected.length && timingSafeEqual(b, expected)
  }
  return async (c, next) => {
    if (c.req.method === 'GET' && c.req.path === '/' && matches(c.req.query('token'))) {
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' })
      return c.redirect('/', 303)
    }
    const header = c.req.header('authorization')?.replace(/^Bearer\s+/i, '')
    if (matches(header) || matches(getCookie(c, TOKEN_COOKIE))) return next()
    return c.json({ error: 'unauthorised: send the token (PARLEY_TOKEN) as Authorization: Bearer …' }, 401)
  }
}

export const bodyCap = (): MiddlewareHandler =>
  bodyLimit({
    maxSize: BODY_LIMIT,
    onError: (c) => c.json({ error: `request body over ${BODY_LIMIT} bytes` }, 413),
  })
