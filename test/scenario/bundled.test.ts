import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultScenario, packageRoot } from '../../src/paths.ts'
import { allEvidence, loadScenario, resolveSource, type Scenario } from '../../src/scenario/index.ts'

const vocabulary = JSON.parse(
  readFileSync(join(packageRoot, 'test/fixtures/validation/extraction/vocabulary.json'), 'utf8'),
) as { actors: Record<string, unknown>; issues: Record<string, unknown>; events: Record<string, unknown> }
const manifest = JSON.parse(
  readFileSync(join(packageRoot, 'cases/ukraine-2025/corpus/manifest.json'), 'utf8'),
) as {
  articles: { file: string; date_estimate: string }[]
}

let s: Scenario
beforeAll(async () => {
  s = await loadScenario(defaultScenario)
})

describe('the bundled scenario, cases/ukraine-2025/scenario.yaml', () => {
  it('has every quote verbatim in its article (checked here independently of the loader)', () => {
    const collapse = (t: string) => t.replace(/\s+/g, ' ').trim()
    let checked = 0
    for (const { path, evidence } of allEvidence(s)) {
      const source = s.sources.find((x) => x.id === evidence.source)
      expect(source, `source of ${path.join('.')}`).toBeDefined()
      const text = collapse(readFileSync(resolveSource(defaultScenario, source?.file ?? ''), 'utf8'))
      expect(text.includes(collapse(evidence.quote)), `${path.join('.')}: ${evidence.quote}`).toBe(true)
      checked++
    }
    expect(checked).toBeGreaterThanOrEqual(60)
  })

  it('cites the five bundled articles, with the manifest estimated dates', () => {
    expect(s.sources.map((x) => [basename(x.file), x.date, x.date_estimated])).toEqual(
      manifest.articles.map((a) => [a.file, a.date_estimate, true]),
    )
  })

  it('uses the extraction vocabulary ids for parties, issues and event types', () => {
    for (const p of s.parties) expect(Object.keys(vocabulary.actors)).toContain(p.id)
    for (const i of s.issues) expect(Object.keys(vocabulary.issues)).toContain(i.id)
    for (const e of s.events) expect(Object.keys(vocabulary.events)).toContain(e.type)
    expect(s.parties.map((p) => p.id)).toEqual(expect.arrayContaining(['US', 'RU', 'UA', 'EU']))
  })

  const stance = (party: string, issue: string) =>
    s.stances.find((x) => x.party === party && x.issue === issue)
  const condition = (party: string, issue: string, on: string) =>
    s.conditions.find((c) => c.party === party && c.issue === issue && c.requires.issue === on)

  it('holds the 30-day energy-strike halt and its reciprocity condition', () => {
    expect(stance('RU', 'energy_strikes')?.position.value).toBe(50)
    const reciprocal = condition('RU', 'energy_strikes', 'energy_strikes')
    expect(reciprocal?.requires.party).toBe('UA')
    expect(reciprocal?.relation).toBe('together')
    expect(reciprocal?.evidence?.[0]?.quote).toContain('on the condition that Ukraine does the same')
  })

  it("holds the full ceasefire asked for and Russia's conditions on NATO, territory, Kursk and aid", () => {
    expect(stance('US', 'ceasefire')?.position.value).toBe(100)
    expect(stance('UA', 'ceasefire')?.position.value).toBe(100)
    for (const on of ['nato', 'territory', 'kursk', 'military_aid'])
      expect(condition('RU', 'ceasefire', on)).toBeDefined()
    // The aid condition is not in the five articles: it must stay an assumption, with no evidence.
    const aid = condition('RU', 'ceasefire', 'military_aid')
    expect(aid?.evidence ?? []).toEqual([])
    expect(aid?.assumption).toMatch(/not in the corpus/i)
  })

  it("holds Ukraine's refusals against Russia's territorial demands: red lines that do not overlap", () => {
    const ru = stance('RU', 'territory')?.acceptable
    const ua = stance('UA', 'territory')?.acceptable
    expect(ru && ua && ua.max < ru.min).toBe(true)
    expect(stance('RU', 'nato')?.position.value).toBe(100)
  })

  it('holds the guarantees dispute (time-limited against decades) and the peacekeepers demand', () => {
    const us = stance('US', 'security_guarantees')?.position.value ?? 0
    const ua = stance('UA', 'security_guarantees')?.position.value ?? 0
    expect(ua - us).toBeGreaterThanOrEqual(50)
    expect(stance('UA', 'peacekeepers')?.position.value).toBe(100)
  })

  it('holds the referendum only after a ceasefire of at least 60 days', () => {
    const c = condition('UA', 'referendum', 'ceasefire')
    expect(c?.min_days).toBe(60)
    expect(c?.relation).toBe('after')
  })

  it('holds the Zaporizhzhia plant and the division of assets', () => {
    expect(s.issues.map((i) => i.id)).toEqual(expect.arrayContaining(['znpp', 'assets']))
    expect(stance('US', 'assets')?.position.evidence?.length).toBe(2)
  })

  it('holds the calls, meetings, strikes and the pause in aid on the timeline', () => {
    const types = new Set(s.events.map((e) => e.type))
    for (const t of ['call', 'meeting', 'talks', 'strike', 'agreement', 'aid_change'])
      expect(types).toContain(t)
    expect(s.events.find((e) => e.type === 'aid_change')?.initiator).toBe('US')
  })
})
