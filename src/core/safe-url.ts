// Links from untrusted text (article URLs, source URLs) are allowed only to http(s) addresses.

/** The URL, normalised, when it is an absolute http(s) URL without credentials; otherwise undefined. */
export function safeHttpUrl(raw: string | null | undefined): string | undefined {
  if (typeof raw !== 'string' || raw.length > 2048) return undefined
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (url.username !== '' || url.password !== '') return undefined
  return url.href
}
