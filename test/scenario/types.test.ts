import { describe, expectTypeOf, it } from 'vitest'
import type { Condition, Event, Evidence, Grounded, Scenario, Stance } from '../../src/scenario/index.ts'

// Pins what the schema infers to, so a schema change that alters the types is seen in review.
describe('Scenario types', () => {
  it('a grounded number is a value with optional evidence, assumption and plausible range', () => {
    expectTypeOf<Grounded>().toEqualTypeOf<{
      value: number
      evidence?: Evidence[] | undefined
      assumption?: string | undefined
      range?: { min: number; max: number } | undefined
    }>()
  })

  it('a stance holds grounded position and salience, and an optional red line', () => {
    expectTypeOf<Stance['position']>().toEqualTypeOf<Grounded>()
    expectTypeOf<Stance['salience']>().toEqualTypeOf<Grounded>()
    expectTypeOf<NonNullable<Stance['acceptable']>['min']>().toEqualTypeOf<number>()
  })

  it('defaults are applied, so parsed lists and flags are never undefined', () => {
    expectTypeOf<Scenario['stances']>().toEqualTypeOf<Stance[]>()
    expectTypeOf<Scenario['conditions']>().toEqualTypeOf<Condition[]>()
    expectTypeOf<Event['date_estimated']>().toEqualTypeOf<boolean>()
    expectTypeOf<Condition['relation']>().toEqualTypeOf<'after' | 'after_end' | 'together'>()
    expectTypeOf<Scenario['parties'][number]['aliases']>().toEqualTypeOf<string[]>()
  })
})
