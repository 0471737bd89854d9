// Bytes → text, or the reason they are not an article's text. Article files are untrusted: this
// is the first gate, before any parser sees them.

export type Decoded = { ok: true; text: string } | { ok: false; reason: string }

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024

export function decodeArticle(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  if (bytes.length === 0) return fail('empty file')
  if (bytes.length > maxBytes)
    return fail(`too large: ${megabytes(bytes.length)} (the limit is ${megabytes(maxBytes)})`)

  // Byte-order marks: UTF-8, UTF-16 LE and BE.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be')

  const sample = bytes.subarray(0, 64 * 1024)
  let nulEven = 0
  let nulOdd = 0
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] as number
    if (b === 0) {
      if (i % 2 === 0) nulEven++
      else nulOdd++
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++
  }
  const half = sample.length / 2
  if (nulOdd > half * 0.3 && nulEven < half * 0.05) {
    return fail('UTF-16 (little-endian) text without a byte-order mark; save it as UTF-8')
  }
  if (nulEven > half * 0.3 && nulOdd < half * 0.05) {
    return fail('UTF-16 (big-endian) text without a byte-order mark; save it as UTF-8')
  }
  if (nulEven + nulOdd > 0 || control > sample.length * 0.01) return fail('binary data, not text')
  return utf8(bytes)
}

function utf8(bytes: Uint8Array): Decoded {
  const bad = firstInvalidUtf8(bytes)
  if (bad !== -1)
    return fail(`not valid UTF-8 (first bad byte 0x${bytes[bad]?.toString(16)} at offset ${bad})`)
  return nonEmpty(new TextDecoder('utf-8').decode(bytes))
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    return nonEmpty(new TextDecoder(encoding, { fatal: true }).decode(bytes))
  } catch {
    return fail(`not valid ${encoding.toUpperCase()} despite its byte-order mark`)
  }
}

function nonEmpty(text: string): Decoded {
  return text.trim() === '' ? fail('empty file (only whitespace)') : { ok: true, text }
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000]
    else return i
    let cp = b & (0xff >> (need + 2))
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

function fail(reason: string): Decoded {
  return { ok: false, reason }
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
