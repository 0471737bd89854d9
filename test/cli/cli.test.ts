import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { defaultCorpus, defaultScenario, packageRoot } from '../../src/paths.ts'
import { runCli } from '../helpers/cli.ts'

const parley = runCli

const bundled = relative(process.cwd(), defaultScenario)
const fixture = join(packageRoot, 'test/fixtures/scenarios/minimal.yaml')

/** A copy of the minimal fixture next to its article, with one line replaced. */
function brokenCopy(line: number, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'))
  const lines = readFileSync(fixture, 'utf8').split('\n')
  lines[line - 1] = text
  writeFileSync(join(dir, 'broken.yaml'), lines.join('\n'))
  writeFileSync(
    join(dir, 'article.txt'),
    readFileSync(join(packageRoot, 'test/fixtures/scenarios/article.txt')),
  )
  return join(dir, 'broken.yaml')
}

describe('parley scenario check', () => {
  it('exits 0 on the bundled scenario and counts what it verified', async () => {
    const r = await parley('scenario', 'check', bundled)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /^ok: .*ukraine-2025\/scenario\.yaml: 4 parties, 12 issues, 23 stances, 8 conditions, 14 events; \d+ quotes verbatim in 5 sources/,
    )
  })

  it('exits 1 on a broken file with a file:line:col message and no stack trace', async () => {
    const file = brokenCopy(38, '    salience: { value: 140, assumption: Test assumption. }')
    const r = await parley('scenario', 'check', file)
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe(`${file}:38:24 stances[0].salience.value: expected 0–100, got 140`)
  })
})

describe('parley scenario show', () => {
  it('--json prints the validated scenario, defaults applied', async () => {
    const r = await parley('scenario', 'show', fixture, '--json')
    expect(r.code).toBe(0)
    const s = JSON.parse(r.stdout)
    expect(s.meta.id).toBe('mini')
    expect(s.conditions[0].relation).toBe('after')
  })

  it('prints the stance matrix with red lines and saliences', async () => {
    const r = await parley('scenario', 'show', fixture)
    expect(r.stdout).toContain('truce  100 [50–100] s80  0 s50')
    expect(r.stdout).toContain('b-talks-after-truce (B, E): talks after truce ≥ 50 for at least 30 days')
  })
})

