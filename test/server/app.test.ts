import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { forecast, forecastModels } from '../../src/analysis/forecast/index.ts'
import { defaultCorpus, defaultScenario, packageRoot } from '../../src/paths.ts'
import { applyWhatIf, loadScenario, parseScenario, resolveSource } from '../../src/scenario/index.ts'
import { BODY_LIMIT, checkHost } from '../../src/server/index.ts'
import { isStoreUnavailable } from '../../src/store/index.ts'
import { type Served, serveFixture } from '../helpers/dashboard.ts'
import { fuzzApi } from '../helpers/fuzz.ts'

let served: Served
beforeAll(async () => {
  served = await serveFixture(defaultScenario, [defaultCorpus])
}, 120_000)
afterAll(async () => {
  await served?.close()
})

const request = (path: string, init?: RequestInit) => served.app.request(path, init)
const post = (path: string, body: unknown) =>
  request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('the JSON API over the bundled corpus and scenario', () => {
  it('health: the store and the scenario, with the counts of the bundled corpus', async () => {
    const r = await request('/api/health')
    expect(r.status).toBe(200)
    expect(await r.json()).toMatchObject({ status: 'ok', scenario: 'ukraine-2025', counts: { documents: 5 } })
  })

  it('security headers: a CSP without inline script, nosniff, no CORS', async () => {
    const r = await request('/api/health', { headers: { origin: 'https://evil.example' } })
    const csp = r.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toMatch(/default-src 'none'/)
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
    expect(r.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('a store the server cannot reach is told apart from a bad request (503, not 500)', () => {
    expect(
      isStoreUnavailable({ code: '57P01', message: 'terminating connection due to administrator command' }),
    ).toBe(true)
    expect(isStoreUnavailable({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' })).toBe(
      true,
    )
    expect(isStoreUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isStoreUnavailable({ code: '23505', message: 'duplicate key value' })).toBe(false)
    expect(isStoreUnavailable(new Error('syntax error at or near "x"'))).toBe(false)
  })

  it('DNS rebinding: without a token, a Host header that names another machine gets 403', async () => {
    const as = async (host: string) => (await request('/api/health', { headers: { host } })).status
    expect(await as('evil.example')).toBe(403)
    expect(await as('evil.example:4173')).toBe(403)
    expect(await as('127.0.0.1.evil.example')).toBe(403)
    expect(await as('127.0.0.1:4173')).toBe(200)
    expect(await as('localhost:4173')).toBe(200)
    expect(await as('[::1]:4173')).toBe(200)
    const r = await request('/api/health', { headers: { host: 'evil.example' } })
    expect((await r.json()).error).toContain('does not name this machine')
  })

  it('search: full-text over articles and quotes, and a clear 400 without words', async () => {
    const r = await (await request('/api/search?q=energy%20infrastructure&limit=5')).json()
    expect(r.documents.total).toBe(1)
    expect(r.documents.hits[0].title).toBe('Trump and Putin Fail to Reach Agreement on Ukraine Ceasefire')
    expect(r.claims.hits.map((c: { actor: string; act: string }) => `${c.actor} ${c.act}`).sort()).toEqual([
      'RU accept',
      'US propose',
    ])
    const bad = await request('/api/search?q=%20')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error).toContain('?q')
    expect((await request('/api/search?q=x&limit=9999')).status).toBe(400)
  })

  it('changes: the month to the newest article by default, a window on request, 400 on a bad date', async () => {
    const latest = await (await request('/api/changes')).json()
    expect(latest.range).toEqual({ first: '2025-03-18', last: '2025-12-30' })
    expect(latest.since).toBe('2025-11-30')
    expect(latest.moves.every((m: { date: string }) => m.date >= '2025-11-30')).toBe(true)
    const march = await (await request('/api/changes?since=2025-03-01&until=2025-03-31')).json()
    const energy = march.moves.find(
      (m: { party: string; issue: string }) => m.party === 'RU' && m.issue === 'energy_strikes',
    )
    expect(energy).toMatchObject({ kind: 'concession', date: '2025-03-18', act: 'accept' })
    expect(energy.claim.quote).toContain('Putin had agreed to a U.S. proposal for a 30-day halt')
    expect(march.moves.every((m: { date: string }) => m.date <= '2025-03-31')).toBe(true)
    expect(march.trajectories).toBeUndefined()
    const withPaths = await (
      await request('/api/changes?since=2025-03-01&until=2025-03-31&trajectories=1')
    ).json()
    const ru = withPaths.trajectories.find(
      (t: { party: string; issue: string }) => t.party === 'RU' && t.issue === 'energy_strikes',
    )
    expect(ru.points.map((p: { claimId: number }) => p.claimId)).toContain(energy.claim.id)
    expect((await request('/api/changes?trajectories=yes')).status).toBe(400)
    const bad = await request('/api/changes?since=18-03-2025')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error).toContain('?since')
  })

  it('claims: filters and pagination, each claim with its quote', async () => {
    const all = await (await request('/api/claims?limit=1000')).json()
    const ua = await (await request('/api/claims?party=UA&limit=1000')).json()
    expect(ua.total).toBe(all.claims.filter((c: { actor: string }) => c.actor === 'UA').length)
    const page = await (await request('/api/claims?limit=5&offset=5')).json()
    expect(page.claims.map((c: { id: number }) => c.id)).toEqual(
      all.claims.slice(5, 10).map((c: { id: number }) => c.id),
    )
    const source = await (await request(`/api/sources/${all.claims[0].documentId}`)).json()
    expect(source.text.slice(all.claims[0].start, all.claims[0].end)).toBe(all.claims[0].quote)
  })

  it('forecasts: the library’s six models on the scenario, unchanged and with a what-if change', async () => {
    const s = await loadScenario(defaultScenario)
    const expected = forecast(s, forecastModels, { rounds: 10 })
    const got = await (await request('/api/forecasts')).json()
    expect(got.issues).toEqual(JSON.parse(JSON.stringify(expected.issues)))
    const change = { party: 'RU', issue: 'ceasefire', field: 'salience', value: 10 } as const
    const changed = await (await post('/api/forecasts', { changes: [change] })).json()
    const whatIf = parseScenario(applyWhatIf(readFileSync(defaultScenario, 'utf8'), [change]), {
      file: defaultScenario,
      readSource: (f) => readFileSync(resolveSource(defaultScenario, f), 'utf8'),
    })
    expect(changed.issues).toEqual(
      JSON.parse(JSON.stringify(forecast(whatIf, forecastModels, { rounds: 10 }).issues)),
    )
    const before = expected.issues.find((i) => i.id === 'ceasefire')?.models.compromise?.position
    const after = changed.issues.find((i: { id: string }) => i.id === 'ceasefire').models.compromise.position
    // RU (at 40) cares less, so the compromise moves away from it, towards the others at 100.
    expect(after).toBeGreaterThan(before ?? 100)
  })

  it('every analysis endpoint answers GET and POST', async () => {
    for (const path of ['scenario', 'forecasts', 'sensitivity?draws=50', 'zopa', 'frontier', 'conditions']) {
      expect((await request(`/api/${path}`)).status).toBe(200)
      expect((await post(`/api/${path}`, { changes: [] })).status).toBe(200)
    }
    for (const path of ['sources', 'events', 'contradictions'])
      expect((await request(`/api/${path}`)).status).toBe(200)
    // Contradictions name the articles compared, by id: all five of the bundled corpus.
    const x = await (await request('/api/contradictions')).json()
    expect(x.total).toBe(5)
    expect(x.documents.map((d: { id: number }) => d.id)).toEqual([1, 2, 3, 4, 5])
    // Their war lengths ("approaching its fourth year", "nearly three years") agree: nothing conflicts.
    expect(x.contradictions).toEqual([])
    const c = await (await request('/api/conditions')).json()
    expect(c.deadlocks.map((d: { conditions: string[] }) => d.conditions)).toEqual([
      ['ru-ceasefire-after-territory', 'ua-territory-after-ceasefire'],
    ])
    const f = await (await request('/api/frontier?parties=RU,UA')).json()
    expect(f.parties).toEqual(['RU', 'UA'])
  })

  it('the what-if export is the scenario file with the change made, and it validates', async () => {
    const r = await post('/api/scenario/export', {
      changes: [{ party: 'UA', issue: 'territory', field: 'acceptable_max', value: 80 }],
    })
    expect(r.status).toBe(200)
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="ukraine-2025-what-if\.yaml"/)
    const text = await r.text()
    expect(text).toMatch(/red line's upper end 80 instead of 30/)
    // The comments of the original file are kept.
    expect(text.split('\n')[0]).toBe(readFileSync(defaultScenario, 'utf8').split('\n')[0])
  })
})

describe('bad requests get a clear JSON error', () => {
  it.each([
    ['not JSON', '{', /not JSON/],
    ['an unknown field', JSON.stringify({ changes: [], extra: 1 }), /invalid body/],
    [
      'a value out of range',
      JSON.stringify({ changes: [{ party: 'RU', issue: 'ceasefire', field: 'salience', value: 140 }] }),
      /invalid body at changes\.0\.value/,
    ],
    [
      'an unknown stance',
      JSON.stringify({ changes: [{ party: 'EU', issue: 'kursk', field: 'salience', value: 40 }] }),
      /no stance of EU on kursk/,
    ],
  ])('%s → 400', async (_name, body, message) => {
    const r = await request('/api/forecasts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    expect(r.status).toBe(400)
    expect((await r.json()).error).toMatch(message)
  })

  it('updates: nothing new when the store holds only the scenario’s sources; bad bodies are 400', async () => {
    const r = await request('/api/updates')
    expect(r.status).toBe(200)
    expect(await r.json()).toMatchObject({ newArticles: [], known: 5, changes: [] })
    const unknown = await post('/api/updates/apply', { accept: ['c1'] })
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).error).toContain('no change c1 in this change set')
    for (const body of [{ accept: ['<script>'] }, { accept: 'all' }, { changes: [] }]) {
      const bad = await post('/api/updates/apply', body)
      expect(bad.status).toBe(400)
      expect((await bad.json()).error).toMatch(/^invalid body at /)
    }
  })

  it('a change that breaks the scenario names the field and the rule', async () => {
    const r = await post('/api/zopa', {
      changes: [{ party: 'RU', issue: 'ceasefire', field: 'acceptable_max', value: 10 }],
    })
    expect(r.status).toBe(400)
    const body = await r.json()
    expect(body.problems[0]).toMatchObject({ path: 'stances[1].position.value' })
    // The user-error code is the one the CLI's errors carry (src/core/errors.ts).
    expect(body.code).toBe('invalid')
    expect(body.problems[0].message).toMatch(/outside the party's own acceptable range 0–10/)
  })

  it(`a body over ${BODY_LIMIT} bytes → 413; an unknown endpoint → 404; a bad query → 400`, async () => {
    const big = JSON.stringify({ changes: [], pad: 'x'.repeat(BODY_LIMIT) })
    expect(
      (
        await request('/api/forecasts', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: big,
        })
      ).status,
    ).toBe(413)
    expect((await request('/api/nothing')).status).toBe(404)
    const bad = await request('/api/sensitivity?draws=lots')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error).toMatch(/\?draws: expected a whole number/)
    expect((await request('/api/sources/abc')).status).toBe(400)
    expect((await request('/api/sources/99999')).status).toBe(404)
  })

  it('a repeated query parameter reads its first value; a body not sent as JSON is refused', async () => {
    const twice = await request('/api/claims?limit=2&limit=7')
    expect(twice.status).toBe(200)
    expect((await twice.json()).claims).toHaveLength(2)
    expect((await request('/api/claims?limit=lots&limit=2')).status).toBe(400)
    // A text/plain POST is a "simple" request another site's page can send without asking.
    const plain = await request('/api/forecasts', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ changes: [] }),
    })
    expect(plain.status).toBe(415) // issue 21: 415 Unsupported Media Type, was 400
    expect((await plain.json()).error).toContain('Content-Type: application/json')
  })
})

