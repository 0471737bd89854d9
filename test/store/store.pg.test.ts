import { afterAll, beforeAll, describe, it } from 'vitest'
import { openStore } from '../../src/store/index.ts'
import { freshDatabase, postgresUnavailable, startPostgres, type TestServer } from '../helpers/postgres.ts'
import { runStoreContract } from './contract.ts'

const unavailable = postgresUnavailable()
if (unavailable !== undefined) {
  describe('Store contract: PostgreSQL server', () => {
    it.skip(`skipped: ${unavailable}`, () => {})
  })
} else {
  let server: TestServer
  let n = 0
  beforeAll(async () => {
    server = await startPostgres()
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
  })
  runStoreContract('PostgreSQL server', async () =>
    openStore(await freshDatabase(server.url, `parley_contract_${n++}`)),
  )
}
