/** Exact rationals for the Adjusted Winner arithmetic (points are integers, so every quantity is rational). */
export interface Fraction {
  n: number
  d: number
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b))
export const frac = (n: number, d = 1): Fraction => {
  if (d === 0) throw new RangeError('division by zero')
  const g = gcd(n, d) || 1
  const sign = d < 0 ? -1 : 1
  return { n: (sign * n) / g, d: (sign * d) / g }
}
export const addF = (a: Fraction, b: Fraction) => frac(a.n * b.d + b.n * a.d, a.d * b.d)
export const subF = (a: Fraction, b: Fraction) => frac(a.n * b.d - b.n * a.d, a.d * b.d)
export const mulF = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d)
export const divF = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n)
export const cmpF = (a: Fraction, b: Fraction) => a.n * b.d - b.n * a.d
export const toNumber = (a: Fraction) => a.n / a.d
export const show = (a: Fraction) => (a.d === 1 ? String(a.n) : `${a.n}/${a.d}`)
