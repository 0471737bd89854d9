// Issue 21, fairness under load: an analysis runs on the server's one event loop, so while it runs no
// other request is answered. Every size a request can set is capped (src/server/_scenario-routes.ts):
// draws at 2,000, rounds at 100, a what-if at 500 changes, and the list endpoints' limits; above a cap
// the answer is 400 with a message that names it. Before, a request could ask for 20,000 draws, which
// held /api/health for about 5 s here, and for as long again with each new seed.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultScenario, packageRoot } from '../../src/paths.ts'
import { type Served, serveFixture } from '../helpers/dashboard.ts'

const MAX_DRAWS = 2_000
/**
 * How long /api/health may wait behind the largest sensitivity a request may ask for: it waited 0.9–1.5 s
 * here, idle, and 5.5 s at the old cap of 20,000.
 */
const HEALTH_BUDGET_MS = 4_000

describe('every size a request can set is capped, and the 400 names the cap', () => {
  let served: Served
  beforeAll(async () => {
    served = await serveFixture(defaultScenario, [])
  }, 120_000)
  afterAll(async () => {
    await served?.close()
  })
  const get = (path: string) => served.app.request(path)
  const post = (path: string, body: unknown) =>
    served.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  it(`sensitivity: draws above ${MAX_DRAWS} → 400 naming ${MAX_DRAWS}, by GET and by POST`, async () => {
    for (const draws of [MAX_DRAWS + 1, 20_000, 1_000_000]) {
      const r = await get(`/api/sensitivity?draws=${draws}`)
      expect(r.status, String(draws)).toBe(400)
      expect((await r.json()).error).toBe(`?draws: expected a whole number 0–${MAX_DRAWS}, got "${draws}"`)
    }
    const p = await post('/api/sensitivity?draws=20000', { changes: [] })
    expect(p.status).toBe(400)
    expect((await p.json()).error).toContain(`0–${MAX_DRAWS}`)
  })

  it('the other sizes: rounds 100, claims 1,000, search 200, a what-if 500 changes', async () => {
    const refused: [string, RegExp][] = [
      ['/api/forecasts?rounds=101', /0–100\b/],
      ['/api/claims?limit=1001', /0–1000\b/],
      ['/api/search?q=ceasefire&limit=201', /0–200\b/],
      ['/api/claims?offset=10000001', /0–10000000\b/],
      ['/api/search?q=ceasefire&offset=100001', /0–100000\b/],
    ]
    for (const [path, cap] of refused) {
      const r = await get(path)
      expect(r.status, path).toBe(400)
      expect((await r.json()).error, path).toMatch(cap)
    }
    const change = { party: 'RU', issue: 'ceasefire', field: 'salience', value: 40 }
    const many = await post('/api/forecasts', { changes: Array.from({ length: 501 }, () => change) })
    expect(many.status).toBe(400)
    expect((await many.json()).error).toMatch(/500/)
  })

  it(`at the cap, ${MAX_DRAWS} draws are answered`, async () => {
    const r = await get(`/api/sensitivity?draws=${MAX_DRAWS}&seed=7`)
    expect(r.status).toBe(200)
    expect((await r.json()).draws).toBe(MAX_DRAWS)
  }, 60_000)
})

describe('/api/health while the largest analysis a request may ask for runs', () => {
  let child: ChildProcess | undefined
  let base = ''
  beforeAll(async () => {
    // A server in a process of its own, so that this test's clock is not the loop being measured.
    const db = join(mkdtempSync(join(tmpdir(), 'parley-fairness-')), 'db')
    const script = `const { main } = await import(${JSON.stringify(join(packageRoot, 'src/cli/main.ts'))}); process.exitCode = await main(['serve', ${JSON.stringify(defaultScenario)}, '--db', ${JSON.stringify(db)}, '--port', '0'])`
    const started = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: packageRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = started
    base = await new Promise<string>((resolve, reject) => {
      let out = ''
      started.stdout?.on('data', (d: Buffer) => {
        out += d.toString()
        const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
        if (m) resolve(m[1] as string)
      })
      started.stderr?.on('data', (d: Buffer) => {
        out += d.toString()
      })
      started.once('exit', (code) => reject(new Error(`parley serve ended (exit ${code}): ${out}`)))
    })
  }, 120_000)
  afterAll(() => {
    child?.kill('SIGTERM')
  })

  it(`health answers within ${HEALTH_BUDGET_MS} ms throughout, and ${MAX_DRAWS * 10} draws are refused at once`, async () => {
    const time = async (path: string) => {
      const start = performance.now()
      const r = await fetch(`${base}${path}`)
      await r.arrayBuffer()
      return { status: r.status, ms: performance.now() - start }
    }
    expect((await time('/api/health')).status).toBe(200)
    const refused = await time(`/api/sensitivity?draws=${MAX_DRAWS * 10}&seed=99`)
    expect(refused.status).toBe(400)
    // A seed of its own, so that no earlier answer is reused: the full run, on the server's loop.
    let done = false
    const heavy = time(`/api/sensitivity?draws=${MAX_DRAWS}&seed=12345`).finally(() => {
      done = true
    })
    const waits: number[] = []
    while (!done) {
      waits.push((await time('/api/health')).ms)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const run = await heavy
    expect(run.status).toBe(200)
    expect(waits.length).toBeGreaterThan(0)
    expect(Math.max(...waits), `health waits ${waits.map(Math.round).join(', ')} ms`).toBeLessThan(
      HEALTH_BUDGET_MS,
    )
  }, 120_000)
})
