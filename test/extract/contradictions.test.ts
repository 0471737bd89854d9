// Contradictions over the length of the war: each phrase is a range of elapsed time, and two statements
// conflict only when their ranges are disjoint. The sentences are written for these tests.
import { describe, expect, it } from 'vitest'
import { disjoint, findContradictions, warLengthRanges } from '../../src/extract/contradictions.ts'
import { warLengthMentions } from '../../src/extract/index.ts'

const doc = (document: string, text: string) => ({ document, text, claims: [] })

/** The war-length contradictions between two one-sentence documents, in that order. */
function between(a: string, b: string) {
  return findContradictions([doc('a.txt', a), doc('b.txt', b)]).filter((c) => c.kind === 'figure')
}

/** The same, checked in both orders; the two orders must agree. */
function conflict(a: string, b: string): boolean {
  const forward = between(a, b).length
  const backward = between(b, a).length
  expect(forward).toBe(backward)
  return forward > 0
}

/** The one range read from a sentence, in years. */
function rangeOf(text: string) {
  const found = warLengthRanges(text)
  expect(found).toHaveLength(1)
  return found[0]?.range
}

const approaching = 'Talks resumed on Monday, with the war, approaching its fourth year, still unresolved.'
const nearlyThree = 'Residents spoke of nearly three years of war along the river.'

describe('war-length contradictions', () => {
  it('"approaching its fourth year" and "nearly three years" state the same length: no contradiction', () => {
    expect(conflict(approaching, nearlyThree)).toBe(false)
  })

  it('"in its second year" and "more than five years" cannot both hold: a contradiction, with both quotes', () => {
    const second = 'The conflict, now in its second year, has emptied the border villages.'
    const five = 'Farmers described more than five years of fighting in the valley.'
    expect(conflict(second, five)).toBe(true)
    const [c] = between(second, five)
    expect(c).toMatchObject({
      kind: 'figure',
      subject: 'length of the war',
      a: { document: 'a.txt', quote: 'conflict, now in its second year' },
      b: { document: 'b.txt', quote: 'more than five years of fighting' },
    })
    expect(second.slice(c?.a.start, c?.a.end)).toBe(c?.a.quote)
    expect(five.slice(c?.b.start, c?.b.end)).toBe(c?.b.quote)
    expect(c?.explanation).toContain('over 1 to 2 years')
    expect(c?.explanation).toContain('over 5 to under 6 years')
  })

  it('"nearly three years" against plain figures: two and three years overlap it, one and four do not', () => {
    const plain = (n: string) => `The mayor recalled ${n} years of war in a short speech.`
    expect(conflict(nearlyThree, plain('two'))).toBe(false)
    expect(conflict(nearlyThree, plain('three'))).toBe(false)
    expect(conflict(nearlyThree, plain('one'))).toBe(true)
    expect(conflict(nearlyThree, plain('four'))).toBe(true)
  })

  it('"nearly three years" and "approaching its fourth year" end where "in its fourth year" begins', () => {
    const fourth = 'The war, in its fourth year, has cost the region dearly.'
    const third = 'The war, in its third year, has cost the region dearly.'
    expect(conflict(nearlyThree, fourth)).toBe(true)
    expect(conflict(nearlyThree, third)).toBe(false)
    // Approaching the fourth year is still in the third.
    expect(conflict(approaching, third)).toBe(false)
    expect(conflict(approaching, fourth)).toBe(true)
  })

  it('"nearly four years" and "two years" are a contradiction; "more than two years" overlaps "two years"', () => {
    const nearlyFour = 'Aid groups counted nearly four years of war in the east.'
    const two = 'Aid groups counted two years of war in the east.'
    const moreThanTwo = 'Aid groups counted more than two years of war in the east.'
    expect(conflict(nearlyFour, two)).toBe(true)
    expect(conflict(moreThanTwo, two)).toBe(false)
    expect(conflict(moreThanTwo, nearlyFour)).toBe(true)
  })

  it('compares months and days with years', () => {
    const months = 'After eighteen months of war the front barely moved.'
    const days = 'Officials marked 1,000 days of the invasion with a vigil.'
    expect(conflict(months, 'The conflict, now in its second year, dragged on.')).toBe(false)
    expect(conflict(months, nearlyThree)).toBe(true)
    expect(conflict(days, nearlyThree)).toBe(false)
    expect(conflict(days, 'Officials marked one year of the invasion.')).toBe(true)
  })

  it('statements in the same document are not compared', () => {
    const both = `${nearlyThree} Others spoke of more than five years of fighting.`
    expect(findContradictions([doc('a.txt', both)])).toEqual([])
  })
})

describe('warLengthRanges(text)', () => {
  it('reads each phrasing as its documented range, in years', () => {
    expect(rangeOf('the war, in its fourth year')).toEqual({ lo: 3, hi: 4, loOpen: true, hiOpen: false })
    expect(rangeOf('in the fourth year of the war')).toEqual({ lo: 3, hi: 4, loOpen: true, hiOpen: false })
    expect(rangeOf('the war, approaching its fourth year')).toEqual({
      lo: 2.75,
      hi: 3,
      loOpen: false,
      hiOpen: false,
    })
    expect(rangeOf('the war, entering its fourth year')).toEqual({
      lo: 2.75,
      hi: 3.25,
      loOpen: false,
      hiOpen: false,
    })
    expect(rangeOf('almost three years of war')).toEqual({ lo: 2.75, hi: 3, loOpen: false, hiOpen: true })
    expect(rangeOf('over three years of war')).toEqual({ lo: 3, hi: 4, loOpen: true, hiOpen: true })
    expect(rangeOf('about three years of war')).toEqual({ lo: 2.5, hi: 3.5, loOpen: false, hiOpen: false })
    expect(rangeOf('three years of war')).toEqual({ lo: 2.5, hi: 4, loOpen: false, hiOpen: true })
    const months = rangeOf('six months of war')
    expect(months).toMatchObject({ loOpen: false, hiOpen: true })
    expect(months?.lo).toBeCloseTo(5.5 / 12, 12)
    expect(months?.hi).toBeCloseTo(7 / 12, 12)
  })

  it('keeps warLengthMentions: the stated figure in years, with its quote and offsets', () => {
    const text = 'By then, the conflict was approaching its fourth year. Nearly three years of war, one said.'
    const found = warLengthMentions(text)
    expect(found).toEqual([
      { years: 4, start: 13, end: 53, quote: 'conflict was approaching its fourth year' },
      { years: 3, start: 55, end: 80, quote: 'Nearly three years of war' },
    ])
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.quote)
  })

  it('finds nothing in a sentence about something else', () => {
    expect(warLengthRanges('The minister served three years in the cabinet.')).toEqual([])
  })
})

describe('disjoint(a, b)', () => {
  const r = (lo: number, hi: number, loOpen = false, hiOpen = false) => ({ lo, hi, loOpen, hiOpen })
  it('is true only when no point is in both', () => {
    expect(disjoint(r(1, 2), r(3, 4))).toBe(true)
    expect(disjoint(r(1, 3), r(3, 4))).toBe(false)
    expect(disjoint(r(1, 3, false, true), r(3, 4))).toBe(true)
    expect(disjoint(r(1, 3), r(3, 4, true))).toBe(true)
    expect(disjoint(r(1, 5), r(2, 3))).toBe(false)
    expect(disjoint(r(3, 4), r(1, 2))).toBe(true)
  })
})
