// What `parley divide` reads besides a scenario: {parties: [...], items: [{id, name?, points: {party: n}}]},
// checked (issue 21): each point from 0 to 100 (each party spreads 100 over the items, as in a scenario),
// at least one party and one item, every party named in the points listed, no id or party twice.
import { z } from 'zod'
import type { Item } from './adjusted-winner.ts'

/**
 * The most party-item pairs maximum Nash welfare divides: each of its up to 20,000 iterations weighs
 * every pair, about 7 s at this size.
 */
export const MAX_NASH_WELFARE_PAIRS = 5_000

const Name = z.string({ error: 'expected text' }).trim().min(1, { error: 'expected non-empty text' })
const Points = z
  .number({ error: 'expected a number from 0 to 100' })
  .min(0, { error: 'expected a number from 0 to 100' })
  .max(100, { error: 'expected a number from 0 to 100' })

export const DivisionInput = z.object({
  parties: z.array(Name).min(1, { error: 'expected at least one party' }),
  items: z
    .array(
      z.object({
        id: z.union([Name, z.number().transform(String)], { error: 'expected text' }),
        name: z.string().optional(),
        points: z.record(z.string(), Points, { error: 'expected a mapping of party to points' }),
      }),
    )
    .min(1, { error: 'expected at least one item' }),
})
export type DivisionInput = z.output<typeof DivisionInput>

/** What the schema cannot see: parties and ids given twice, points of a party not in `parties`. */
export function divisionProblems(input: DivisionInput): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = []
  const parties = new Set<string>()
  input.parties.forEach((p, k) => {
    if (parties.has(p)) out.push({ path: ['parties', k], message: `"${p}" is listed twice` })
    parties.add(p)
  })
  const ids = new Set<string>()
  input.items.forEach((item, k) => {
    if (ids.has(item.id)) out.push({ path: ['items', k, 'id'], message: `a second item "${item.id}"` })
    ids.add(item.id)
    for (const party of Object.keys(item.points))
      if (!parties.has(party))
        out.push({
          path: ['items', k, 'points', party],
          message: `"${party}" is not one of the parties (${input.parties.join(', ')})`,
        })
  })
  return out
}

/** The items of a checked input, as the division methods take them. */
export const divisionItems = (input: DivisionInput): Item[] =>
  input.items.map((it) => ({
    id: it.id,
    ...(it.name === undefined ? {} : { name: it.name }),
    points: it.points,
  }))
