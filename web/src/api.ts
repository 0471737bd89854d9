// The JSON API, with the what-if changes: an analysis is a GET while there are none, a POST with them after.
import type { WhatIfChange } from '../../src/scenario/index.ts'

export class ApiError extends Error {}

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

async function parse<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }))
  if (!response.ok) {
    const problems = (body.problems ?? []) as { path: string; message: string }[]
    throw new ApiError(
      [body.error ?? `HTTP ${response.status}`, ...problems.map((p) => `${p.path}: ${p.message}`)].join('; '),
    )
  }
  return body as T
}

/** A store endpoint (sources, claims, events, contradictions, health). */
export async function get<T>(path: string): Promise<T> {
  return parse<T>(await fetch(`/api/${path}`, { headers: { accept: 'application/json' } }))
}

/** An analysis of the scenario with the current what-if changes. */
export async function analysis<T>(path: string, query = ''): Promise<T> {
  const url = `/api/${path}${query ? `?${query}` : ''}`
  if (changes.length === 0) return parse<T>(await fetch(url, { headers: { accept: 'application/json' } }))
  return parse<T>(
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ changes }),
    }),
  )
}

/** The scenario file with the current changes, as text to save. */
export async function exportScenario(): Promise<{ name: string; text: string }> {
  const response = await fetch('/api/scenario/export', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ changes }),
  })
  if (!response.ok) await parse(response)
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'what-if.yaml'
  return { name, text: await response.text() }
}

/** The scenario file with the accepted update changes (ids such as "c1"), as text to save. */
export async function applyUpdates(accept: readonly string[]): Promise<{ name: string; text: string }> {
  const response = await fetch('/api/updates/apply', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accept }),
  })
  if (!response.ok) await parse(response)
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'updated.yaml'
  return { name, text: await response.text() }
}

/** Offers text as a file download. */
export function download(name: string, text: string): void {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }))
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
}
