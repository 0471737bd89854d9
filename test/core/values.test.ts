// The readers of typed values that the CLI, the API and the scenario schema share (src/core/values.ts).
import { describe, expect, it } from 'vitest'
import { isCalendarDay, wholeNumber } from '../../src/core/index.ts'

describe('isCalendarDay(s)', () => {
  it.each(['2025-03-18', '2024-02-29', '2000-02-29', '1999-12-31'])('accepts %s', (s) => {
    expect(isCalendarDay(s)).toBe(true)
  })
  it.each([
    '2025-02-29',
    '1900-02-29',
    '2025-13-01',
    '2025-04-31',
    '2025-3-18',
    '18.03.2025',
    '2025-03-18T00:00',
    '',
  ])('refuses %j', (s) => {
    expect(isCalendarDay(s)).toBe(false)
  })
})

describe('wholeNumber(raw, min, max)', () => {
  it.each([
    ['0', 0, 10, 0],
    ['10', 0, 10, 10],
    ['007', 0, 10, 7],
    ['4294967295', 0, 2 ** 32 - 1, 2 ** 32 - 1],
  ])('reads %j in %i–%i as %i', (raw, min, max, n) => {
    expect(wholeNumber(raw, min, max)).toBe(n)
  })
  it.each([
    ['11', 0, 10],
    ['0', 1, 10],
    ['-1', -5, 10],
    ['1.5', 0, 10],
    ['1e1', 0, 100],
    [' 5', 0, 10],
    ['', 0, 10],
    ['lots', 0, 10],
  ])('refuses %j in %i–%i', (raw, min, max) => {
    expect(wholeNumber(raw, min, max)).toBeUndefined()
  })
})
