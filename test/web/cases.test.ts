// The dashboard on a case folder other than the bundled one, built here, and switching between two
// cases served together, in a real Chromium.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Case, loadCase } from '../../src/case/index.ts'
import { lexiconExtractor, loadLexicon } from '../../src/extract/index.ts'
import { bundledCaseDir, webRoot } from '../../src/paths.ts'
import { ingestPaths } from '../../src/pipeline/index.ts'
import { type CaseSet, createApp, type Listening, listen, openWorkspace } from '../../src/server/index.ts'
import { openStore, type Store } from '../../src/store/index.ts'
import { launchChromium } from '../helpers/browser.ts'
import { FISHING, fishingCase } from '../helpers/cases.ts'

let browser: Browser
let server: Listening
const stores: Store[] = []

/** A store for the case in a temporary folder, with its corpus ingested with its lexicon. */
async function storeOf(c: Case): Promise<Store> {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'parley-cases-')), 'db'))
  stores.push(store)
  await ingestPaths(c.corpus, { store, extractor: lexiconExtractor(await loadLexicon(c.lexicon)) })
  return store
}

beforeAll(async () => {
  const cases = [await loadCase(fishingCase()), await loadCase(bundledCaseDir)]
  const workspaces = await Promise.all(
    cases.map(async (c) =>
      openWorkspace(c.scenario as string, await storeOf(c), {
        lexicon: c.lexicon,
        case: { id: c.id, name: c.name },
      }),
    ),
  )
  const set: CaseSet = {
    cases: cases.map((c) => ({ id: c.id, name: c.name })),
    open: async (id) =>
      workspaces.find((w) => w.case.id === (id ?? cases[0]?.id)) ?? (workspaces[0] as never),
  }
  server = await listen(createApp(set, { webRoot }), { host: '127.0.0.1', port: 0 })
  browser = await launchChromium()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await server?.close()
  for (const s of stores) await s.close()
})

async function view(page: Page, hash: string): Promise<void> {
  await page.goto(`${server.url}#/${hash}`)
  await page.waitForSelector(`main[data-ready="${hash.split('?')[0]}"]`, { timeout: 30_000 })
}

describe('the dashboard on a second case folder', () => {
  it("shows the first case's name, its articles, claims and stances, without a console error", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const problems: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text())
    })
    page.on('pageerror', (e) => problems.push(e.message))
    await view(page, 'overview')
    await page.waitForSelector('#scenario-title[data-case]')
    expect(await page.locator('#scenario-title').getAttribute('data-case')).toBe(FISHING.id)
    expect(await page.locator('#case-switch option').allInnerTexts()).toEqual([
      FISHING.name,
      'US–Russia–Ukraine peace talks, 2025',
    ])
    expect(await page.locator('.stat').first().innerText()).toMatch(/^2\s/)
    await view(page, 'positions')
    expect(await page.locator('button.cell').count()).toBe(3)
    await view(page, 'claims')
    expect(await page.locator('main').innerText()).toContain('Sylvania rejected the new quotas')
    for (const hash of ['timeline', 'forecasts', 'conditions', 'pareto', 'updates']) await view(page, hash)
    expect(problems).toEqual([])
    await page.close()
  })

  it('switches to the other case: every view then reads its store and scenario', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await view(page, 'positions')
    await page.waitForSelector('#case-switch')
    await page.selectOption('#case-switch', 'ukraine-2025')
    await page.waitForSelector('#scenario-title[data-case="ukraine-2025"]')
    await page.waitForFunction(() => document.querySelectorAll('button.cell').length > 3)
    expect(await page.locator('button.cell[data-party="RU"]').count()).toBeGreaterThan(0)
    await view(page, 'overview')
    expect(await page.locator('.stat').first().innerText()).toMatch(/^5\s/)
    // The choice holds for the tab's session.
    await page.reload()
    await page.waitForSelector('#scenario-title[data-case="ukraine-2025"]')
    await page.close()
  })
})
