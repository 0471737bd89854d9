import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  analyzeConditions,
  buildNetwork,
  findDeadlocks,
  findRelaxations,
  isConsistent,
  minimalHittingSets,
  packageSequence,
} from '../../../src/analysis/conditions/index.ts'
import { defaultScenario } from '../../../src/paths.ts'
import { type Condition, loadScenario, type Scenario } from '../../../src/scenario/index.ts'

type Spec = Partial<Condition> & Pick<Condition, 'id' | 'party' | 'issue'> & { on: string }

/** A scenario over issues a–e with the given conditions (parties P and Q; P's salience 30, Q's 80 on every issue). */
function scenario(specs: Spec[]): Scenario {
  const issues = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
    id,
    name: `Issue ${id}`,
    description: id,
    options: [
      { label: `${id} low`, position: 0 },
      { label: `${id} high`, position: 100 },
    ],
  }))
  const basis = { assumption: 'test' }
  return {
    meta: { id: 't', title: 'T', as_of: '2025-01-01' },
    sources: [],
    history: [],
    parties: ['P', 'Q'].map((id) => ({ id, name: id, aliases: [], capability: { value: 50, ...basis } })),
    issues,
    stances: issues.flatMap((i) => [
      { party: 'P', issue: i.id, position: { value: 0, ...basis }, salience: { value: 30, ...basis } },
      { party: 'Q', issue: i.id, position: { value: 100, ...basis }, salience: { value: 80, ...basis } },
    ]),
    conditions: specs.map(({ on, ...c }) => ({
      relation: 'after',
      assumption: 'test',
      ...c,
      requires: { issue: on, ...(c.requires ?? {}) },
    })) as Condition[],
    events: [],
    items: [],
  }
}

const ids = (d: { conditions: string[] }[]) => d.map((x) => [...x.conditions].sort())

