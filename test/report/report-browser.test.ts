// The HTML report in a real Chromium (test/helpers/browser.ts says which), loaded from a file:// URL the
// way a reader opens it. Issue 21: the scenario title went raw into <title>, so a title that closed it
// added a meta refresh and a link that the browser followed and showed. Every free text of the bundled
// scenario is set to each payload of the dashboard's XSS set (test/fixtures/xss/payloads.json) and to
// the issue's own; the page must not navigate, request anything, run a script or gain an element.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultScenario, packageRoot } from '../../src/paths.ts'
import { renderHtml, reportData } from '../../src/report/index.ts'
import { loadScenario, type Scenario } from '../../src/scenario/index.ts'
import { launchChromium } from '../helpers/browser.ts'

/** The probe's title: a refresh to a listener of the attacker's and a phishing link, out of <title>. */
const ISSUE_PAYLOAD =
  '</title><meta http-equiv="refresh" content="1;url=http://127.0.0.1:4399/x"><a href="http://127.0.0.1:4399/login">Verify</a><title>'
/** The same aimed at a chart's tooltip (an SVG <title>) as well, with a script for good measure. */
const SVG_TITLE_PAYLOAD =
  '</title></svg><meta http-equiv="refresh" content="0;url=http://127.0.0.1:4399/svg"><script>window.__pwned=1</script><svg><title>'

const PAYLOADS: string[] = [
  ...(JSON.parse(readFileSync(join(packageRoot, 'test/fixtures/xss/payloads.json'), 'utf8')) as string[]),
  ISSUE_PAYLOAD,
  SVG_TITLE_PAYLOAD,
]

/** The free texts of a scenario: titles, names, descriptions, labels, quotes, assumptions, summaries. */
const TEXT_KEYS = new Set([
  'title',
  'name',
  'description',
  'label',
  'quote',
  'assumption',
  'summary',
  'date_basis',
  'aliases',
])

/** `s` with every free text set to `text`, kept distinct (` ·n`) so that no two names merge; the title is `text`. */
function withEveryText(s: Scenario, text: string): Scenario {
  let n = 0
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return TEXT_KEYS.has(key) ? `${text} ·${n++}` : v
    if (Array.isArray(v)) return v.map((x) => walk(x, key))
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]))
    return v
  }
  const changed = walk(structuredClone(s), '') as Scenario
  changed.meta.title = text
  return changed
}

/**
 * How many elements of each tag the page holds once the browser has parsed it. Left out: a chart's
 * <text> and <path>, the axes' tick labels and marks, whose number Plot thins by the labels' widths, so
 * that it changes with the length of a name. No payload creates either.
 */
const tagCounts = (page: Page) =>
  page.evaluate(() => {
    const counts: Record<string, number> = {}
    for (const el of document.querySelectorAll('*'))
      if (!(el instanceof SVGTextElement || el instanceof SVGPathElement))
        counts[el.localName] = (counts[el.localName] ?? 0) + 1
    return counts
  })

interface Loaded {
  page: Page
  url: string
  requests: string[]
  dialogs: string[]
  navigations: string[]
}

async function open(browser: Browser, file: string): Promise<Loaded> {
  const page = await browser.newPage()
  const url = pathToFileURL(file).href
  const loaded: Loaded = { page, url, requests: [], dialogs: [], navigations: [] }
  page.on('request', (r) => {
    if (r.url() !== url) loaded.requests.push(r.url())
  })
  page.on('dialog', async (d) => {
    loaded.dialogs.push(d.message())
    await d.dismiss()
  })
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame() && f.url() !== url) loaded.navigations.push(f.url())
  })
  await page.goto(url)
  return loaded
}

let browser: Browser
let base: Scenario
let dir: string
beforeAll(async () => {
  browser = await launchChromium()
  base = await loadScenario(defaultScenario)
  dir = mkdtempSync(join(tmpdir(), 'parley-report-browser-'))
}, 60_000)
afterAll(async () => {
  await browser?.close()
})

const writeReport = async (name: string, s: Scenario) => {
  const file = join(dir, `${name}.html`)
  writeFileSync(file, renderHtml(await reportData(s, { draws: 20 })))
  return file
}

/** What the page holds right after loading: its elements by tag and its title; undefined if it has left. */
async function parsed(page: Page): Promise<{ counts: Record<string, number>; title: string } | undefined> {
  try {
    return { counts: await tagCounts(page), title: await page.title() }
  } catch {
    return undefined // the page navigated away while being read
  }
}

