// A polite HTTP client for feeds and article pages: http(s) only, a timeout, a size limit read as
// the body streams in, conditional requests (ETag, Last-Modified), and a minimum delay between two
// requests to the same host. Every fault comes back as a reason, with whether a retry may help.

export interface FetchOptions {
  timeoutMs: number
  maxBytes: number
  userAgent: string
  etag?: string | null | undefined
  lastModified?: string | null | undefined
}

export type Fetched =
  | { status: 'ok'; body: Uint8Array; etag: string | null; lastModified: string | null; contentType: string }
  | { status: 'not_modified' }
  | { status: 'error'; reason: string; retryable: boolean }

/** Fetches `url` once. Never throws for a network or HTTP fault: it says what went wrong. */
export async function fetchPolitely(url: string, o: FetchOptions): Promise<Fetched> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { status: 'error', reason: `not a URL: ${url}`, retryable: false }
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return {
      status: 'error',
      reason: `only http and https are fetched, not ${parsed.protocol}`,
      retryable: false,
    }
  const headers: Record<string, string> = {
    'user-agent': o.userAgent,
    accept:
      'application/rss+xml, application/atom+xml, application/xml, text/xml, text/html, text/plain;q=0.8, */*;q=0.1',
  }
  if (o.etag) headers['if-none-match'] = o.etag
  if (o.lastModified) headers['if-modified-since'] = o.lastModified
  const signal = AbortSignal.timeout(o.timeoutMs)
  let response: Response
  try {
    response = await fetch(parsed, { headers, signal, redirect: 'follow' })
  } catch (error) {
    return { status: 'error', reason: networkReason(error, o.timeoutMs), retryable: true }
  }
  if (response.status === 304) {
    await response.body?.cancel().catch(() => {})
    return { status: 'not_modified' }
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {})
    const retryable = response.status >= 500 || response.status === 429 || response.status === 408
    return { status: 'error', reason: `HTTP ${response.status} ${response.statusText}`.trim(), retryable }
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (declared > o.maxBytes) {
    await response.body?.cancel().catch(() => {})
    return { status: 'error', reason: tooLarge(declared, o.maxBytes), retryable: false }
  }
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    const reader = response.body?.getReader()
    for (;;) {
      const part = await reader?.read()
      if (part === undefined || part.done) break
      size += part.value.byteLength
      if (size > o.maxBytes) {
        await reader?.cancel().catch(() => {})
        return { status: 'error', reason: tooLarge(size, o.maxBytes, 'over'), retryable: false }
      }
      chunks.push(part.value)
    }
  } catch (error) {
    return { status: 'error', reason: networkReason(error, o.timeoutMs), retryable: true }
  }
  return {
    status: 'ok',
    body: Buffer.concat(chunks),
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
    contentType: response.headers.get('content-type') ?? '',
  }
}

const tooLarge = (bytes: number, max: number, over = '') =>
  `too large: ${over ? 'over ' : ''}${(bytes / 1024 / 1024).toFixed(1)} MB (the limit is ${(max / 1024 / 1024).toFixed(1)} MB)`

function networkReason(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } }
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`
  const cause = e.cause?.code ?? e.cause?.message
  return `network error: ${cause ?? e.message}`
}

/** Keeps at least `delayMs` between the starts of two requests to the same host, in turn. */
export class HostGate {
  private readonly last = new Map<string, number>()
  private readonly turns = new Map<string, Promise<void>>()
  constructor(private readonly delayMs: number) {}
  async wait(url: string): Promise<void> {
    let host: string
    try {
      host = new URL(url).host
    } catch {
      return
    }
    const turn = (this.turns.get(host) ?? Promise.resolve()).then(async () => {
      // From the last request's actual start: a timer that fired late does not shorten the next wait.
      for (;;) {
        const left = (this.last.get(host) ?? Number.NEGATIVE_INFINITY) + this.delayMs - Date.now()
        if (left <= 0) break
        await new Promise((r) => setTimeout(r, left))
      }
      this.last.set(host, Date.now())
    })
    this.turns.set(host, turn)
    await turn
  }
}

/** The wait before retry `attempt` (1, 2, …): doubling from `baseMs`, at most `maxMs`. */
export function backoff(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1))
}
