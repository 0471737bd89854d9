// The pretest check: says which Chromium the browser tests will use, or exits with the ways to get one;
// and says whether the PostgreSQL store tests run (vitest.config.ts leaves them out when no server can
// be started here, and this line says so, with how to get one).
import { findChromium, HOW_TO_GET_A_BROWSER } from './browser.ts'
import { postgresBinaries, postgresUnavailable } from './postgres.ts'

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

const unavailable = postgresUnavailable()
console.log(
  unavailable === undefined
    ? `PostgreSQL tests (store contract, concurrent workers) use ${process.env.PARLEY_TEST_PG_URL ? 'PARLEY_TEST_PG_URL' : `a throwaway server from ${postgresBinaries()}`}`
    : `PostgreSQL tests (store contract, concurrent workers) are left out: ${unavailable}`,
)
