// A case's own event types (issue 19): their cues come from the lexicon's `events`, the case's
// event_types say which types are looked for, and a scenario may use only its case's types.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  eventTypesFor,
  eventTypesWithoutCues,
  lexiconExtractor,
  parseLexicon,
} from '../../src/extract/index.ts'
import { fishingCase } from '../helpers/cases.ts'
import { runCli } from '../helpers/cli.ts'

const lexicon = parseLexicon(
  [
    'actors:',
    '  FR: { name: Freedonia, aliases: [Freedonia, Fredville], adjectives: [Freedonian] }',
    '  SY: { name: Sylvania, aliases: [Sylvania], adjectives: [Sylvanian] }',
    'issues:',
    '  quotas: { description: the catch quotas, terms: [quota*] }',
    'events:',
    '  sanctions:',
    '    description: sanctions imposed or lifted',
    '    cues: [impos* … sanctions, lift* … sanctions]',
    '  embargo: { description: a trade embargo, cues: [] }',
  ].join('\n'),
  { file: 'lexicon.yaml' },
)

const eventsOf = async (text: string, eventTypes?: string[]) =>
  (await lexiconExtractor(lexicon, eventTypes === undefined ? {} : { eventTypes }).extract({ text })).events

describe('eventTypesFor(lexicon, enabled)', () => {
  it('is the general types and the lexicon types with cues, unless the case lists its own', () => {
    expect(eventTypesFor(lexicon)).toEqual(['call', 'meeting', 'talks', 'strike', 'agreement', 'sanctions'])
    expect(eventTypesFor(lexicon, ['talks', 'sanctions'])).toEqual(['talks', 'sanctions'])
    expect(eventTypesWithoutCues(lexicon, ['talks', 'embargo', 'sanctions'])).toEqual(['embargo'])
  })
})

describe("the extractor on a case's own event type", () => {
  it('finds it by the lexicon cues, with the acting party as initiator and the target as a side', async () => {
    const events = await eventsOf('Freedonia imposed new sanctions on Sylvania on Monday.')
    expect(events.map((e) => [e.type, e.participants, e.initiator])).toEqual([
      ['sanctions', ['FR', 'SY'], 'FR'],
    ])
  })

  it('leaves out a planned one, and every type the case does not list', async () => {
    expect(await eventsOf('Freedonia will impose sanctions on Sylvania next week.')).toEqual([])
    expect(await eventsOf('Freedonia imposed new sanctions on Sylvania.', ['talks'])).toEqual([])
    const talks = 'Freedonia and Sylvania held talks in Port Alba.'
    expect((await eventsOf(talks)).map((e) => e.type)).toEqual(['talks'])
    expect(await eventsOf(talks, ['sanctions'])).toEqual([])
  })
})

describe('scenario check in a case', () => {
  it("refuses an event type the case does not have, naming the case's types", async () => {
    const dir = fishingCase()
    const file = join(dir, 'scenario.yaml')
    const ok = await runCli('scenario', 'check', file)
    expect(ok.code, ok.stderr).toBe(0)
    writeFileSync(file, readFileSync(file, 'utf8').replace('type: talks', 'type: sanctions'))
    const r = await runCli('scenario', 'check', file)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /scenario\.yaml:\d+:\d+ events\[0\]\.type: expected one of call, meeting, talks, strike, agreement, got "sanctions"/,
    )
  })
})
