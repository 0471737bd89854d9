import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type EumActor, eum, nashBargaining, parseBdmCsv } from '../../../src/analysis/forecast/index.ts'
import { packageRoot } from '../../../src/paths.ts'

// validation/eum: the jmckib/dmasad port of the Scholz et al. (2011) reading, run for 10 rounds with q = 1.
const dir = join(packageRoot, 'test/fixtures/validation/eum')
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')).cases
const actorsOf = (file: string): EumActor[] =>
  (parseBdmCsv(readFileSync(join(dir, file), 'utf8'), file).issues[0]?.actors ?? []).map((a) => ({
    name: a.party,
    c: a.capability,
    s: a.salience,
    x: a.position,
  }))

interface ExpectedRound {
  round: number
  mean: number
  median: number
  positions: Record<string, number>
  moves: {
    actor: string
    event: string
    counterpart: string
    log_values: [number, number]
    new_position: number
  }[]
}

describe('EUM: EC car-emission standards (BDM 1994; Scholz et al. 2011, Table 1)', () => {
  const ec = expected.ec_emissions
  const rounds = ec.by_round as ExpectedRound[]
  const trace = eum(actorsOf('ExampleActors.csv'), { rounds: 10 })

  it.each(rounds.map((r) => [r.round, r] as const))(
    'round %i: mean and every position to 1e-6, median to 1e-4',
    (_k, r) => {
      const mine = trace[r.round]
      expect(Math.abs((mine?.mean ?? 0) - r.mean)).toBeLessThanOrEqual(1e-6)
      expect(Math.abs((mine?.median ?? 0) - r.median)).toBeLessThanOrEqual(1e-4)
      for (const [actor, x] of Object.entries(r.positions))
        expect(Math.abs((mine?.positions[actor] ?? 0) - x)).toBeLessThanOrEqual(1e-6)
    },
  )

  it.each(rounds.filter((r) => r.round > 0).map((r) => [r.round, r] as const))(
    'round %i: the same moves, with their two logged numbers to 1e-6',
    (_k, r) => {
      const mine = trace[r.round]?.moves ?? []
      expect(mine.map((m) => [m.actor, m.event, m.counterpart])).toEqual(
        r.moves.map((m) => [m.actor, m.event, m.counterpart]),
      )
      for (const [i, m] of r.moves.entries()) {
        expect(Math.abs((mine[i]?.log_values[0] ?? 0) - m.log_values[0])).toBeLessThanOrEqual(1e-6)
        expect(Math.abs((mine[i]?.log_values[1] ?? 0) - m.log_values[1])).toBeLessThanOrEqual(1e-6)
        expect(Math.abs((mine[i]?.new_position ?? 0) - m.new_position)).toBeLessThanOrEqual(1e-6)
      }
    },
  )

  it('round-1 risk exponents to 1e-6, and those of round 10 to 1e-4', () => {
    for (const [actor, r] of Object.entries(ec.round1_risk_exponents.values as Record<string, number>))
      expect(Math.abs((trace[1]?.risk?.[actor] ?? 0) - r)).toBeLessThanOrEqual(1e-6)
    for (const [actor, r] of Object.entries(ec.after_round10.risk_exponents as Record<string, number>))
      expect(Math.abs((trace[10]?.risk?.[actor] ?? 0) - r)).toBeLessThanOrEqual(1e-4)
  })

  it("Belgium's round-1 compromise with France is logged with its own (E(U_BE,FR), E(U_FR,BE))", () => {
    const [a, b] = ec.round1_belgium_expected_utilities.values.France as [number, number]
    const move = trace[1]?.moves.find((m) => m.actor === 'Belgium')
    expect(move?.counterpart).toBe('France')
    expect(Math.abs((move?.log_values[0] ?? 0) - a)).toBeLessThanOrEqual(1e-6)
    expect(Math.abs((move?.log_values[1] ?? 0) - b)).toBeLessThanOrEqual(1e-6)
  })

  it('the corrected capitulation test changes nothing on this data (no capitulation offer ever wins)', () => {
    expect(
      eum(actorsOf('ExampleActors.csv'), { rounds: 10, capitulation: 'corrected' }).map((r) => r.mean),
    ).toEqual(trace.map((r) => r.mean))
  })
})

describe('EUM: Saudi oil price (validation/eum, sultan_oil)', () => {
  it('nobody moves in 10 rounds: mean 13.619912134884823 and median 13.9 every round', () => {
    const trace = eum(actorsOf('Sultan.csv'), { rounds: 10 })
    for (const r of trace) {
      expect(r.moves).toEqual([])
      expect(Math.abs(r.mean - expected.sultan_oil.mean_every_round)).toBeLessThanOrEqual(1e-6)
      expect(r.median).toBeCloseTo(expected.sultan_oil.median_every_round, 4)
    }
  })

  it('with the corrected capitulation test, actors capitulate and the mean alternates (docs/models.md)', () => {
    const trace = eum(actorsOf('Sultan.csv'), { rounds: 10, capitulation: 'corrected' })
    expect(trace.reduce((n, r) => n + r.moves.length, 0)).toBe(10)
    expect(trace.every((r) => r.moves.every((m) => m.event === 'capitulates to'))).toBe(true)
    expect(trace[1]?.mean).toBeCloseTo(13.5758, 4)
  })
})

describe('laws of the EUM and the NBS (fast-check)', () => {
  const actors = fc.array(
    fc.record({
      c: fc.double({ min: 0.05, max: 1, noNaN: true }),
      s: fc.double({ min: 0.05, max: 1, noNaN: true }),
      x: fc.integer({ min: 0, max: 100 }),
    }),
    { minLength: 2, maxLength: 9 },
  )

  it('every EUM position stays inside the range of the input positions, round after round', () => {
    fc.assert(
      fc.property(actors, (xs) => {
        const input = xs.map((a, i) => ({ name: `a${i}`, ...a }))
        const lo = Math.min(...xs.map((a) => a.x))
        const hi = Math.max(...xs.map((a) => a.x))
        for (const r of eum(input, { rounds: 5 }))
          for (const x of Object.values(r.positions)) expect(x >= lo - 1e-9 && x <= hi + 1e-9).toBe(true)
      }),
      { seed: 12, numRuns: 150 },
    )
  })

  it('the NBS lies between the extreme positions, and at the common position when all agree', () => {
    fc.assert(
      fc.property(actors, (xs) => {
        const a = xs.map((y, i) => ({ party: `a${i}`, capability: y.c, salience: y.s, position: y.x }))
        const x = nashBargaining(a, 0, 100) ?? Number.NaN
        expect(
          x >= Math.min(...xs.map((y) => y.x)) - 1e-6 && x <= Math.max(...xs.map((y) => y.x)) + 1e-6,
        ).toBe(true)
      }),
      { seed: 13, numRuns: 200 },
    )
    expect(
      nashBargaining(
        [
          { party: 'a', capability: 1, salience: 1, position: 40 },
          { party: 'b', capability: 2, salience: 1, position: 40 },
        ],
        0,
        100,
      ),
    ).toBeCloseTo(40, 6)
  })

  it('with two actors of equal weight, the NBS is the midpoint', () => {
    expect(
      nashBargaining(
        [
          { party: 'a', capability: 1, salience: 1, position: 20 },
          { party: 'b', capability: 1, salience: 1, position: 60 },
        ],
        0,
        100,
      ),
    ).toBeCloseTo(40, 6)
  })
})
