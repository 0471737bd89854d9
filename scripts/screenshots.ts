// npm run screenshots: the dashboard's main views on the bundled corpus and scenario, as PNGs in
// docs/screenshots/ for the README. Serves from a temporary store, like the browser tests.
import { join } from 'node:path'
import { defaultCorpus, defaultScenario, packageRoot } from '../src/paths.ts'
import { launchChromium } from '../test/helpers/browser.ts'
import { serveFixture } from '../test/helpers/dashboard.ts'

const out = join(packageRoot, 'docs/screenshots')
const served = await serveFixture(defaultScenario, [defaultCorpus], { listen: true })
const browser = await launchChromium()
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 })
  const base = served.server?.url ?? ''
  const shot = async (hash: string, name: string, prepare?: () => Promise<void>) => {
    await page.goto(`${base}#/${hash}`)
    await page.waitForSelector(`main[data-ready="${hash.split('?')[0]}"]`, { timeout: 30_000 })
    await prepare?.()
    await page.screenshot({ path: join(out, `${name}.png`) })
    await page.keyboard.press('Escape') // close the evidence panel, if one is open
    console.log(`docs/screenshots/${name}.png`)
  }
  await shot('overview', 'overview')
  await shot('positions', 'positions-evidence', async () => {
    await page.locator('button.cell[data-party="RU"][data-issue="ceasefire"]').click()
    await page.locator('dialog#panel[open]').waitFor()
  })
  await shot('forecasts', 'forecasts')
  await shot('conditions', 'conditions')
  await shot('pareto', 'packages')
  await shot('timeline', 'timeline')
  await shot('whatif', 'what-if', async () => {
    const input = page.locator('input[data-party="RU"][data-issue="ceasefire"][data-field="salience"]')
    await input.fill('10')
    await input.press('Enter')
    await input.blur()
    await page.waitForSelector('span.moved')
  })
} finally {
  await browser.close()
  await served.close()
}
