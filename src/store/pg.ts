// A PostgreSQL server through node-postgres: the team and scale path, with the store's same SQL.
import pg from 'pg'
import { InputError } from '../core/index.ts'
import type { Sql } from './sql.ts'

function wrapClient(client: pg.PoolClient): Sql {
  return {
    query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    transaction: async (fn) => fn(wrapClient(client)), // already inside one
    close: async () => {},
  }
}

export async function openPg(url: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  try {
    const client = await pool.connect()
    client.release()
  } catch (error) {
    await pool.end()
    throw new InputError(
      `cannot connect to the PostgreSQL server at ${redact(url)}: ${(error as Error).message}`,
    )
  }
  pool.on('error', () => {}) // an idle client's error surfaces on the next query instead
  return {
    query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
    transaction: async (fn) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(wrapClient(client))
        await client.query('COMMIT')
        client.release()
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        // A client whose connection broke is discarded, not handed to the next query.
        client.release(isStoreUnavailable(error) ? (error as Error) : undefined)
        throw error
      }
    },
    close: () => pool.end(),
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}

/**
 * Whether an error means the server cannot be reached right now (refused, reset, shut down, restarting),
 * rather than a fault of the request: the API answers 503 for these, and the pool reconnects by itself.
 */
export function isStoreUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined
  const code = typeof e?.code === 'string' ? e.code : ''
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(code))
    return true
  if (code.startsWith('08')) return true // connection exceptions
  const message = typeof e?.message === 'string' ? e.message : ''
  return /Connection terminated|terminating connection|connection error|Connection refused/i.test(message)
}
