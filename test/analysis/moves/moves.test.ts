// The changes analysis on hand-made claims: each kind of move, read with the bundled lexicon's
// option cues, and nothing from before the window.
import { describe, expect, it } from 'vitest'
import { type DatedClaim, movesSince } from '../../../src/analysis/moves/index.ts'
import { loadLexicon } from '../../../src/extract/index.ts'
import { defaultLexicon } from '../../../src/paths.ts'

const lexicon = await loadLexicon(defaultLexicon)
let id = 0
function claim(
  date: string,
  actor: string,
  act: DatedClaim['act'],
  issue: string,
  quote: string,
  over: Partial<DatedClaim> = {},
): DatedClaim {
  id++
  return {
    id,
    documentId: id,
    title: `article ${id}`,
    date,
    dateEstimated: false,
    actor,
    act,
    issue,
    quote,
    start: 0,
    end: quote.length,
    ...over,
  }
}

const DONBAS = 'Russia insisted that Ukraine should withdraw its forces from the Donbas region.'
const CONCESSIONS = 'Russia said Ukraine would need to make territorial concessions.'
const INTEGRITY = 'Ukraine stressed that its territorial integrity must be upheld.'

describe('movesSince', () => {
  it('reads a move toward the other side as a concession, and a move back as a reversal', () => {
    const earlier = [
      claim('2025-01-05', 'UA', 'demand', 'territory', INTEGRITY),
      claim('2025-01-10', 'RU', 'demand', 'territory', DONBAS),
    ]
    const recent = [
      claim('2025-02-01', 'RU', 'demand', 'territory', CONCESSIONS),
      claim('2025-02-10', 'RU', 'demand', 'territory', DONBAS),
    ]
    const r = movesSince({ earlier, recent, since: '2025-02-01', lexicon })
    expect(r.moves.map((m) => [m.kind, m.party, m.date, m.from?.position, m.to?.position])).toEqual([
      ['concession', 'RU', '2025-02-01', 75, 55],
      ['reversal', 'RU', '2025-02-10', 55, 75],
    ])
    expect(r.moves[0]?.summary).toBe(
      'RU moved on territory on 1 February 2025 (Ukraine withdraws its forces from the Donbas → Ukraine relinquishes some territory or beyond)',
    )
    expect(r.moves[0]?.from?.quote).toBe(DONBAS)
    // The trajectory holds the earlier claim and both recent ones, in date order.
    expect(r.trajectories.find((t) => t.party === 'RU')?.points.map((p) => p.placement?.position)).toEqual([
      75, 55, 75,
    ])
  })

  it('reads a move away from the other side as a hardening', () => {
    const earlier = [
      claim('2025-01-05', 'UA', 'demand', 'territory', INTEGRITY),
      claim('2025-01-10', 'RU', 'demand', 'territory', CONCESSIONS),
    ]
    const r = movesSince({
      earlier,
      recent: [claim('2025-02-01', 'RU', 'demand', 'territory', DONBAS)],
      since: '2025-02-01',
      lexicon,
    })
    expect(r.moves.map((m) => m.kind)).toEqual(['hardening'])
  })

  it('finds new demands, first acceptances, rejections, reversals and new conditions once each', () => {
    const energy =
      'Putin agreed to a U.S. proposal for a 30-day halt on attacks against energy infrastructure.'
    const earlier = [claim('2025-01-01', 'RU', 'reject', 'energy_strikes', 'Moscow rejected the idea.')]
    const cond = 'Kyiv said talks on territory could start only after a ceasefire.'
    const recent = [
      claim('2025-03-18', 'RU', 'accept', 'energy_strikes', energy),
      claim('2025-03-19', 'UA', 'demand', 'territory', INTEGRITY),
      claim('2025-03-20', 'UA', 'condition', 'territory', cond, { condition_issue: 'ceasefire' }),
      claim('2025-03-21', 'UA', 'condition', 'territory', cond, { condition_issue: 'ceasefire' }),
      claim('2025-03-22', 'UA', 'reject', 'peacekeepers', 'Kyiv rejected the plan.'),
      claim('2025-03-23', 'UA', 'reject', 'peacekeepers', 'Kyiv rejected it again.'),
      claim('2025-03-24', 'UA', 'demand', 'territory', INTEGRITY),
    ]
    const r = movesSince({ earlier, recent, since: '2025-03-01', lexicon })
    expect(r.moves.map((m) => [m.kind, m.party, m.issue, m.date])).toEqual([
      ['reversal', 'RU', 'energy_strikes', '2025-03-18'],
      ['new_demand', 'UA', 'territory', '2025-03-19'],
      ['new_condition', 'UA', 'territory', '2025-03-20'],
      ['new_rejection', 'UA', 'peacekeepers', '2025-03-22'],
    ])
    expect(r.moves[1]?.summary).toBe(
      'UA made a demand on territory on 19 March 2025: no territorial concession by Ukraine',
    )
  })

  it('reports a first acceptance as a concession, and nothing before the window or undated', () => {
    const energy =
      'Putin agreed to a U.S. proposal for a 30-day halt on attacks against energy infrastructure.'
    const r = movesSince({
      earlier: [claim('2025-02-01', 'US', 'propose', 'energy_strikes', energy)],
      recent: [
        claim('2025-03-18', 'RU', 'accept', 'energy_strikes', energy, { dateEstimated: true }),
        claim('', 'RU', 'demand', 'territory', DONBAS, { date: null }),
      ],
      since: '2025-03-01',
      lexicon,
    })
    expect(r.moves.map((m) => m.summary)).toEqual([
      'RU moved on halt on strikes against energy infrastructure around 18 March 2025: accepted reciprocal 30-day halt',
    ])
  })
})
