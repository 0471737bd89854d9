// parley serve: the dashboard and the JSON API over a store and a scenario, until Ctrl+C.
import { type Case, caseFilesBelow, eventTypesOf, loadCase } from '../../case/index.ts'
import { InputError } from '../../core/index.ts'
import { webRoot } from '../../paths.ts'
import {
  type CaseSet,
  checkHost,
  createApp,
  DEFAULT_HOST,
  DEFAULT_PORT,
  listen,
  openWorkspace,
  untilSignal,
  type Workspace,
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
  c: Case,
): Promise<void> {
  const workspace = await openWorkspace(file, store, {
    lexicon: c.lexicon,
    case: { id: c.id, name: c.name },
    eventTypes: await eventTypesOf(c),
  })
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
  // No case here or above, and none named: the case folders below, if any, each with its own store.
  const below = inCase.how === 'bundled' && opts.db === undefined ? caseFilesBelow(process.cwd()) : []
  if (below.length > 0) return serveCases(await Promise.all(below.map((f) => loadCase(f))), at, io)
  const scenario = scenarioOf(file, inCase, io)
  const store = await openStore(inCase.store)
  try {
    await serveDashboard(scenario, store, at, io, inCase.case)
  } finally {
    await store.close()
  }
}

/** Serves several cases, the dashboard switching between them; each store opens on first use. */
async function serveCases(all: Case[], at: ListenAt, io: Io): Promise<void> {
  const cases = all.filter((c) => c.scenario !== undefined)
  for (const c of all.filter((x) => x.scenario === undefined))
    io.err(`parley: ${c.id} (${c.file}) has no scenario yet, so it is not served`)
  if (cases.length === 0) throw new InputError('none of the cases found below here has a scenario yet')
  const stores: Store[] = []
  const opened = new Map<string, Promise<Workspace>>()
  const set: CaseSet = {
    cases: cases.map((c) => ({ id: c.id, name: c.name })),
    open: (id) => {
      const c = id === undefined ? cases[0] : cases.find((x) => x.id === id)
      if (c === undefined)
        throw new InputError(`no case ${id}; this server serves ${cases.map((x) => x.id).join(', ')}`)
      let ws = opened.get(c.id)
      if (ws === undefined) {
        ws = openStore(c.store).then(async (store) => {
          stores.push(store)
          return openWorkspace(c.scenario as string, store, {
            lexicon: c.lexicon,
            case: { id: c.id, name: c.name },
            eventTypes: await eventTypesOf(c),
          })
        })
        opened.set(c.id, ws)
      }
      return ws
    },
  }
  try {
    const server = await listen(createApp(set, { webRoot, token: at.token }), at)
    io.out(
      `\nDashboard: ${server.url} over ${cases.length} cases: ${cases.map((c) => c.id).join(', ')}  (Ctrl+C stops it)`,
    )
    await untilSignal()
    await server.close()
  } finally {
    await Promise.all(stores.map((s) => s.close()))
  }
}
