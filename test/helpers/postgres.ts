// A throwaway PostgreSQL server for tests, started from the Debian package's binaries on a free
// local port, or the server named by PARLEY_TEST_PG_URL. Without either, vitest.config.ts leaves those tests out and the pretest check says why.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface TestServer {
  url: string
  stop(): Promise<void>
  /** Stops the server (fast shutdown) and starts it again on the same data and port: for fault tests. */
  down?(): Promise<void>
  up?(): Promise<void>
}

/** The directory of initdb and postgres, or undefined. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  for (const v of versions) {
    const bin = join(root, v, 'bin')
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres'))) return bin
  }
  return undefined
}

/** Why the PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresUnavailable(): string | undefined {
  if (process.env.PARLEY_TEST_PG_URL) return undefined
  if (postgresBinaries() === undefined)
    return 'no PostgreSQL server binaries (install Debian package postgresql, or set PARLEY_TEST_PG_URL)'
  return undefined
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/** `durable` keeps fsync on (benchmarks); tests run without it. */
export async function startPostgres({ durable = false }: { durable?: boolean } = {}): Promise<TestServer> {
  const given = process.env.PARLEY_TEST_PG_URL
  if (given) return { url: given, stop: async () => {} }
  const bin = postgresBinaries()
  if (bin === undefined) throw new Error('no PostgreSQL binaries')
  const dir = mkdtempSync(join(tmpdir(), 'parley-pg-'))
  const data = join(dir, 'data')
  const asRoot = process.getuid?.() === 0
  const as = (cmd: string, args: string[]) =>
    (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]) as [string, string[]]
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(dir, uid, gid)
    chmodSync(dir, 0o700)
  }
  execFileSync(
    ...as(join(bin, 'initdb'), ['-D', data, '-U', 'parley', '--auth=trust', '--no-sync', '-E', 'UTF8']),
    { stdio: 'ignore' },
  )
  const port = await freePort()
  const url = `postgres://parley@127.0.0.1:${port}/postgres`
  const launch = async () => {
    const child: ChildProcess = spawn(
      ...as(join(bin, 'postgres'), [
        '-D',
        data,
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'listen_addresses=127.0.0.1',
        ...(durable ? [] : ['-c', 'fsync=off']),
      ]),
      { stdio: 'ignore' },
    )
    for (let i = 0; i < 100; i++) {
      try {
        const client = new pg.Client({ connectionString: url })
        await client.connect()
        await client.end()
        break
      } catch {
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    return child
  }
  // runuser does not forward signals: stop the postmaster itself (fast shutdown on SIGINT).
  const shutdown = async (child: ChildProcess) => {
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
    const exited = new Promise((r) => child.once('exit', r))
    process.kill(pid, 'SIGINT')
    await exited
  }
  let server = await launch()
  return {
    url,
    stop: async () => {
      await shutdown(server)
      rmSync(dir, { recursive: true, force: true })
    },
    down: () => shutdown(server),
    up: async () => {
      server = await launch()
    },
  }
}

/** A fresh, empty database on the server, so each test file starts clean. */
export async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`drop database if exists ${name}`)
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}
