// The dashboard in a real Chromium (test/helpers/browser.ts says which), served from a temporary store
// the way `parley serve` serves it.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { forecast, forecastModels } from '../../src/analysis/forecast/index.ts'
import { draftScenario, fillFromBase } from '../../src/draft/index.ts'
import { lexiconExtractor, loadLexicon } from '../../src/extract/index.ts'
import { defaultCorpus, defaultLexicon, defaultScenario, packageRoot } from '../../src/paths.ts'
import { draftArticles } from '../../src/pipeline/draft-input.ts'
import { storedMoves } from '../../src/pipeline/index.ts'
import { loadScenario } from '../../src/scenario/index.ts'
import { launchChromium } from '../helpers/browser.ts'
import { type Served, serveFixture } from '../helpers/dashboard.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
}, 60_000)
afterAll(async () => {
  await browser?.close()
})

/** A page that records console errors and uncaught exceptions. */
async function openPage(base: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  const problems: string[] = []
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.message()}`)
    await d.dismiss()
  })
  await page.goto(base)
  return { page, problems }
}

async function view(page: Page, base: string, hash: string): Promise<void> {
  await page.goto(`${base}#/${hash}`)
  await page.waitForSelector(`main[data-ready="${hash.split('?')[0]}"]`, { timeout: 30_000 })
}