describe('hand-checkable networks', () => {
  it('a consistent chain: c after b after a, with a 60-day wait, gives the roadmap day by day', () => {
    const s = scenario([
      { id: 'b-after-a', party: 'P', issue: 'b', on: 'a' },
      { id: 'c-60-after-b', party: 'Q', issue: 'c', on: 'b', min_days: 60 },
    ])
    const r = analyzeConditions(s)
    expect(r.consistent).toBe(true)
    expect(r.deadlocks).toEqual([])
    const day = Object.fromEntries(
      r.roadmap.map((st) => [st.issue, [st.earliest_day, st.latest_day, st.critical]]),
    )
    expect(day).toMatchObject({ a: [0, 0, true], b: [0, 0, true], c: [60, 60, true], d: [0, null, false] })
    expect(r.roadmap.find((st) => st.issue === 'c')?.after).toEqual(['b'])
    // Within day 0, a comes before b.
    expect(r.roadmap.map((st) => st.issue).indexOf('a')).toBeLessThan(
      r.roadmap.map((st) => st.issue).indexOf('b'),
    )
  })

  it('one cycle: "I move only after you" both ways is one deadlock of exactly those two conditions', () => {
    const s = scenario([
      { id: 'p', party: 'P', issue: 'a', on: 'b' },
      { id: 'q', party: 'Q', issue: 'b', on: 'a' },
      { id: 'free', party: 'P', issue: 'c', on: 'a', min_days: 10 },
    ])
    const r = analyzeConditions(s, { cost: 'count' })
    expect(r.consistent).toBe(false)
    expect(ids(r.deadlocks)).toEqual([['p', 'q']])
    expect(r.deadlocks[0]?.parties).toEqual(['P', 'Q'])
    expect(r.relaxations.map((x) => x.change)).toEqual([
      [{ condition: 'p', action: 'remove' }],
      [{ condition: 'q', action: 'remove' }],
    ])
  })

  it('two overlapping cycles: exactly the two minimal sets, and the three minimal relaxations', () => {
    const s = scenario([
      { id: 'c1', party: 'P', issue: 'a', on: 'b' },
      { id: 'c2', party: 'Q', issue: 'b', on: 'a' },
      { id: 'c3', party: 'Q', issue: 'b', on: 'c' },
      { id: 'c4', party: 'P', issue: 'c', on: 'a' },
    ])
    expect(ids(findDeadlocks(s).deadlocks)).toEqual([
      ['c1', 'c2'],
      ['c1', 'c3', 'c4'],
    ])
    const relax = findRelaxations(s, findDeadlocks(s).deadlocks, 'count', 10)
    expect(relax.map((x) => x.change.map((c) => c.condition).sort())).toEqual([
      ['c1'],
      ['c2', 'c3'],
      ['c2', 'c4'],
    ])
  })

  it('salience cost: dropping P’s condition (salience 30) is cheaper than Q’s (80)', () => {
    const s = scenario([
      { id: 'p', party: 'P', issue: 'a', on: 'b' },
      { id: 'q', party: 'Q', issue: 'b', on: 'a' },
    ])
    expect(
      findRelaxations(s, findDeadlocks(s).deadlocks).map((x) => [x.change[0]?.condition, x.cost]),
    ).toEqual([
      ['p', 30],
      ['q', 80],
    ])
  })

  it('weakening a bound: a 60-day wait against a 30-day deadline; shortening the wait to 30 days costs half of it', () => {
    const s = scenario([
      { id: 'wait', party: 'Q', issue: 'b', on: 'a', min_days: 60 },
      { id: 'deadline', party: 'P', issue: 'b', on: 'a', min_days: 1, max_days: 30 },
    ])
    const r = analyzeConditions(s)
    expect(ids(r.deadlocks)).toEqual([['deadline', 'wait']])
    expect(r.relaxations).toContainEqual({
      change: [{ condition: 'wait', action: 'weaken', min_days: { from: 60, to: 30 } }],
      cost: 40,
      cost_basis: 'salience',
    })
    expect(r.relaxations).toContainEqual({
      change: [{ condition: 'deadline', action: 'weaken', max_days: { from: 30, to: 60 } }],
      cost: 15,
      cost_basis: 'salience',
    })
    expect(r.relaxations[0]?.change[0]).toMatchObject({ condition: 'deadline', action: 'weaken' })
    // The roadmap after the cheapest relaxation: b 60 days after a.
    expect(r.roadmap.find((st) => st.issue === 'b')?.earliest_day).toBe(60)
  })

  it('reciprocity ("only if the other does the same") is a simultaneity, not a deadlock', () => {
    const s = scenario([
      {
        id: 'p',
        party: 'P',
        issue: 'a',
        on: 'a',
        relation: 'together',
        requires: { issue: 'a', party: 'Q' },
      },
      {
        id: 'q',
        party: 'Q',
        issue: 'a',
        on: 'a',
        relation: 'together',
        requires: { issue: 'a', party: 'P' },
      },
    ])
    expect(analyzeConditions(s).consistent).toBe(true)
  })

  it('"no X until Y is over" against "Y only after X starts" deadlocks through the end of Y', () => {
    const s = scenario([
      { id: 'x-after-end-y', party: 'P', issue: 'a', on: 'b', relation: 'after_end' },
      { id: 'y-after-x', party: 'Q', issue: 'b', on: 'a' },
    ])
    expect(ids(findDeadlocks(s).deadlocks)).toEqual([['x-after-end-y', 'y-after-x']])
  })

  it('minimalHittingSets of {a,b} and {b,c} is {b} and {a,c}', () => {
    expect(
      minimalHittingSets([
        ['a', 'b'],
        ['b', 'c'],
      ]),
    ).toEqual([['b'], ['a', 'c']])
  })
})

describe('the bundled scenario', () => {
  it('shows the RU/UA deadlock on ceasefire and territory with its quotes, a relaxation, and the 60-day referendum', async () => {
    const s = await loadScenario(defaultScenario)
    const r = analyzeConditions(s)
    expect(r.consistent).toBe(false)
    expect(ids(r.deadlocks)).toEqual([['ru-ceasefire-after-territory', 'ua-territory-after-ceasefire']])
    expect(r.deadlocks[0]?.parties).toEqual(['RU', 'UA'])
    expect(r.deadlocks[0]?.evidence.map((e) => e.evidence[0]?.source)).toEqual(['001', '001'])
    expect(r.deadlocks[0]?.explanation).toMatch(
      /^RU requires territory .* before general ceasefire; UA requires general ceasefire .* before territory\. Each waits for the other\.$/,
    )
    expect(r.relaxations.length).toBeGreaterThanOrEqual(1)
    const day = Object.fromEntries(
      r.roadmap.filter((st) => !st.party).map((st) => [st.issue, st.earliest_day]),
    )
    expect(day.ceasefire).toBe(0)
    expect(day.referendum).toBe(60)
  })

  it('a package that does not give Russia the five regions leaves its territory precondition unmet', async () => {
    const s = await loadScenario(defaultScenario)
    const p = packageSequence(s, {
      territory: 55,
      nato: 100,
      kursk: 100,
      military_aid: 0,
      ceasefire: 100,
      energy_strikes: 50,
    })
    expect(p.unmet.map((u) => u.condition)).toEqual(['ru-ceasefire-after-territory'])
    expect(p.consistent).toBe(true)
  })
})

