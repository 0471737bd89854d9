// The Extractor contract: every backend keeps these promises on real articles.
import { describe, expect, it } from 'vitest'
import { ACTS } from '../../src/core/index.ts'
import type { Extractor, Lexicon } from '../../src/extract/index.ts'
import { eventTypesFor } from '../../src/extract/index.ts'

export function runExtractorContract(
  name: string,
  make: () => Promise<{ extractor: Extractor; lexicon: Lexicon; texts: string[] }>,
) {
  describe(`Extractor contract: ${name}`, () => {
    it('every quote is the exact text at its offsets, and every id is in the lexicon', async () => {
      const { extractor, lexicon, texts } = await make()
      const actors = new Set(lexicon.actors.map((a) => a.id))
      const issues = new Set(lexicon.issues.map((i) => i.id))
      let items = 0
      for (const text of texts) {
        const r = await extractor.extract({ text })
        for (const c of r.claims) {
          expect(text.slice(c.start, c.end)).toBe(c.quote)
          expect(
            actors.has(c.actor) && issues.has(c.issue) && (ACTS as readonly string[]).includes(c.act),
          ).toBe(true)
          expect(c.act === 'condition').toBe(c.condition_issue !== undefined)
          items++
        }
        for (const e of r.events) {
          expect(text.slice(e.start, e.end)).toBe(e.quote)
          expect(eventTypesFor(lexicon).includes(e.type)).toBe(true)
          expect(e.participants).toEqual([...new Set(e.participants)].sort())
          for (const p of e.participants) expect(actors.has(p)).toBe(true)
          items++
        }
      }
      expect(items).toBeGreaterThan(0)
    })

    it('gives nothing for a text without parties or issues', async () => {
      const { extractor } = await make()
      expect(
        await extractor.extract({ text: 'The weather was mild and the markets were quiet all week.' }),
      ).toMatchObject({ claims: [], events: [] })
    })
  })
}