describe('parley forecast', () => {
  it('--json prints {input, issues: [{id, models: {<model>: {position}}}]}', async () => {
    const r = await parley('forecast', bundled, '--json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.input).toEqual({
      file: bundled,
      format: 'scenario',
      scenario: 'ukraine-2025',
      as_of: '2025-12-30',
    })
    expect(out.issues).toHaveLength(12)
    const ceasefire = out.issues.find((i: { id: string }) => i.id === 'ceasefire')
    expect(Object.keys(ceasefire.models)).toEqual(['compromise', 'mean', 'median'])
    // (100·85·100 + 80·60·40 + 50·90·100) / (100·85 + 80·60 + 50·90) = 1492000 / 17800
    expect(ceasefire.models.compromise.position).toBeCloseTo(1492000 / 17800, 12)
    expect(ceasefire.models.compromise).not.toHaveProperty('rounds')
  })

  it('--model picks and orders the models', async () => {
    const out = JSON.parse((await parley('forecast', bundled, '--model', 'median,mean', '--json')).stdout)
    expect(Object.keys(out.issues[0].models)).toEqual(['median', 'mean'])
  })

  it.each([
    [
      ['forecast', bundled, '--model', 'oracle'],
      /unknown model "oracle"; expected one of: compromise, mean, median/,
    ],
    [['forecast'], /missing required argument 'file'/],
    [['forecast', bundled, '--rounds-typo'], /unknown option '--rounds-typo'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('parley %j exits 1 with a message naming the problem', async (argv, message) => {
    const r = await parley(...argv)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(message)
  })
})

describe('parley conditions', () => {
  it('--json prints {consistent, deadlocks, relaxations, roadmap} with the RU/UA deadlock and the 60-day referendum', async () => {
    const r = await parley('conditions', bundled, '--json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.consistent).toBe(false)
    expect(out.deadlocks[0]).toMatchObject({
      conditions: ['ru-ceasefire-after-territory', 'ua-territory-after-ceasefire'],
      parties: ['RU', 'UA'],
    })
    expect(out.relaxations[0]).toMatchObject({
      change: [{ condition: 'ru-ceasefire-after-territory', action: 'remove' }],
      cost: 60,
    })
    expect(
      out.roadmap.find((s: { issue: string; party?: string }) => s.issue === 'referendum' && !s.party),
    ).toMatchObject({ earliest_day: 60, latest_day: 60, critical: true })
  })

  it('prints a report with the quotes behind each deadlock', async () => {
    const r = await parley('conditions', bundled)
    expect(r.stdout).toContain('Deadlock 1 (RU, UA)')
    expect(r.stdout).toContain(
      '“Zelenskyy responded by emphasizing that territorial discussions should only take place after a ceasefire has been secured.” (source 001)',
    )
    expect(r.stdout).toMatch(/\n\s+60\s+referendum\s+60\s+0\s+ceasefire\s+critical/)
  })

  it('rejects an unknown cost basis', async () => {
    const r = await parley('conditions', bundled, '--cost', 'money')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/--cost: expected salience or count, got "money"/)
  })
})

describe('parley zopa, frontier, divide, simulate', () => {
  const pareto = join(packageRoot, 'test/fixtures/validation/pareto')

  it('frontier on the GENIUS 7issues folder prints 338 Pareto points and the expected Nash and KS (validation/pareto)', async () => {
    const r = await parley(
      'frontier',
      join(pareto, 'genius_7issues'),
      '--parties',
      '7issues_util1,7issues_util2',
      '--json',
    )
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.outcomes).toBe(10_000_000)
    expect(out.pareto.count).toBe(338)
    expect(out.capped).toBe(false)
    expect(out.nash.utilities[0]).toBeCloseTo(0.519212168, 6)
    expect(out.nash.outcome).toEqual({ i1: 0, i2: 9, i3: 0, i4: 9, i5: 0, i6: 9, i7: 9 })
    expect(out.nash.disagreement).toEqual([0, 0])
    expect(out.ks.utilities[1]).toBeCloseTo(0.612185921, 6)
    expect(out.kalai.utilities[0]).toBeCloseTo(0.574224317, 6)
  })

  it('frontier --parties follows the order given', async () => {
    const out = JSON.parse(
      (
        await parley(
          'frontier',
          join(pareto, 'anac2011_Laptop'),
          '--parties',
          'laptop_seller_utility,laptop_buyer_utility',
          '--json',
        )
      ).stdout,
    )
    expect(out.parties).toEqual(['laptop_seller_utility', 'laptop_buyer_utility'])
    expect(out.nash.utilities[1]).toBeCloseTo(1.000051804, 6)
  })

  it('frontier on the bundled scenario says it ignores the red lines, and links the Nash package to the conditions', async () => {
    const out = JSON.parse((await parley('frontier', bundled, '--parties', 'RU,UA', '--json')).stdout)
    expect(out.red_lines).toMatch(/^ignored: no package meets every red line/)
    expect(out.conditions.nash.unmet).toContain('ru-ceasefire-after-territory')
  })

  it('zopa on the bundled scenario: no feasible package; RU and UA rule out territory', async () => {
    const out = JSON.parse((await parley('zopa', bundled, '--json')).stdout)
    expect(out.feasible_packages).toBe(0)
    expect(out.issues.find((i: { issue: string }) => i.issue === 'territory').conflicts).toEqual([
      ['RU', 'UA'],
    ])
  })

  it('divide on the bundled scenario: Adjusted Winner splits the plant between UA and RU with equal totals', async () => {
    const out = JSON.parse((await parley('divide', bundled, '--json')).stdout)
    expect(out.method).toBe('adjusted-winner')
    expect(out.split.item).toBe('znpp-plant')
    expect(out.totals.UA.value).toBeCloseTo(out.totals.RU.value, 12)
  })

  it('simulate: Boulware against Conceder reaches an agreement with its distances', async () => {
    const out = JSON.parse(
      (await parley('simulate', bundled, '--strategies', 'RU=boulware,UA=conceder', '--json')).stdout,
    )
    expect(out.exponents).toEqual([0.2, 2])
    expect(out.agreement.round).toBeGreaterThan(1)
    expect(out.agreement.distance_to_pareto).toBeGreaterThanOrEqual(0)
  })

  it.each([
    [
      ['simulate', bundled, '--strategies', 'RU=stubborn,UA=conceder'],
      /"RU=stubborn": expected PARTY=boulware\|linear\|conceder/,
    ],
    [['frontier', bundled, '--parties', 'RU,XX'], /unknown party "XX"/],
    [['frontier', '/nonexistent'], /cannot read/],
    [['divide', bundled, '--method', 'lottery'], /--method: expected aw or mnw/],
  ])('parley %j exits 1 with a message', async (argv, message) => {
    const r = await parley(...argv)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(message)
  })
})

describe('parley forecast with the EUM, and backtest', () => {
  const v = join(packageRoot, 'test/fixtures/validation')

  it('forecast --model eum --rounds 10 --json reproduces the EC trace (validation/eum)', async () => {
    const expected = JSON.parse(readFileSync(join(v, 'eum/expected.json'), 'utf8')).cases.ec_emissions
      .by_round
    const out = JSON.parse(
      (
        await parley(
          'forecast',
          join(v, 'eum/ExampleActors.csv'),
          '--model',
          'eum',
          '--rounds',
          '10',
          '--json',
        )
      ).stdout,
    )
    const rounds = out.issues[0].models.eum.rounds
    expect(rounds).toHaveLength(11)
    for (const r of expected) {
      expect(rounds[r.round].mean).toBeCloseTo(r.mean, 6)
      expect(rounds[r.round].median).toBeCloseTo(r.median, 4)
    }
    expect(out.input.format).toBe('bdm')
  })

  it('backtest deu --json prints the published baselines with their capability proxies', async () => {
    const out = JSON.parse((await parley('backtest', 'deu', join(v, 'deu/deu3.csv'), '--json')).stdout)
    const base = JSON.parse(readFileSync(join(v, 'deu/expected.json'), 'utf8')).baselines
    expect(out.n).toBe(351)
    expect(out.arithmetic).toBe('float')
    expect(out.models['mean (unweighted)'].mae).toBeCloseTo(base.unweighted_mean.mae, 9)
    expect(out.models['salience-weighted mean (compromise, capability 1)'].mae).toBeCloseTo(
      base.salience_weighted_mean.mae,
      9,
    )
    expect(out.models['median actor (unweighted)'].mae).toBeCloseTo(base.median_actor.mae, 9)
    expect(out.models['salience-weighted median'].mae).toBeCloseTo(base.salience_weighted_median.mae, 9)
    expect(out.models['compromise (capability × salience weighted mean)']).toMatchObject({
      capability: 'GDP-like row 2 of deu3.csv',
    })
    expect(out.models['compromise (capability × salience weighted mean)'].mae).toBeCloseTo(
      base.gdp_row_x_salience_weighted_mean.mae,
      9,
    )
    expect(out.models['ensemble (10-fold CV by proposal)'].n).toBe(351)
  }, 30_000)

  it('forecast --model exchange --json on the DECIDE sample: rounds 0–10 are the reference start-of-round means', async () => {
    const sample = JSON.parse(readFileSync(join(v, 'exchange/expected.json'), 'utf8')).cases.sample_data
    const out = JSON.parse(
      (await parley('forecast', join(v, 'exchange/sample_data.txt'), '--model', 'exchange', '--json')).stdout,
    )
    expect(out.input.format).toBe('decide')
    for (const issue of out.issues) {
      const rounds = issue.models.exchange.rounds
      expect(rounds).toHaveLength(11)
      for (let k = 0; k < 11; k++)
        expect(Math.abs(rounds[k].mean - sample.mean_start_of_round[issue.id][k])).toBeLessThanOrEqual(1e-4)
    }
    const bad = await parley(
      'forecast',
      join(v, 'exchange/sample_data.txt'),
      '--model',
      'exchange',
      '--arithmetic',
      'fast',
    )
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('--arithmetic: expected decimal or float, got "fast"')
  })

  it('forecast --repetitions runs the exchange model with random tie-breaks, seeded', async () => {
    const args = ['forecast', join(v, 'exchange/rex_2actor_2issue.txt'), '--model', 'exchange']
    const a = JSON.parse(
      (await parley(...args, '--rounds', '2', '--repetitions', '4', '--seed', '3', '--json')).stdout,
    )
    expect(a.exchange_repetitions).toMatchObject({ n: 4, seed: 3 })
    // Two actors, one exchange a round: no ties, so every repetition ends at the deterministic mean.
    expect(a.exchange_repetitions.issues['Issue-1'].mean).toBeCloseTo(95.834286, 6)
    expect(a.exchange_repetitions.issues['Issue-1'].variance).toBeCloseTo(0, 12)
    const r = await parley('forecast', join(v, 'exchange/rex_2actor_2issue.txt'), '--repetitions', '4')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/only the exchange model draws at random/)
  })

  it('a malformed input file gives exit 1 with its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-bdm-'))
    writeFileSync(join(dir, 'a.csv'), 'Actor,Capability,Position,Salience\nA,0.5,4,0.8\nB,0.5,seven,0.4\n')
    const r = await parley('forecast', join(dir, 'a.csv'), '--model', 'eum')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/a\.csv:3:1 Position: expected a number, got "seven"/)
  })
})

