import { afterAll, beforeAll } from 'vitest'
import { openStore } from '../../src/store/index.ts'
import { freshDatabase, startPostgres, type TestServer } from '../helpers/postgres.ts'
import { runStoreContract } from './contract.ts'

// Runs only where a server can be started: vitest.config.ts leaves this file out otherwise.
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