describe('the HTML report in a browser, every text an XSS payload', () => {
  it(`${PAYLOADS.length} payloads: no navigation, no request, no script, no dialog, no element added`, async () => {
    // The report of the same scenario with a harmless text everywhere: the elements a report has.
    const control = await open(browser, await writeReport('control', withEveryText(base, 'plain text')))
    const expected = await tagCounts(control.page)
    await control.page.close()
    const faults: string[] = []
    const pages: Loaded[] = []
    for (const [k, payload] of PAYLOADS.entries()) {
      const where = `payload ${k} (${payload})`
      const loaded = await open(browser, await writeReport(`payload-${k}`, withEveryText(base, payload)))
      pages.push(loaded)
      const seen = await parsed(loaded.page)
      if (seen === undefined) continue // the navigation is reported below
      for (const tag of new Set([...Object.keys(seen.counts), ...Object.keys(expected)]))
        if (seen.counts[tag] !== expected[tag])
          faults.push(
            `${where}: ${seen.counts[tag] ?? 0} <${tag}> elements, the report has ${expected[tag] ?? 0}`,
          )
      // The payload is shown as text: the tab's title is the scenario title, character for character.
      if (seen.title !== payload.replace(/\s+/g, ' ').trim())
        faults.push(`${where}: the title reads ${JSON.stringify(seen.title)}`)
    }
    // The issue's refresh waits one second; give every page longer than that to act.
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    for (const [k, loaded] of pages.entries()) {
      const { page } = loaded
      const where = `payload ${k} (${PAYLOADS[k]})`
      if (page.url() !== loaded.url) faults.push(`${where}: the page went to ${page.url()}`)
      for (const n of loaded.navigations) faults.push(`${where}: navigated to ${n}`)
      for (const r of loaded.requests) faults.push(`${where}: requested ${r}`)
      for (const d of loaded.dialogs) faults.push(`${where}: a dialog said ${d}`)
      if (page.url() === loaded.url) {
        const ran = await page.evaluate(() => {
          const w = window as unknown as { __xss?: unknown; __pwned?: unknown }
          return [w.__xss, w.__pwned].filter((x) => x !== undefined)
        })
        if (ran.length > 0) faults.push(`${where}: a script ran (${ran.join(', ')})`)
      }
      await page.close()
    }
    expect(faults).toEqual([])
  }, 240_000)
})

// A guard rather than a fault: linkedom escaped an SVG <title>'s text before issue 21 too; the charts'
// tooltips now go through the same escaper as every other text, and must stay text.
describe('the charts’ tooltips in a browser', () => {
  it('a party or issue name that closes an SVG <title> stays text (the page title plain)', async () => {
    const names = (s: Scenario, text: string): Scenario => {
      const changed = structuredClone(s)
      changed.parties.forEach((p, k) => {
        p.name = `${text} ·p${k}`
      })
      changed.issues.forEach((i, k) => {
        i.name = `${text} ·i${k}`
      })
      return changed
    }
    const control = await open(browser, await writeReport('names-control', names(base, 'plain text')))
    const expected = await tagCounts(control.page)
    await control.page.close()
    const faults: string[] = []
    for (const [k, payload] of [SVG_TITLE_PAYLOAD, ISSUE_PAYLOAD].entries()) {
      const loaded = await open(browser, await writeReport(`names-${k}`, names(base, payload)))
      const seen = await parsed(loaded.page)
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      if (loaded.page.url() !== loaded.url) faults.push(`${payload}: the page went to ${loaded.page.url()}`)
      for (const r of loaded.requests) faults.push(`${payload}: requested ${r}`)
      if (seen !== undefined)
        for (const tag of new Set([...Object.keys(seen.counts), ...Object.keys(expected)]))
          if (seen.counts[tag] !== expected[tag])
            faults.push(`${payload}: ${seen.counts[tag] ?? 0} <${tag}>, the report has ${expected[tag] ?? 0}`)
      // The tooltip of the positions chart's first cell names the party, payload and all.
      const tooltips = await loaded.page
        .evaluate(() => [...document.querySelectorAll('svg title')].map((t) => t.textContent ?? ''))
        .catch(() => [])
      if (!tooltips.some((t) => t.includes(payload))) faults.push(`${payload}: no tooltip shows it as text`)
      await loaded.page.close()
    }
    expect(faults).toEqual([])
  }, 120_000)
})
