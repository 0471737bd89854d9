import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeArticle, firstInvalidUtf8 } from '../../src/ingest/index.ts'

const utf16 = (s: string, le = true) => {
  const out = new Uint8Array(s.length * 2)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    out[2 * i + (le ? 0 : 1)] = c & 0xff
    out[2 * i + (le ? 1 : 0)] = c >> 8
  }
  return out
}
const text =
  'Kyiv had already agreed to the U.S. ceasefire proposal following negotiations in Saudi Arabia last week.'

describe('decodeArticle(bytes)', () => {
  it.each([
    ['an empty file', new Uint8Array(0), /^empty file$/],
    ['only whitespace', new TextEncoder().encode(' \n\t\n'), /only whitespace/],
    [
      'binary data',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      /binary data/,
    ],
    [
      'UTF-16 LE without a byte-order mark',
      utf16(text),
      /UTF-16 \(little-endian\) text without a byte-order mark/,
    ],
    ['UTF-16 BE without a byte-order mark', utf16(text, false), /UTF-16 \(big-endian\)/],
    [
      'invalid UTF-8 (a Latin-1 é)',
      new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]),
      /not valid UTF-8 \(first bad byte 0xe9 at offset 3\)/,
    ],
    [
      'a file over the size limit',
      new Uint8Array(2048).fill(0x61),
      /too large: 0\.0 MB \(the limit is 0\.0 MB\)/,
    ],
  ])('rejects %s with its reason', (_name, bytes, reason) => {
    const r = decodeArticle(bytes, 1024)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason).toMatch(reason)
  })

  it('decodes UTF-8 with or without a byte-order mark, and UTF-16 with one', () => {
    const utf8 = new TextEncoder().encode(text)
    expect(decodeArticle(utf8)).toEqual({ ok: true, text })
    expect(decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ ok: true, text })
    expect(decodeArticle(new Uint8Array([0xff, 0xfe, ...utf16(text)]))).toEqual({ ok: true, text })
    expect(decodeArticle(new Uint8Array([0xfe, 0xff, ...utf16(text, false)]))).toEqual({ ok: true, text })
  })

  it('firstInvalidUtf8(bytes) is -1 exactly when a strict UTF-8 decoder accepts the bytes (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let strictOk = true
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes)
        } catch {
          strictOk = false
        }
        return (firstInvalidUtf8(bytes) === -1) === strictOk
      }),
      { seed: 4, numRuns: 3000 },
    )
  })
})
