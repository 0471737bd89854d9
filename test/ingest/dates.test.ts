import { describe, expect, it } from 'vitest'
import { parseDateString, resolveDate } from '../../src/ingest/index.ts'

describe('resolveDate', () => {
  it('prefers the metadata date, as written (ISO with time, RFC 822 from feeds)', () => {
    expect(resolveDate({ metadata: '2025-03-18T23:30:00-05:00', text: 'x' })).toMatchObject({
      date: '2025-03-18',
      source: 'metadata',
      estimated: false,
    })
    expect(resolveDate({ metadata: 'Tue, 18 Mar 2025 10:00:00 GMT', text: 'x' })?.date).toBe('2025-03-18')
  })

  it('reads a dateline at the top of the text', () => {
    expect(resolveDate({ text: 'WASHINGTON, March 18, 2025 — Trump spoke with Putin.' })).toMatchObject({
      date: '2025-03-18',
      source: 'dateline',
      estimated: false,
    })
  })

  it('estimates from the latest full date the text mentions, and says so', () => {
    const r = resolveDate({
      text: 'The talks began on February 18, 2025. A call followed.\nOn March 11, 2025 Ukraine agreed.',
    })
    expect(r).toMatchObject({ date: '2025-03-11', source: 'text', estimated: true })
  })

  it('resolves a date without a year only against a reference date, and never later than it', () => {
    const text = 'The call took place.\nOfficials met on March 18 and again on December 30.'
    expect(resolveDate({ text })).toBeUndefined()
    expect(resolveDate({ text, reference: new Date('2025-04-01T12:00:00Z') })?.date).toBe('2025-03-18')
  })

  it('gives no date rather than today', () => {
    expect(resolveDate({ text: 'Trump spoke with Putin on Tuesday.' })).toBeUndefined()
  })

  it('parseDateString rejects what is not a date', () => {
    expect(parseDateString('soon')).toBeUndefined()
    expect(parseDateString('2025-02-30')).toBeUndefined()
  })
})
