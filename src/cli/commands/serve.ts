// parley serve: the dashboard and the JSON API over a store and a scenario, until Ctrl+C.
import type { Case } from '../../case/index.ts'
import { webRoot } from '../../paths.ts'
import {
  checkHost,
  createApp,
  DEFAULT_HOST,
  DEFAULT_PORT,
  listen,
  openWorkspace,
  untilSignal,
} from '../../server/index.ts'
import { openStore, type Store } from '../../store/index.ts'
import { caseOf, scenarioOf } from '../_case.ts'
import type { Io } from '../_io.ts'
import { parseCount } from './_options.ts'

export interface ListenAt {
  host: string
  port: number
  token: string | undefined
}

/** Host, port (--port, else PORT, else 4173) and token (PARLEY_TOKEN), checked before anything starts. */
export function listenOptions(opts: { host?: string; port?: string }, env = process.env): ListenAt {
  const host = opts.host ?? DEFAULT_HOST
  const port =
    parseCount(opts.port !== undefined ? '--port' : 'PORT', opts.port ?? (env.PORT || undefined), {
      max: 65535,
    }) ?? DEFAULT_PORT
  const token = env.PARLEY_TOKEN || undefined
  checkHost(host, token)
  return { host, port, token }
}

/** Serves the dashboard over `file` (the case's scenario, or another), the store and the case's lexicon. */
export async function serveDashboard(
  file: string,
  store: Store,
  at: ListenAt,
  io: Io,
  c: Pick<Case, 'id' | 'name' | 'lexicon'>,
): Promise<void> {
  const workspace = await openWorkspace(file, store, { lexicon: c.lexicon, case: { id: c.id, name: c.name } })
  const server = await listen(createApp(workspace, { webRoot, token: at.token }), at)
  io.out(
    `\nDashboard: ${server.url}${at.token ? ' (open it once as /?token=<PARLEY_TOKEN>)' : ''}  (Ctrl+C stops it)`,
  )
  await untilSignal()
  await server.close()
}

export async function run(
  file: string | undefined,
  opts: { case?: string; db?: string; host?: string; port?: string },
  io: Io,
): Promise<void> {
  const at = listenOptions(opts)
  const inCase = await caseOf(opts, [file])
  const scenario = scenarioOf(file, inCase, io)
  const store = await openStore(inCase.store)
  try {
    await serveDashboard(scenario, store, at, io, inCase.case)
  } finally {
    await store.close()
  }
}