describe('parley sensitivity', () => {
  it('--json: seeded, quantiles in order, quoted numbers fixed, and the same seed gives the same report', async () => {
    const run = async (seed: string) =>
      JSON.parse((await parley('sensitivity', bundled, '--draws', '300', '--seed', seed, '--json')).stdout)
    const a = await run('4')
    expect(a.draws).toBe(300)
    expect(await run('4')).toEqual(a)
    expect(await run('5')).not.toEqual(a)
    for (const input of a.inputs) expect(input.basis).toMatch(/^(range|assumption band)$/)
    for (const issue of a.issues)
      for (const d of Object.values(issue.models) as { p05: number; p50: number; p95: number }[])
        expect(d.p05 <= d.p50 && d.p50 <= d.p95).toBe(true)
  })

  it('prints a table per issue; a bad --draws is refused', async () => {
    const r = await parley('sensitivity', bundled, '--draws', '50')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/50 draws, seed 1/)
    expect(r.stdout).toMatch(/model\s+5%\s+25%\s+median\s+75%\s+95%\s+moved most by/)
    const bad = await parley('sensitivity', bundled, '--draws', 'many')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/--draws/)
  })
})

describe('parley scenario draft and update', () => {
  const corpus = relative(process.cwd(), defaultCorpus)

  it('draft --json prints a scenario whose every number cites claims or is null and listed', async () => {
    const r = await parley('scenario', 'draft', '--from', corpus, '--json')
    expect(r.code).toBe(0)
    const s = JSON.parse(r.stdout)
    expect(s.parties.map((p: { id: string }) => p.id)).toEqual(['US', 'RU', 'UA', 'EU'])
    const numbers = s.stances.flatMap(
      (st: Record<string, { value: number | null; evidence?: unknown[] }>) => [st.position, st.salience],
    )
    for (const n of numbers) expect(n.value === null || (n.evidence?.length ?? 0) > 0).toBe(true)
    expect(s.draft.empty.length).toBe(numbers.filter((n: { value: unknown }) => n.value === null).length + 4)

    // The same draft from a store the corpus was ingested into.
    const db = join(mkdtempSync(join(tmpdir(), 'parley-draft-db-')), 'db')
    expect((await parley('ingest', corpus, '--db', db)).code).toBe(0)
    const fromStore = JSON.parse((await parley('scenario', 'draft', '--from', db, '--json')).stdout)
    const positions = (x: {
      stances: { party: string; issue: string; position: { value: number | null } }[]
    }) => x.stances.map((st) => `${st.party} ${st.issue} ${st.position.value}`)
    expect(positions(fromStore)).toEqual(positions(s))
    expect(fromStore.sources.map((x: { file: string }) => x.file)).toEqual(
      s.sources.map((x: { file: string }) => x.file),
    )
  }, 60_000)

  it('--as-of with --base writes a scenario that loads, and update then proposes the December changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-draft-'))
    try {
      const march = join(dir, 'march.yaml')
      const d = await parley(
        'scenario',
        'draft',
        '--from',
        corpus,
        '--as-of',
        '2025-03-31',
        '--base',
        bundled,
        '--out',
        march,
      )
      expect(d.code).toBe(0)
      expect(d.stderr).toContain('after 2025-03-31')
      expect((await parley('scenario', 'check', march)).code).toBe(0)
      const u = await parley('scenario', 'update', march, '--from', corpus)
      expect(u.code).toBe(0)
      expect(u.stdout).toContain('3 new articles')
      expect(u.stdout).toMatch(/c1 +position +RU position on territory 100 → 75/)
      const out = join(dir, 'march-2.yaml')
      const a = await parley(
        'scenario',
        'update',
        march,
        '--from',
        corpus,
        '--accept',
        'c1',
        '--accepted-on',
        '2026-01-05',
        '--out',
        out,
      )
      expect(a.stdout).toContain('1 of')
      const shown = JSON.parse((await parley('scenario', 'show', out, '--json')).stdout)
      expect(shown.history[0]).toMatchObject({
        change: 'c1',
        kind: 'position',
        from: 100,
        to: 75,
        accepted: '2026-01-05',
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('bad input: a malformed date and an unknown change id exit 1 with a message', async () => {
    const bad = await parley('scenario', 'draft', '--from', corpus, '--as-of', '2025-13-01')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('--as-of 2025-13-01: expected a date YYYY-MM-DD')
    const unknown = await parley('scenario', 'update', bundled, '--from', corpus, '--accept', 'c7')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('no change c7 in this change set; it has none')
  })
})

describe('parley start', () => {
  it('ingests the bundled corpus, then prints parties, forecasts per issue and evidence; a second run adds nothing', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'parley-start-')), 'db')
    const r = await parley('start', '--no-serve', '--db', db)
    expect(r.code).toBe(0)
    await expect(
      r.stdout
        .replaceAll(defaultScenario, '<bundled>')
        .replaceAll(defaultCorpus, '<corpus>')
        .replaceAll(db, '<db>'),
    ).toMatchFileSnapshot('./__snapshots__/start.txt')
    const again = await parley('start', '--no-serve', '--db', db)
    expect(again.stdout).toContain('0 new and 5 already stored')
  }, 60_000)
})

