// The word-bounded pattern builder and the negation lexicon (src/extract/words.ts), on sentences
// written for each rule.
import { describe, expect, it } from 'vitest'
import { escapeRegExp, negatedCue, negatedInClause, wordPattern } from '../../src/extract/index.ts'

const cueAt = (sentence: string, cue: string) => sentence.indexOf(cue)

describe('wordPattern(body)', () => {
  it('finds whole words only, in any script, and not inside a longer word', () => {
    const iran = wordPattern('Iran')
    expect('Iran and the US met.'.match(iran)).toEqual(['Iran'])
    expect('Iranian officials met.'.match(iran)).toBeNull()
    expect('Iran2 is a code name.'.match(iran)).toBeNull()
    expect('Pre-Iran talks (Iran) resumed.'.match(iran)).toEqual(['Iran', 'Iran'])
    expect('Переговоры: Иран'.match(wordPattern('Иран'))).toEqual(['Иран'])
  })

  it('takes an alternation and flags; escapeRegExp makes a name literal', () => {
    expect('U.S. and USA'.match(wordPattern(escapeRegExp('U.S.'), 'g'))).toEqual(['U.S.'])
    expect('the plan, the PLAN'.match(wordPattern('plan|offer', 'giu'))).toEqual(['plan', 'PLAN'])
  })
})

describe('negatedCue(text, at)', () => {
  it.each([
    ['Moscow did not accept the proposal.', 'accept'],
    ['Moscow did not formally accept the proposal.', 'accept'],
    ['Kyiv won’t agree to the plan.', 'agree'],
    ["Kyiv won't agree to the plan.", 'agree'],
    ['The Kremlin has never agreed to a truce.', 'agreed'],
    ['Hamas refused to accept the terms.', 'accept'],
    ['Beijing declined to endorse the framework.', 'endorse'],
    ['The draft failed to include guarantees.', 'include'],
    ['Washington no longer insists on the deal.', 'insists'],
  ])('"%s" negates "%s"', (sentence, cue) => {
    expect(negatedCue(sentence, cueAt(sentence, cue))).toBe(true)
  })

  it.each([
    ['Moscow did not hesitate and then formally accepted the proposal.', 'accepted'],
    ['Moscow accepted the proposal.', 'accepted'],
    ['Nothing stopped Kyiv; it agreed to the plan.', 'agreed'],
    ['The refusal was noted, but Kyiv agreed.', 'agreed'],
  ])('"%s" does not negate "%s" (too far, or no negator)', (sentence, cue) => {
    expect(negatedCue(sentence, cueAt(sentence, cue))).toBe(false)
  })
})

describe('negatedInClause(text, at)', () => {
  it.each([
    ['Ukraine will not formally surrender its land in the east.', 'surrender its land'],
    ['Russia rejected any ceasefire that freezes the front.', 'ceasefire'],
    ['Israel ruled out a full withdrawal from Gaza.', 'full withdrawal'],
    ['Kyiv won’t give up its NATO membership bid.', 'NATO membership'],
    ['Hamas refused a phased release of the hostages.', 'phased release'],
    ["Russia's refusal of a ceasefire stands.", 'ceasefire'],
  ])('"%s" negates "%s" within its clause', (sentence, option) => {
    expect(negatedInClause(sentence, cueAt(sentence, option))).toBe(true)
  })

  it.each([
    ['Russia did not attend, but Ukraine wants a ceasefire along the line.', 'ceasefire'],
    ['Ukraine never said so; it wants NATO membership.', 'NATO membership'],
    ['Ukraine wants NATO membership.', 'NATO membership'],
    ['Knotted talks ended with a ceasefire.', 'ceasefire'],
    ['Kyiv declined a ceasefire without guarantees.', 'ceasefire'],
    ['Talks failed to produce a ceasefire.', 'ceasefire'],
  ])('"%s" does not negate "%s" (another clause, or no negator)', (sentence, option) => {
    expect(negatedInClause(sentence, cueAt(sentence, option))).toBe(false)
  })
})
