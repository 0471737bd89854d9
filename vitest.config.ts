import { defineConfig } from 'vitest/config'
import { postgresUnavailable } from './test/helpers/postgres.ts'

// The PostgreSQL suites (*.pg.test.ts: the store contract, concurrent workers) need a server
// (Debian's postgresql, which .ci/run installs, or PARLEY_TEST_PG_URL); without one they are left
// out, and the pretest check says why.
const postgresTests = ['test/**/*.pg.test.ts']

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(postgresUnavailable() === undefined ? [] : postgresTests)],
    globalSetup: ['test/global-setup.ts'],
    // Each store test creates and migrates a PGlite database; on a loaded 2-core machine that can take 10 s.
    hookTimeout: 30_000,
    env: { TZ: 'UTC', LANG: 'C.UTF-8' },
  },
})