describe('parley ingest, claims, contradictions', () => {
  it('ingests, lists claims by party, and finds no contradiction in the bundled corpus', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'parley-cli-db-')), 'db')
    const ingest = await parley('ingest', defaultCorpus, '--db', db, '--json')
    expect(ingest.code).toBe(0)
    expect(JSON.parse(ingest.stdout)).toMatchObject({ added: 5, unchanged: 0, failed: [] })
    const claims = JSON.parse((await parley('claims', '--db', db, '--party', 'RU', '--json')).stdout)
    expect(claims.total).toBeGreaterThan(0)
    for (const c of claims.claims) expect(c.actor).toBe('RU')
    const contradictions = JSON.parse(
      (await parley('contradictions', '--db', db, '--json')).stdout,
    ).contradictions
    // "approaching its fourth year" (002) and "nearly three years" (003) state the same length of war.
    expect(contradictions).toEqual([])
    expect((await parley('contradictions', '--db', db)).stdout).toContain('no contradictions found')

    const search = await parley('search', 'withdraw forces Donbas', '--db', db)
    expect(search.code).toBe(0)
    expect(search.stdout).toMatch(/^1 article match “withdraw forces Donbas”/)
    expect(search.stdout).toContain('[withdraw]')
    const changes = await parley('changes', '--since', '2025-03-01', '--until', '2025-03-31', '--db', db)
    expect(changes.code).toBe(0)
    expect(changes.stdout).toContain(
      'concession    RU moved on halt on strikes against energy infrastructure around 18 March 2025: accepted reciprocal 30-day halt',
    )
    const kinds = JSON.parse(
      (
        await parley(
          'changes',
          '--since',
          '2025-12-01',
          '--kind',
          'concession,reversal',
          '--db',
          db,
          '--json',
        )
      ).stdout,
    )
    expect(
      kinds.moves.map(
        (m: { kind: string; party: string; issue: string }) => `${m.kind} ${m.party} ${m.issue}`,
      ),
      // UA and US accept talks: "Both leaders have indicated that negotiations will continue" (seeds gold).
    ).toEqual([
      'concession UA security_guarantees',
      'concession UA talks',
      'concession US talks',
      'concession RU territory',
    ])
  }, 60_000)

  it('finds the war-length contradiction between two articles whose figures cannot both hold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-contradiction-'))
    mkdirSync(join(dir, 'articles'))
    writeFileSync(
      join(dir, 'articles', 'a.txt'),
      'Envoys met again in Geneva. The conflict, now in its second year, has displaced whole towns.\n',
    )
    writeFileSync(
      join(dir, 'articles', 'b.txt'),
      'Relief convoys crossed the river at dawn. Aid workers recalled more than five years of fighting in the region.\n',
    )
    const db = join(dir, 'db')
    expect((await parley('ingest', join(dir, 'articles'), '--db', db, '--json')).code).toBe(0)
    const found = JSON.parse((await parley('contradictions', '--db', db, '--json')).stdout).contradictions
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ kind: 'figure', subject: 'length of the war' })
    expect([found[0].a.quote, found[0].b.quote].sort()).toEqual([
      'conflict, now in its second year',
      'more than five years of fighting',
    ])
  }, 60_000)

  it('queues inputs for workers, and a worker run ingests them', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'parley-cli-db-')), 'db')
    const queued = JSON.parse(
      (await parley('ingest', defaultCorpus, '--queue-only', '--db', db, '--json')).stdout,
    )
    expect(queued).toMatchObject({ inputs: 5, queued: 5, queue: { pending: 5, done: 0, failed: 0 } })
    const worked = JSON.parse((await parley('ingest', '--db', db, '--worker', 'w1', '--json')).stdout)
    expect(worked).toMatchObject({ added: 5, failed: [] })
    const again = JSON.parse((await parley('ingest', defaultCorpus, '--db', db, '--json')).stdout)
    expect(again).toMatchObject({ added: 0, unchanged: 5 })
  }, 60_000)

  it('search and changes refuse bad input with exit 1', async () => {
    expect((await parley('changes', '--since', 'March')).stderr).toMatch(
      /--since March: expected a date YYYY-MM-DD/,
    )
    expect((await parley('changes', '--since', '2025-03-01', '--kind', 'moved')).stderr).toMatch(
      /--kind moved: expected some of new_demand, concession/,
    )
    const r = await parley('search', 'x', '--limit', '0')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/--limit: expected a whole number from 1 to 1000, got "0"/)
  })

  it('rejects a bad option value with exit 1, naming the value', async () => {
    const r = await parley('claims', '--limit', 'lots')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/--limit: expected a whole number from 1 to 100000, got "lots"/)
  })
})

