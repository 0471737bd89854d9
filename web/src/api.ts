// The JSON API, typed from the server's routes (hc<AppType>): a renamed field breaks the build, not the
// page. An analysis is a GET while there are no what-if changes, a POST with them after.
import { type ClientResponse, hc } from 'hono/client'
import { CASE_HEADER } from '../../src/core/index.ts'
import type { WhatIfChange } from '../../src/scenario/index.ts'
import type { AppType } from '../../src/server/index.ts'

export class ApiError extends Error {}

const CASE_KEY = 'parley-case'

/** The case this tab shows (its id), kept for the tab's session; none: the server's default case. */
export const shownCase = {
  get id(): string | undefined {
    return sessionStorage.getItem(CASE_KEY) ?? undefined
  },
  /** Shows another case: its scenario's what-if changes do not carry over. */
  set(id: string): void {
    sessionStorage.setItem(CASE_KEY, id)
    whatIf.reset()
  },
  /** Back to the server's default case (the one kept is no longer served). */
  clear(): void {
    sessionStorage.removeItem(CASE_KEY)
  },
}

/** The API's client: `api.forecasts.$get({ query: { rounds: '10' } })`, for the case this tab shows. */
export const api = hc<AppType>(location.origin, {
  headers: (): Record<string, string> => {
    const id = shownCase.id
    return id === undefined ? {} : { [CASE_HEADER]: id }
  },
}).api

let changes: WhatIfChange[] = []
const listeners = new Set<() => void>()

export const whatIf = {
  get changes(): readonly WhatIfChange[] {
    return changes
  },
  set(change: WhatIfChange): void {
    changes = [
      ...changes.filter(
        (c) => !(c.party === change.party && c.issue === change.issue && c.field === change.field),
      ),
      change,
    ]
    for (const l of listeners) l()
  },
  undo(): void {
    changes = changes.slice(0, -1)
    for (const l of listeners) l()
  },
  reset(): void {
    changes = []
    for (const l of listeners) l()
  },
  subscribe(fn: () => void): () => void {
    listeners.add(fn)
    return () => listeners.delete(fn)
  },
}

/** The server's error answer ({error, problems?}, src/server/app.ts) as one line; not a typed route. */
async function failure(response: { status: number; text(): Promise<string> }): Promise<ApiError> {
  let body: unknown
  try {
    body = JSON.parse(await response.text())
  } catch {
    body = undefined
  }
  const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined
  const problems =
    typeof body === 'object' && body !== null && 'problems' in body && Array.isArray(body.problems)
      ? body.problems
      : []
  const lines = problems.flatMap((p: unknown) =>
    typeof p === 'object' && p !== null && 'path' in p && 'message' in p ? [`${p.path}: ${p.message}`] : [],
  )
  return new ApiError([typeof error === 'string' ? error : `HTTP ${response.status}`, ...lines].join('; '))
}

/** The answer of a call, as the route types it; a non-2xx answer throws its error. */
export async function read<T>(pending: Promise<ClientResponse<T, number, 'json'>>): Promise<T> {
  const response = await pending
  if (!response.ok) throw await failure(response)
  return response.json()
}

/** A route that analyses the scenario: GET as the file says, POST with what-if changes. */
interface AnalysisRoute<Q, T> {
  $get(args: { query: Q }): Promise<ClientResponse<T, number, 'json'>>
  $post(args: { query: Q; json: { changes: WhatIfChange[] } }): Promise<ClientResponse<T, number, 'json'>>
}

/** An analysis of the scenario with the current what-if changes. */
export function analysis<Q, T>(route: AnalysisRoute<Q, T>, query: Q): Promise<T> {
  return read(changes.length === 0 ? route.$get({ query }) : route.$post({ query, json: { changes } }))
}

/** A file the server offers for download: its name (from Content-Disposition) and its text. */
async function fileOf(
  pending: Promise<{ ok: boolean; status: number; headers: Headers; text(): Promise<string> }>,
  fallback: string,
) {
  const response = await pending
  if (!response.ok) throw await failure(response)
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback
  return { name, text: await response.text() }
}

/** The scenario file with the current changes, as text to save. */
export function exportScenario(): Promise<{ name: string; text: string }> {
  return fileOf(api.scenario.export.$post({ json: { changes } }), 'what-if.yaml')
}

/** The scenario file with the accepted update changes (ids such as "c1"), as text to save. */
export function applyUpdates(accept: readonly string[]): Promise<{ name: string; text: string }> {
  return fileOf(api.updates.apply.$post({ json: { accept: [...accept] } }), 'updated.yaml')
}

/** Offers text as a file download. */
export function download(name: string, text: string): void {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }))
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
}
