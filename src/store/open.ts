import { resolve } from 'node:path'
import { openPg, redact } from './pg.ts'
import { openPglite } from './pglite.ts'
import { type Store, sqlStore } from './store.ts'

/** The store's default location, relative to the working directory. */
export const DEFAULT_STORE = '.parley/db'

/** Where the store is: `--db`, else PARLEY_DB, else .parley/db. */
export function storeLocation(db?: string, env: NodeJS.ProcessEnv = process.env): string {
  return db ?? env.PARLEY_DB ?? DEFAULT_STORE
}

export function isServerUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location)
}

/** Opens the store at a directory (PGlite) or a postgres:// URL (a PostgreSQL server), applying migrations. */
export async function openStore(location: string): Promise<Store> {
  if (isServerUrl(location)) return sqlStore(await openPg(location), redact(location))
  const dir = resolve(location)
  return sqlStore(await openPglite(dir), dir)
}