describe('parley extract', () => {
  it('--json prints the parley-gold/1 shape with verbatim quotes and offsets', async () => {
    const r = await parley('extract', defaultCorpus, '--json')
    const out = JSON.parse(r.stdout)
    expect(out.schema).toBe('parley-gold/1')
    expect(out.articles.map((a: { file: string }) => a.file)).toHaveLength(5)
    const claim = out.articles[1].claims[0]
    expect(Object.keys(claim)).toEqual(
      expect.arrayContaining(['actor', 'act', 'issue', 'quote', 'start', 'end']),
    )
  })

  it('--eval prints precision, recall and F1 with the summary line of the reference scorer', async () => {
    const r = await parley(
      'extract',
      defaultCorpus,
      '--eval',
      join(packageRoot, 'test/fixtures/validation/extraction/seeds-gold.json'),
    )
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(
      /^claims F1=0\.\d{3} P=0\.\d{3} R=0\.\d{3} events F1=\d\.\d{3} quotes_verbatim=1\.000$/,
    )
  })

  it('reports a gold file that is not one, naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-gold-'))
    writeFileSync(
      join(dir, 'gold.json'),
      JSON.stringify({ articles: [{ file: 'a.txt', claims: [{ actor: 'RU' }] }] }),
    )
    const r = await parley('extract', defaultCorpus, '--eval', join(dir, 'gold.json'))
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/gold\.json articles\/0\/claims\/0\/act/)
  })
})

describe('the parley binary (bin/parley.js, built into dist/ by the global setup)', () => {
  const run = promisify(execFile)
  const bin = join(packageRoot, 'bin/parley.js')
  const exec = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: packageRoot })
      return { code: 0, stdout, stderr }
    } catch (e) {
      const error = e as { code: number; stdout: string; stderr: string }
      return { code: error.code, stdout: error.stdout, stderr: error.stderr }
    }
  }

  it('--version prints the package version', async () => {
    const version = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version
    expect((await exec('--version')).stdout.trim()).toBe(version)
  })

  it('exits 0 on a valid scenario and 1 on a broken one, without a stack trace', async () => {
    expect((await exec('scenario', 'check', 'cases/ukraine-2025/scenario.yaml')).code).toBe(0)
    const broken = await exec('scenario', 'check', brokenCopy(40, '  - party: C'))
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/broken\.yaml:40:12 stances\[1\]\.party: unknown party "C"/)
    expect(broken.stderr).not.toMatch(/\n\s+at /)
  })
})
