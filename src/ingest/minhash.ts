// MinHash signatures of word 5-shingles, and LSH bands to find near-duplicate candidates cheaply
// (Broder 1997, "On the resemblance and containment of documents"; banding as in Leskovec,
// Rajaraman & Ullman, Mining of Massive Datasets, ch. 3). 32 bands of 4 rows put the 50%-chance
// threshold near Jaccard (1/32)^(1/4) ≈ 0.42, below the 0.5 at which Parley links two articles.

export const HASHES = 128
export const BANDS = 32
const ROWS = HASHES / BANDS
const SHINGLE = 5

// Fixed odd multipliers and offsets for the hash family, from a seeded xorshift so they are reproducible.
const A = new Uint32Array(HASHES)
const B = new Uint32Array(HASHES)
{
  let s = 0x9e3779b9
  const next = () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return s >>> 0
  }
  for (let i = 0; i < HASHES; i++) {
    A[i] = next() | 1
    B[i] = next()
  }
}

/** FNV-1a, 32-bit. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function signature(text: string): Uint32Array {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const sig = new Uint32Array(HASHES).fill(0xffffffff)
  const count = Math.max(1, words.length - SHINGLE + 1)
  for (let i = 0; i < count; i++) {
    const x = fnv1a(words.slice(i, i + SHINGLE).join(' '))
    for (let k = 0; k < HASHES; k++) {
      // Multiply-shift mixing of the shingle hash: one permutation per k.
      let h = (Math.imul(x ^ (B[k] as number), A[k] as number) >>> 0) ^ (x >>> 15)
      h = Math.imul(h, 0x85ebca6b) >>> 0
      if (h < (sig[k] as number)) sig[k] = h
    }
  }
  return sig
}

/** One key per band: the hash of the band's rows, as a signed 32-bit integer (an SQL `integer`). */
export function bands(sig: Uint32Array): number[] {
  const keys: number[] = []
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b
    for (let r = 0; r < ROWS; r++) {
      h ^= sig[b * ROWS + r] as number
      h = Math.imul(h, 0x01000193)
    }
    keys.push(h | 0)
  }
  return keys
}

/** The share of equal hashes: an unbiased estimate of the Jaccard similarity of the shingle sets. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++
  return same / HASHES
}
