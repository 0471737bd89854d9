import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exactDecimal } from '../../../src/analysis/forecast/exchange.ts'
import {
  type ExchangeResult,
  exchange,
  exchangeModel,
  type ForecastProblem,
  parseDecide,
  repeatForecast,
} from '../../../src/analysis/forecast/index.ts'
import { mulberry32 } from '../../../src/analysis/sensitivity/index.ts'
import { packageRoot } from '../../../src/paths.ts'

// validation/exchange: foarsitter/decide-exchange-model@51dee664, EqualGainModel with p = 0 and
// deterministic ties (see test/fixtures/validation/README.md, section Exchange).
const dir = join(packageRoot, 'test/fixtures/validation/exchange')
const cases = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')).cases
const load = (file: string) => parseDecide(readFileSync(join(dir, file), 'utf8'), file)

interface ExpectedMove {
  actor: string
  issue: string
  from: number
  to: number
  eu: number
}

describe('exchange model: 2 actors × 2 issues (decide tests/test_rex.py)', () => {
  const rex = cases.rex_2x2
  const result = exchangeModel(load('rex_2actor_2issue.txt'), { rounds: 2 })

  it('the means at the start of rounds 1 and 2 and after round 2, to 1e-6', () => {
    for (const [k, key] of ['round1', 'round2'].entries())
      for (const [issue, m] of Object.entries(rex.mean_at_start[key] as Record<string, number>))
        expect(Math.abs((result.rounds[k]?.meanAtStart[issue] ?? 0) - m)).toBeLessThanOrEqual(1e-6)
    for (const [issue, m] of Object.entries(rex.mean_after_round2 as Record<string, number>))
      expect(Math.abs((result.finalMean[issue] ?? 0) - m)).toBeLessThanOrEqual(1e-6)
  })

  it('one exchange per round with its moves, expected utilities and gain to 1e-6 (the reset 0 → 46, 100 → 94)', () => {
    for (const e of rex.exchanges as { round: number; moves: ExpectedMove[]; gain: number }[]) {
      const mine = result.rounds[e.round - 1]?.exchanges ?? []
      expect(mine).toHaveLength(1)
      expect(Math.abs((mine[0]?.gain ?? 0) - e.gain)).toBeLessThanOrEqual(1e-6)
      expectMoves(mine[0]?.moves ?? [], e.moves, 1e-6)
    }
  })
})

describe('exchange model: the Dutch city-toll sample (DECIDE sample_data.txt)', () => {
  const sample = cases.sample_data
  const result = exchangeModel(load('sample_data.txt'), { rounds: 10 })
  const round1 = result.rounds[0]

  it('round 1 realises the 39 exchanges of the reference, in order: actors, issues, positions to 1e-4, utilities to 1e-6', () => {
    const expected = sample.round1.exchanges as { moves: ExpectedMove[]; gain: number }[]
    expect(round1?.exchanges).toHaveLength(39)
    for (const [k, e] of expected.entries()) {
      const mine = round1?.exchanges[k]
      expect(Math.abs((mine?.gain ?? 0) - e.gain)).toBeLessThanOrEqual(1e-6)
      expectMoves(mine?.moves ?? [], e.moves, 1e-4)
    }
  })

  it('the first two gains to 1e-11 and 1e-12 (the reference computes with exact decimals)', () => {
    const [first, second] = round1?.exchanges ?? []
    expect(Math.abs((first?.gain ?? 0) - sample.round1.first_exchange.gain)).toBeLessThanOrEqual(1e-11)
    expect(Math.abs((second?.gain ?? 0) - sample.round1.second_exchange.gain)).toBeLessThanOrEqual(1e-12)
    expect(second?.moves.map((m) => m.actor)).toEqual(sample.round1.second_exchange.actors)
  })

  it('the means at the start of rounds 1–10 and after round 10, and the voting means of rounds 1–10, to 1e-4', () => {
    expectMeans(result, sample)
  })

  it('the exchanges realised in rounds 1–10: 39 37 36 42 35 39 36 36 36 30', () => {
    expect(result.rounds.map((r) => r.exchanges.length)).toEqual(sample.exchanges_per_round)
  })
})

describe('exchange model: COP21 (15 actors × 13 issues, some pairs missing)', () => {
  const cop = cases.cop21
  const result = exchangeModel(load('cop21.csv'), { rounds: 10 })

  it('the means at the start of rounds 1–10 and after round 10, and the voting means of rounds 1–10, to 1e-4', () => {
    expectMeans(result, cop)
  })

  it('the exchanges realised in rounds 1–10: 126 140 132 129 125 132 132 127 135 131', () => {
    expect(result.rounds.map((r) => r.exchanges.length)).toEqual(cop.exchanges_per_round)
  })

  it('in float arithmetic round 1 still matches (126 exchanges, voting means to 1e-4); later rounds break ties otherwise', () => {
    const float = exchangeModel(load('cop21.csv'), { rounds: 2, arithmetic: 'float' })
    expect(float.rounds[0]?.exchanges).toHaveLength(126)
    for (const issue of cop.issues as string[])
      expect(
        Math.abs((float.rounds[0]?.meanVoting[issue] ?? 0) - cop.mean_voting_end_of_round[issue][0]),
      ).toBeLessThanOrEqual(1e-4)
  })
})