describe('the dashboard on the bundled corpus and scenario', () => {
  let served: Served
  let base: string
  beforeAll(async () => {
    served = await serveFixture(defaultScenario, [defaultCorpus], { listen: true })
    base = served.server?.url ?? ''
  }, 120_000)
  afterAll(async () => {
    await served?.close()
  })

  it('every view shows data from the bundled corpus, without a console error', async () => {
    const s = await loadScenario(defaultScenario)
    const counts = await served.store.counts()
    const { page, problems } = await openPage(base)
    await view(page, base, 'overview')
    expect(await page.locator('.stat').first().innerText()).toContain(String(counts.documents))
    await view(page, base, 'positions')
    expect(await page.locator('button.cell').count()).toBe(s.stances.length)
    await view(page, base, 'timeline')
    expect(await page.locator('main svg').count()).toBeGreaterThan(0)
    expect(await page.locator('main tbody tr').count()).toBe(counts.claims + counts.events)
    await view(page, base, 'claims')
    expect(await page.locator('main h2').first().innerText()).toBe(`${counts.claims} claims`)
    await view(page, base, 'forecasts')
    const f = forecast(s, forecastModels, { rounds: 10 })
    const ceasefire = f.issues.find((i) => i.id === 'ceasefire')
    const row = page.locator('main tr', { hasText: ceasefire?.name ?? '' }).first()
    expect(await row.innerText()).toContain((ceasefire?.models.compromise?.position ?? 0).toFixed(1))
    expect(await page.locator('#rounds-chart svg').count()).toBeGreaterThan(0)
    await view(page, base, 'sensitivity')
    expect(await page.locator('main svg').count()).toBeGreaterThan(0)
    await view(page, base, 'pareto')
    expect(await page.locator('main svg text', { hasText: 'Nash' }).count()).toBe(1)
    await view(page, base, 'conditions')
    expect(await page.locator('svg.condition-graph g.edge.deadlock').count()).toBe(2)
    // The bundled articles' war lengths ("approaching its fourth year", "nearly three years") agree.
    await view(page, base, 'contradictions')
    expect(await page.locator('section.contradiction').count()).toBe(0)
    expect(await page.locator('main p.lede').innerText()).toBe(
      'No two stored statements contradict each other.',
    )
    await view(page, base, 'whatif')
    expect(await page.locator('input[data-field="salience"]').count()).toBe(s.stances.length)
    // Every stored article is among the scenario's sources: nothing to update.
    await view(page, base, 'updates')
    expect(await page.locator('[data-empty="updates"]').innerText()).toContain('5 stored articles')
    // Search: the store's own text search, matched words marked.
    const found = await served.store.search('"energy infrastructure"', { limit: 25 })
    await view(page, base, 'search?q=%22energy%20infrastructure%22')
    expect(await page.locator('main h2').allInnerTexts()).toEqual([
      `${found.documents.total} article${found.documents.total === 1 ? '' : 's'}`,
      `${found.claims.total} claim${found.claims.total === 1 ? '' : 's'}`,
    ])
    expect(await page.locator('main .snippet mark').first().innerText()).toMatch(/^(energy|infrastructure)$/i)
    // Changes since March: Russia's acceptance of the energy-strike halt is a concession of 18 March.
    const lexicon = await loadLexicon(defaultLexicon)
    const moved = await storedMoves(served.store, { since: '2025-03-01', lexicon })
    await view(page, base, 'changes?since=2025-03-01')
    expect(await page.locator('main tbody tr').count()).toBe(moved.moves.length)
    expect(
      await page
        .locator('main tbody tr', { hasText: 'RU moved on halt on strikes against energy' })
        .innerText(),
    ).toContain('concession')
    expect(problems).toEqual([])
    await page.close()
  }, 120_000)

  it('a heatmap cell opens its evidence: the quote, its source and date', async () => {
    const s = await loadScenario(defaultScenario)
    const stance = s.stances.find((st) => st.party === 'RU' && st.issue === 'ceasefire')
    const { page, problems } = await openPage(base)
    await view(page, base, 'positions')
    await page.locator('button.cell[data-party="RU"][data-issue="ceasefire"]').click()
    const panel = page.locator('dialog#panel[open]')
    await panel.waitFor()
    const quotes = await panel.locator('blockquote').allInnerTexts()
    expect(quotes).toContain(stance?.position.evidence?.[0]?.quote)
    const source = s.sources.find((x) => x.id === stance?.position.evidence?.[0]?.source)
    expect(await panel.innerText()).toContain(source?.title)
    expect(await panel.innerText()).toContain(`≈ ${source?.date}`)
    // Keyboard: Escape closes the panel.
    await page.keyboard.press('Escape')
    expect(await page.locator('dialog#panel[open]').count()).toBe(0)
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)

  it('a claim opens its article with the quote highlighted', async () => {
    const { claims } = await served.store.listClaims({ limit: 1 })
    const { page, problems } = await openPage(base)
    await view(page, base, 'claims')
    await page.locator('main tbody tr').first().locator('button.link').click()
    const mark = page.locator('dialog#panel[open] mark')
    await mark.waitFor()
    expect(await mark.innerText()).toBe(claims[0]?.quote)
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)

  it('changing a salience in what-if changes the forecast, in this view and in the others', async () => {
    const { page, problems } = await openPage(base)
    await view(page, base, 'whatif')
    const cell = page.locator('span[data-model="compromise"][data-issue="ceasefire"]')
    const before = await cell.innerText()
    const input = page.locator('input[data-party="RU"][data-issue="ceasefire"][data-field="salience"]')
    await input.fill('10')
    await input.press('Enter')
    await input.blur()
    await page.waitForFunction(
      (was) =>
        document.querySelector('span[data-model="compromise"][data-issue="ceasefire"]')?.textContent !== was,
      before,
      { timeout: 30_000 },
    )
    const after = await page.locator('span[data-model="compromise"][data-issue="ceasefire"]').innerText()
    expect(after).toMatch(new RegExp(`^${before.replace('.', '\\.')} → \\d+\\.\\d$`))
    expect(await page.locator('#whatif-banner').innerText()).toContain('What-if: 1 change')
    // The forecasts view now shows the changed scenario too.
    await page.locator('nav a[data-view="forecasts"]').click()
    await page.waitForSelector('main[data-ready="forecasts"]')
    expect(await page.locator('main tr', { hasText: 'General ceasefire' }).first().innerText()).toContain(
      after.split(' → ')[1],
    )
    await page.locator('#whatif-banner button', { hasText: 'Reset' }).click()
    await page.waitForFunction(() => document.getElementById('whatif-banner')?.hidden === true)
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)
})

describe('contradictions: two articles whose war lengths cannot both hold', () => {
  let served: Served
  let base: string
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-contradiction-'))
    writeFileSync(
      join(dir, 'a.txt'),
      'Envoys met again in Geneva. The conflict, now in its second year, has displaced whole towns.\n',
    )
    writeFileSync(
      join(dir, 'b.txt'),
      'Relief convoys crossed the river at dawn. Aid workers recalled more than five years of fighting in the region.\n',
    )
    served = await serveFixture(defaultScenario, [dir], { listen: true })
    base = served.server?.url ?? ''
  }, 120_000)
  afterAll(async () => {
    await served?.close()
  })

  it('shows the pair side by side; each side opens its article with the statement highlighted', async () => {
    const { page, problems } = await openPage(base)
    await view(page, base, 'contradictions')
    expect(await page.locator('section.contradiction').count()).toBe(1)
    expect(await page.locator('section.contradiction blockquote').allInnerTexts()).toHaveLength(2)
    for (const k of [0, 1]) {
      await page.locator('section.contradiction button.link').nth(k).click()
      expect(await page.locator('dialog#panel[open] mark').innerText()).toBe(
        await page.locator('section.contradiction blockquote').nth(k).innerText(),
      )
      await page.keyboard.press('Escape')
    }
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)
})

describe('updates: a March scenario against the December articles', () => {
  let served: Served
  let base: string
  beforeAll(async () => {
    // The scenario drafted from the March articles (numbers no claim gives taken from the curated file),
    // served over a store that holds all five articles.
    const dir = mkdtempSync(join(tmpdir(), 'parley-updates-'))
    const lex = await loadLexicon(defaultLexicon)
    const { articles } = await draftArticles([defaultCorpus], {
      extractor: lexiconExtractor(lex),
      scenarioDir: dir,
    })
    const march = fillFromBase(
      draftScenario({ articles, lexicon: lex, from: 'corpus', asOf: '2025-03-31' }).scenario,
      await loadScenario(defaultScenario),
      'curated',
    )
    writeFileSync(join(dir, 'march.yaml'), stringify(march))
    served = await serveFixture(join(dir, 'march.yaml'), [defaultCorpus], { listen: true })
    base = served.server?.url ?? ''
  }, 120_000)
  afterAll(async () => {
    await served?.close()
  })

  it('lists the proposed changes with their quotes; the accepted ones are saved with their history', async () => {
    const set = await served.workspace.updates()
    const { page, problems } = await openPage(base)
    await view(page, base, 'updates')
    expect(await page.locator('li.change').count()).toBe(set.changes.length)
    const ru = page.locator('li.change', { hasText: 'RU position on territory 100 → 75' })
    expect(await ru.locator('blockquote').first().innerText()).toContain('territorial concessions')
    const save = page.getByRole('button', { name: /Save the scenario/ })
    expect(await save.isDisabled()).toBe(true)
    // Keyboard: the change's label ticks its box.
    await ru.locator('label').click()
    expect(await save.innerText()).toBe('Save the scenario with 1 accepted change')
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()])
    const text = readFileSync((await download.path()) as string, 'utf8')
    expect(download.suggestedFilename()).toBe('draft-updated.yaml')
    expect(text).toMatch(/history:\n\s+- change: c\d+\n\s+kind: position/)
    expect(await page.getByRole('status').innerText()).toContain('Saved draft-updated.yaml')
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)
})

describe('untrusted text: the XSS fixture', () => {
  const dir = join(packageRoot, 'test/fixtures/xss')
  let served: Served
  let base: string
  beforeAll(async () => {
    served = await serveFixture(join(dir, 'scenario.yaml'), [join(dir, 'articles')], { listen: true })
    base = served.server?.url ?? ''
  }, 120_000)
  afterAll(async () => {
    await served?.close()
  })

  it('the fixture reaches the store: payloads in titles, texts and quotes', async () => {
    expect(readdirSync(join(dir, 'articles')).length).toBeGreaterThanOrEqual(20)
    const docs = await served.store.listDocuments()
    expect(docs.filter((d) => /<|javascript:|\{\{/.test(d.title ?? '')).length).toBeGreaterThanOrEqual(20)
    const { claims } = await served.store.listClaims({ limit: 1000 })
    expect(claims.filter((c) => /</.test(c.quote)).length).toBeGreaterThanOrEqual(20)
  })

  it('no payload runs in any view or panel, and the console stays clean', async () => {
    const { page, problems } = await openPage(base)
    for (const hash of [
      'overview',
      'positions',
      'timeline',
      'claims',
      'forecasts',
      'sensitivity',
      'pareto',
      'conditions',
      'contradictions',
      'whatif',
      'updates',
      'search?q=script%20OR%20xss%20OR%20img',
      'changes?since=2000-01-01',
    ]) {
      await view(page, base, hash)
      if (hash === 'positions') {
        for (const cell of await page.locator('button.cell').all()) {
          await cell.click()
          await page.locator('dialog#panel[open]').waitFor()
          await page.keyboard.press('Escape')
        }
      }
      if (hash === 'claims') {
        await page.locator('main tbody tr').first().locator('button.link').click()
        await page.locator('dialog#panel[open] mark').waitFor()
        await page.keyboard.press('Escape')
      }
      // Fire the events the payloads' handlers wait for on every element, in case one slipped through.
      await page.evaluate(() => {
        for (const el of document.querySelectorAll('body *'))
          for (const type of ['mouseover', 'focus', 'toggle', 'load', 'error', 'begin'])
            el.dispatchEvent(new Event(type))
      })
    }
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
    // The payloads show as text: the scenario title, a party's name and a source title, literally.
    await view(page, base, 'positions')
    expect(await page.locator('#scenario-title').innerText()).toContain(
      "<script>window.__xss='meta-title'</script>",
    )
    expect(await page.locator('main thead').innerText()).toContain('RU')
    await page.locator('button.cell[data-party="RU"][data-issue="ceasefire"]').click()
    const panel = page.locator('dialog#panel[open]')
    await panel.waitFor()
    expect(await panel.locator('blockquote').first().innerText()).toContain(
      "<script>window.__xss='script'</script>",
    )
    // A javascript: URL never becomes a link; an http(s) one does, with rel=noopener.
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.locator('button.cell[data-party="UA"][data-issue="ceasefire"]').click()
    const a = page.locator('dialog#panel[open] figcaption a').first()
    expect(await a.getAttribute('rel')).toBe('noopener noreferrer')
    expect(await a.getAttribute('href')).toMatch(/^https:\/\/example\.org\//)
    expect(
      await page.evaluate(() => document.querySelectorAll('main script, dialog script, main iframe').length),
    ).toBe(0)
    expect(problems).toEqual([])
    await page.close()
  }, 180_000)
})
