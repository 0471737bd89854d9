// The Chromium the browser tests drive, found in this order: $CHROMIUM_PATH, /usr/bin/chromium, then
// the binary inside the npm package @sparticuz/chromium (unpacked to /tmp on first use), so that
// `npm ci && npm test` alone has a browser. Launched with plain flags, not the package's Lambda ones.
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

export interface FoundBrowser {
  path: string
  source: '$CHROMIUM_PATH' | '/usr/bin/chromium' | '@sparticuz/chromium'
}

export const HOW_TO_GET_A_BROWSER = [
  'No Chromium found for the browser tests. Any one of these gives one:',
  '  1. set CHROMIUM_PATH to a Chromium or Chrome binary;',
  '  2. install Debian’s chromium (apt-get install chromium), which provides /usr/bin/chromium;',
  '  3. run npm ci, which installs @sparticuz/chromium 147.0.0 with its own binary (node_modules/@sparticuz/chromium/bin).',
].join('\n')

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser | undefined> {
  const fromEnv = env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv}: no such file`)
    return { path: fromEnv, source: '$CHROMIUM_PATH' }
  }
  if (existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium', source: '/usr/bin/chromium' }
  try {
    const { default: sparticuz } = await import('@sparticuz/chromium')
    return { path: await sparticuz.executablePath(), source: '@sparticuz/chromium' }
  } catch {
    return undefined
  }
}

/** Flags for a headless Chromium on a machine without a GPU, a sandbox or a network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
]

export async function launchChromium(): Promise<Browser> {
  const found = await findChromium()
  if (found === undefined) throw new Error(HOW_TO_GET_A_BROWSER)
  return chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS, headless: true })
}