describe('exchange model: decimal arithmetic as Python computes it', () => {
  it("Decimal(float) is the double's exact value: 0.1 and 0.4 in full, and back to the same double (fast-check)", () => {
    expect(exactDecimal(0.1).toFixed()).toBe('0.1000000000000000055511151231257827021181583404541015625')
    expect(exactDecimal(0.4).toFixed()).toBe('0.40000000000000002220446049250313080847263336181640625')
    expect(exactDecimal(-2.5).toFixed()).toBe('-2.5')
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(exactDecimal(x).toNumber()).toBe(x)
      }),
      { seed: 3, numRuns: 500 },
    )
  })
})

describe('exchange model: laws and options', () => {
  const twoIssues = (
    xs: { x1: number; x2: number; s1: number; s2: number; c: number }[],
  ): ForecastProblem => ({
    source: 'fast-check',
    capability: 'drawn',
    issues: ['p', 'q'].map((id, k) => ({
      id,
      name: id,
      min: 0,
      max: 100,
      actors: xs.map((a, i) => ({
        party: `a${i}`,
        capability: a.c,
        salience: k === 0 ? a.s1 : a.s2,
        position: k === 0 ? a.x1 : a.x2,
      })),
    })),
  })
  const actor = fc.record({
    x1: fc.integer({ min: 0, max: 100 }),
    x2: fc.integer({ min: 0, max: 100 }),
    s1: fc.integer({ min: 5, max: 100 }).map((v) => v / 100),
    s2: fc.integer({ min: 5, max: 100 }).map((v) => v / 100),
    c: fc.integer({ min: 1, max: 100 }),
  })

  it('every position, round after round, stays inside its issue range (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(actor, { minLength: 2, maxLength: 7 }), (xs) => {
        const r = exchangeModel(twoIssues(xs), { rounds: 4 })
        for (const round of [...r.rounds.map((x) => x.positions), r.finalPositions])
          for (const byActor of Object.values(round))
            for (const x of Object.values(byActor)) expect(x >= -1e-9 && x <= 100 + 1e-9).toBe(true)
        for (const round of r.rounds)
          for (const e of round.exchanges) {
            expect(e.gain).toBeGreaterThan(0)
            for (const m of e.moves) expect(m.to >= -1e-9 && m.to <= 100 + 1e-9).toBe(true)
          }
      }),
      { seed: 5, numRuns: 150 },
    )
  })

  it('without random tie-breaks the run is deterministic; seeded repetitions report mean and variance', () => {
    const problem = load('sample_data.txt')
    expect(exchangeModel(problem, { rounds: 3 })).toEqual(exchangeModel(problem, { rounds: 3 }))
    const a = repeatForecast(problem, exchange, { rounds: 3, repetitions: 5, random: mulberry32(7) })
    const b = repeatForecast(problem, exchange, { rounds: 3, repetitions: 5, random: mulberry32(7) })
    expect(a).toEqual(b)
    const issue = a['tolheffing-binnenstad']
    expect(issue?.variance).toBeGreaterThanOrEqual(0)
    expect((issue?.min ?? 0) <= (issue?.mean ?? 0) && (issue?.mean ?? 0) <= (issue?.max ?? 0)).toBe(true)
  })
})

interface ExpectedCase {
  issues: string[]
  mean_start_of_round: Record<string, number[]>
  mean_voting_end_of_round: Record<string, number[]>
}

function expectMeans(result: ExchangeResult, expected: ExpectedCase) {
  for (const issue of expected.issues) {
    const starts = [...result.rounds.map((r) => r.meanAtStart[issue] ?? 0), result.finalMean[issue] ?? 0]
    const voting = result.rounds.map((r) => r.meanVoting[issue] ?? 0)
    expect(starts).toHaveLength(11)
    for (const [k, m] of (expected.mean_start_of_round[issue] ?? []).entries())
      expect(Math.abs((starts[k] as number) - m), `${issue}, start of round ${k + 1}`).toBeLessThanOrEqual(
        1e-4,
      )
    for (const [k, m] of (expected.mean_voting_end_of_round[issue] ?? []).entries())
      expect(Math.abs((voting[k] as number) - m), `${issue}, voting of round ${k + 1}`).toBeLessThanOrEqual(
        1e-4,
      )
  }
}

function expectMoves(
  mine: readonly ExpectedMove[],
  expected: readonly ExpectedMove[],
  positionTolerance: number,
) {
  expect(mine.map((m) => [m.actor, m.issue])).toEqual(expected.map((m) => [m.actor, m.issue]))
  for (const [k, m] of expected.entries()) {
    expect(Math.abs((mine[k]?.from ?? 0) - m.from)).toBeLessThanOrEqual(positionTolerance)
    expect(Math.abs((mine[k]?.to ?? 0) - m.to)).toBeLessThanOrEqual(positionTolerance)
    expect(Math.abs((mine[k]?.eu ?? 0) - m.eu)).toBeLessThanOrEqual(1e-6)
  }
}