describe('laws on generated networks (fast-check)', () => {
  const arbitraryScenario = fc
    .array(
      fc.record({
        issue: fc.constantFrom('a', 'b', 'c', 'd'),
        on: fc.constantFrom('a', 'b', 'c', 'd'),
        party: fc.constantFrom('P', 'Q'),
        relation: fc.constantFrom('after', 'after', 'after_end', 'together'),
        min_days: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
        max_days: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 7 },
    )
    .map((cs) =>
      scenario(
        cs
          .filter((c) => c.issue !== c.on)
          .map((c, i) => ({
            id: `c${i}`,
            party: c.party,
            issue: c.issue,
            on: c.on,
            relation: c.relation as Condition['relation'],
            ...(c.min_days !== undefined && c.relation !== 'together' ? { min_days: c.min_days } : {}),
            ...(c.max_days !== undefined && c.relation !== 'together' && c.max_days >= (c.min_days ?? 0)
              ? { max_days: c.max_days }
              : {}),
          })),
      ),
    )

  /** All minimal inconsistent subsets, by brute force over every subset. */
  const bruteForce = (s: Scenario) => {
    const all = s.conditions.map((c) => c.id)
    const inconsistent: string[][] = []
    for (let mask = 1; mask < 1 << all.length; mask++) {
      const keep = all.filter((_, i) => mask & (1 << i))
      if (!isConsistent(buildNetwork(s, { removed: new Set(all.filter((id) => !keep.includes(id))) })))
        inconsistent.push(keep)
    }
    return inconsistent
      .filter((x) => !inconsistent.some((o) => o.length < x.length && o.every((id) => x.includes(id))))
      .map((x) => x.sort())
  }

  it('findDeadlocks finds exactly the minimal inconsistent sets that brute force finds', () => {
    fc.assert(
      fc.property(arbitraryScenario, (s) => {
        const found = ids(findDeadlocks(s).deadlocks)
          .map((x) => x.join())
          .sort()
        expect(found).toEqual(
          bruteForce(s)
            .map((x) => x.join())
            .sort(),
        )
      }),
      { seed: 7, numRuns: 300 },
    )
  })

  it('every reported relaxation makes the network consistent, and every deadlock is minimal', () => {
    fc.assert(
      fc.property(arbitraryScenario, (s) => {
        const r = analyzeConditions(s, { relaxations: 20 })
        expect(r.consistent).toBe(isConsistent(buildNetwork(s)))
        for (const d of r.deadlocks) {
          const others = s.conditions.map((c) => c.id).filter((id) => !d.conditions.includes(id))
          expect(isConsistent(buildNetwork(s, { removed: new Set(others) }))).toBe(false)
          for (const drop of d.conditions)
            expect(isConsistent(buildNetwork(s, { removed: new Set([...others, drop]) }))).toBe(true)
        }
        for (const x of r.relaxations) {
          const removed = new Set(x.change.filter((c) => c.action === 'remove').map((c) => c.condition))
          const minDays = new Map(
            x.change.flatMap((c) =>
              c.action === 'weaken' && 'min_days' in c ? [[c.condition, c.min_days.to] as const] : [],
            ),
          )
          const maxDays = new Map(
            x.change.flatMap((c) =>
              c.action === 'weaken' && 'max_days' in c ? [[c.condition, c.max_days.to] as const] : [],
            ),
          )
          expect(isConsistent(buildNetwork(s, { removed, minDays, maxDays }))).toBe(true)
        }
        if (!r.consistent) expect(r.relaxations.length).toBeGreaterThan(0)
      }),
      { seed: 11, numRuns: 300 },
    )
  })
})
