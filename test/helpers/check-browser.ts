// The pretest check: says which Chromium the browser tests will use, or exits with the ways to get one.
import { findChromium, HOW_TO_GET_A_BROWSER } from './browser.ts'

try {
  const found = await findChromium()
  if (found === undefined) {
    console.error(HOW_TO_GET_A_BROWSER)
    process.exit(1)
  }
  console.log(`Browser tests use Chromium from ${found.source}: ${found.path}`)
} catch (error) {
  console.error(`${(error as Error).message}\n${HOW_TO_GET_A_BROWSER}`)
  process.exit(1)
}
