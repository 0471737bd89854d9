// Validation of the API's query strings and bodies with zod, through @hono/zod-validator, so that each
// route's input type reaches the dashboard's client (hc<AppType>). A failure is an InputError whose
// message names the parameter or the body's field, the value received and what is allowed.
import { zValidator } from '@hono/zod-validator'
import type { MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { InputError, isCalendarDay, wholeNumber } from '../core/index.ts'

type Issue = z.core.$ZodIssue

/** A request for something that is not there: answered 404 with the message. */
export class NotFound extends Error {
  override name = 'NotFound'
}

/** What a failed parse of `target` says: the first issue, located. Custom issues carry their full message. */
function messageOf(target: 'query' | 'json', issue: Issue | undefined): string {
  if (issue === undefined) return target === 'json' ? 'invalid body' : 'invalid query string'
  if (issue.code === 'custom') return issue.message
  const path = issue.path.join('.')
  return target === 'json'
    ? `invalid body at ${path || '(root)'}: ${issue.message}`
    : `?${path}: ${issue.message}`
}

/** Validates the query string with `schema`; its output is `c.req.valid('query')`. */
export const query = <T extends z.ZodType>(schema: T) =>
  zValidator('query', schema, (result) => {
    if (!result.success) throw new InputError(messageOf('query', result.error.issues[0]))
  })

/**
 * Refuses a body that is not JSON, or is not sent as JSON, saying what was `expected`. A form or a
 * text/plain POST from another site (a "simple" cross-origin request, sent without asking) is not read.
 */
export const jsonOnly =
  (expected: string): MiddlewareHandler =>
  async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json')
      throw new InputError(
        `the request body must be sent as Content-Type: application/json; expected ${expected}`,
      )
    try {
      await c.req.json() // kept by Hono for the validator
    } catch {
      throw new InputError(`the request body is not JSON; expected ${expected}`)
    }
    await next()
  }

/** Validates a JSON body with `schema` (after `jsonOnly`); its output is `c.req.valid('json')`. */
export const jsonBody = <T extends z.ZodType>(schema: T) =>
  zValidator('json', schema, (result) => {
    if (!result.success) throw new InputError(messageOf('json', result.error.issues[0]))
  })

/**
 * One parameter of the query string, read by `read`: the first value when the parameter is repeated
 * (?limit=5&limit=6 reads 5), as Hono's `c.req.query(name)` reads it.
 */
const param = <T>(read: (raw: string | undefined, ctx: z.RefinementCtx) => T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((raw, ctx) => read(Array.isArray(raw) ? raw[0] : raw, ctx))

/** A whole number 0–`max` in the query string, `fallback` when absent or empty. */
export const count = (name: string, fallback: number, max: number) =>
  param((raw, ctx) => {
    if (raw === undefined || raw === '') return fallback
    const n = wholeNumber(raw, 0, max)
    if (n !== undefined) return n
    ctx.addIssue({ code: 'custom', message: `?${name}: expected a whole number 0–${max}, got "${raw}"` })
    return z.NEVER
  })

/** A record's id in the query string (a whole number); undefined when absent or empty. */
export const id = (name: string) =>
  param((raw, ctx) => {
    if (raw === undefined || raw === '') return undefined
    const n = wholeNumber(raw, 0, Number.MAX_SAFE_INTEGER)
    if (n !== undefined) return n
    ctx.addIssue({ code: 'custom', message: `?${name}: expected a number, got "${raw}"` })
    return z.NEVER
  })

/** A day, YYYY-MM-DD, in the query string; undefined when absent or empty. */
export const day = (name: string) =>
  param((raw, ctx) => {
    if (raw === undefined || raw === '') return undefined
    if (isCalendarDay(raw)) return raw
    ctx.addIssue({ code: 'custom', message: `?${name}: expected a date YYYY-MM-DD, got "${raw}"` })
    return z.NEVER
  })

/** A text in the query string; undefined when absent or empty. */
export const text = () => param((raw) => (raw === '' ? undefined : raw))

/** A yes/no flag in the query string: 1, true, 0 or false; false when absent. */
export const flag = (name: string) =>
  param((raw, ctx) => {
    if (raw === undefined) return false
    if (['1', 'true'].includes(raw)) return true
    if (['0', 'false'].includes(raw)) return false
    ctx.addIssue({ code: 'custom', message: `?${name}: expected 1 or 0, got "${raw}"` })
    return z.NEVER
  })

/** Search words in the query string: 1–500 characters once trimmed. */
export const words = (name: string) =>
  param((raw, ctx) => {
    const q = (raw ?? '').trim()
    if (q !== '' && q.length <= 500) return q
    ctx.addIssue({ code: 'custom', message: `?${name}: expected 1–500 characters of search words` })
    return z.NEVER
  })