describe('binding and the token', () => {
  it('loopback needs no token; any other host refuses to start without one', () => {
    expect(() => checkHost('127.0.0.1', undefined)).not.toThrow()
    expect(() => checkHost('0.0.0.0', undefined)).toThrow(
      /refusing to listen on 0\.0\.0\.0 without a token.*PARLEY_TOKEN/,
    )
    expect(() => checkHost('0.0.0.0', 'short')).toThrow(/at least 16 characters/)
    expect(() => checkHost('0.0.0.0', 'a-long-enough-secret-token')).not.toThrow()
  })

  it('with a token, requests without it get 401; the header or the cookie from /?token= pass', async () => {
    const guarded = await serveFixture(defaultScenario, [], { token: 'a-long-enough-secret-token' })
    try {
      expect((await guarded.app.request('/api/health')).status).toBe(401)
      const ok = await guarded.app.request('/api/health', {
        headers: { authorization: 'Bearer a-long-enough-secret-token' },
      })
      expect(ok.status).toBe(200)
      const visit = await guarded.app.request('/?token=a-long-enough-secret-token')
      expect(visit.status).toBe(303)
      const cookie = (visit.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      expect(visit.headers.get('set-cookie')).toMatch(/HttpOnly/i)
      expect((await guarded.app.request('/api/health', { headers: { cookie } })).status).toBe(200)
      expect((await guarded.app.request('/?token=wrong-token-of-some-length')).status).toBe(401)
    } finally {
      await guarded.close()
    }
  }, 120_000)
})

// Issue 10: generated paths, query strings and bodies. Every answer is a JSON error with a 4xx status or a
// success; never a 5xx. `npm run bench -- fuzz` runs the same property longer.
describe('fuzzing the API (fast-check)', () => {
  it('query strings, path segments and bodies never give a 5xx', async () => {
    const cases = await fuzzApi((path, init) => request(path, init), { runs: 120, seed: 11 })
    expect(cases).toBe(120)
  }, 120_000)
})

describe('file serving: no path leaves the built dashboard', () => {
  it('dot-dot paths, encoded or not, never serve a file from outside dist/web', async () => {
    const secret = readFileSync(join(packageRoot, 'package.json'), 'utf8')
    const page = await request('/index.html')
    expect(page.status).toBe(200) // the static route is live
    expect(await page.text()).toMatch(/<!doctype html>/i)
    for (const path of [
      '/../package.json',
      '/../../package.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/assets/%2e%2e%5c%2e%2e%5cpackage.json',
      '/%2e%2e%2f%2e%2e%2fsrc%2fserver%2fapp.ts',
      '//etc/passwd',
      '/..%00/package.json',
    ]) {
      const r = await request(path)
      const body = await r.text()
      expect(r.status, path).toBeLessThan(500)
      expect(body, path).not.toContain('"name": "parley"')
      expect(body, path).not.toContain(secret.slice(0, 40))
      expect(body, path).not.toContain('root:x:0:0')
    }
  })
})
