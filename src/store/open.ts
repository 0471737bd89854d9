import { resolve } from 'node:path'
import { openPg, redact } from './pg.ts'
import { openPglite } from './pglite.ts'
import { type Store, sqlStore } from './store.ts'

export function isServerUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location)
}

/** Opens the store at a directory (PGlite) or a postgres:// URL (a PostgreSQL server), applying migrations. */
export async function openStore(location: string): Promise<Store> {
  if (isServerUrl(location)) return sqlStore(await openPg(location), redact(location))
  const dir = resolve(location)
  return sqlStore(await openPglite(dir), dir)
}
