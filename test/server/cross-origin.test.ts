// Issue 21: cross-origin "simple" requests. A page on another site can send a POST with a text/plain,
// form or multipart body, and any GET (an <img>), without asking first; the browser only hides the
// answer. The server now answers a write only when it is sent as JSON and comes from its own origin (or
// carries the token in Authorization), and refuses what a browser marks as sent from another site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultScenario } from '../../src/paths.ts'
import { type Served, serveFixture } from '../helpers/dashboard.ts'

const TOKEN = 'a-long-enough-secret-token'
const CHANGES = JSON.stringify({ changes: [] })

let served: Served
let base: string
beforeAll(async () => {
  served = await serveFixture(defaultScenario, [], { listen: true })
  base = (served.server?.url ?? '').replace(/\/$/, '')
}, 120_000)
afterAll(async () => {
  await served?.close()
})

/** A POST over the network, as a browser or another client sends it. */
const post = (path: string, headers: Record<string, string>, body = CHANGES) =>
  fetch(`${base}${path}`, { method: 'POST', headers, body })

describe('writes from another origin', () => {
  it('a text/plain POST (a simple request, sent without asking) → 415 with a JSON error', async () => {
    const r = await post('/api/forecasts', { 'content-type': 'text/plain' })
    expect(r.status).toBe(415)
    expect(r.headers.get('content-type')).toMatch(/^application\/json/)
    expect((await r.json()).error).toMatch(/Content-Type: application\/json/)
  })

  it.each([
    ['a form', 'application/x-www-form-urlencoded', 'changes=%5B%5D'],
    ['a multipart form', 'multipart/form-data; boundary=x', '--x--'],
    ['no type at all', '', CHANGES],
  ])('%s → 415', async (_name, type, body) => {
    const r = await post('/api/zopa', type === '' ? {} : { 'content-type': type }, body)
    expect(r.status).toBe(415)
    expect((await r.json()).error).toMatch(/Content-Type: application\/json/)
  })

  it('a JSON POST with Origin: http://evil.example → 403 with a JSON error naming the origin', async () => {
    for (const path of ['/api/forecasts', '/api/scenario', '/api/scenario/export', '/api/updates/apply']) {
      const r = await post(path, { 'content-type': 'application/json', origin: 'http://evil.example' })
      expect(r.status, path).toBe(403)
      expect((await r.json()).error).toContain('http://evil.example')
    }
  })

  it('another port of this machine is another origin too; so is Origin: null', async () => {
    for (const origin of ['http://127.0.0.1:4399', 'null', `${base}.evil.example`]) {
      const r = await post('/api/forecasts', { 'content-type': 'application/json', origin })
      expect(r.status, origin).toBe(403)
    }
  })

  it('a browser request marked as from another site (Sec-Fetch-Site) → 403, GETs (an <img>) included', async () => {
    const write = await post('/api/zopa', {
      'content-type': 'application/json',
      'sec-fetch-site': 'cross-site',
    })
    expect(write.status).toBe(403)
    for (const site of ['cross-site', 'same-site']) {
      const img = await fetch(`${base}/api/health`, {
        headers: { 'sec-fetch-site': site, 'sec-fetch-dest': 'image' },
      })
      expect(img.status, site).toBe(403)
      expect((await img.json()).error).toMatch(/another site/)
    }
  })

  it('the same JSON POST from the page’s own origin still works, as does one from a client without Origin', async () => {
    const own = await post('/api/forecasts', {
      'content-type': 'application/json; charset=utf-8',
      origin: base,
      'sec-fetch-site': 'same-origin',
    })
    expect(own.status).toBe(200)
    expect((await own.json()).issues.length).toBeGreaterThan(0)
    const curl = await post('/api/zopa', { 'content-type': 'application/json' })
    expect(curl.status).toBe(200)
    const typed = await fetch(`${base}/api/health`, { headers: { 'sec-fetch-site': 'none' } })
    expect(typed.status).toBe(200)
    const page = await fetch(`${base}/api/health`, { headers: { 'sec-fetch-site': 'same-origin' } })
    expect(page.status).toBe(200)
  })
})

describe('with a token', () => {
  it('the Authorization header stands in for the Origin; the cookie does not', async () => {
    const guarded = await serveFixture(defaultScenario, [], { token: TOKEN })
    try {
      const send = (headers: Record<string, string>) =>
        guarded.app.request('/api/zopa', { method: 'POST', headers, body: CHANGES })
      const json = { 'content-type': 'application/json' }
      const foreign = { ...json, origin: 'http://evil.example' }
      expect((await send({ ...foreign, authorization: `Bearer ${TOKEN}` })).status).toBe(200)
      const visit = await guarded.app.request(`/?token=${TOKEN}`)
      const cookie = (visit.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      expect((await send({ ...foreign, cookie })).status).toBe(403)
      expect((await send({ ...json, cookie, origin: 'http://localhost' })).status).toBe(200)
      // The token does not make a text/plain body JSON.
      expect((await send({ 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` })).status).toBe(
        415,
      )
    } finally {
      await guarded.close()
    }
  }, 120_000)
})
