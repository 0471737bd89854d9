// The two arithmetics the exchange model runs in (exchange.ts, "Arithmetic"): Python's Decimal as the
// reference computes, through decimal.js with the same context, and float64. The model's steps take an
// `Arithmetic` and are written once for both.
import { Decimal } from 'decimal.js'

/** Python's default decimal context. */
const D = Decimal.clone({ precision: 28, rounding: Decimal.ROUND_HALF_EVEN })

/** The exact value of a binary double, as Python's Decimal(float) gives it. */
export function exactDecimal(x: number): Decimal {
  if (!Number.isFinite(x)) return new D(x)
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, x)
  const bits = view.getBigUint64(0)
  const negative = bits >> 63n === 1n
  const exponentBits = Number((bits >> 52n) & 0x7ffn)
  let mantissa = bits & ((1n << 52n) - 1n)
  let exponent: number
  if (exponentBits === 0) exponent = -1074
  else {
    mantissa |= 1n << 52n
    exponent = exponentBits - 1075
  }
  // x = mantissa · 2^exponent = mantissa · 5^-exponent · 10^exponent when exponent < 0.
  const digits = exponent >= 0 ? mantissa << BigInt(exponent) : mantissa * 5n ** BigInt(-exponent)
  const text = exponent >= 0 ? digits.toString() : `${digits}e${exponent}`
  return new D(negative ? `-${text}` : text)
}

/**
 * The operations the model needs, over decimal or float numbers. The comparisons are `cmp` read against
 * 0, in both implementations, so that NaN compares as each arithmetic's `cmp` says (decimal.js: never
 * true; the float `cmp`: equal).
 */
export interface Arithmetic<T> {
  of(x: number): T
  /** The reference's float constants (1e-10, 0.4, …) as it uses them: exactly, in Decimal. */
  constant(x: number): T
  plus(a: T, b: T): T
  minus(a: T, b: T): T
  times(a: T, b: T): T
  div(a: T, b: T): T
  abs(a: T): T
  neg(a: T): T
  cmp(a: T, b: T): number
  lt(a: T, b: T): boolean
  gt(a: T, b: T): boolean
  lte(a: T, b: T): boolean
  gte(a: T, b: T): boolean
  isZero(a: T): boolean
  isFinite(a: T): boolean
  toNumber(a: T): number
}

const DECIMAL_ZERO = new D(0)

export const decimalArithmetic: Arithmetic<Decimal> = {
  of: (x) => new D(x),
  constant: exactDecimal,
  plus: (a, b) => a.plus(b),
  minus: (a, b) => a.minus(b),
  times: (a, b) => a.times(b),
  div: (a, b) => a.div(b),
  abs: (a) => a.abs(),
  neg: (a) => a.neg(),
  cmp: (a, b) => a.cmp(b),
  lt: (a, b) => a.cmp(b) < 0,
  gt: (a, b) => a.cmp(b) > 0,
  lte: (a, b) => a.cmp(b) <= 0,
  gte: (a, b) => a.cmp(b) >= 0,
  isZero: (a) => a.cmp(DECIMAL_ZERO) === 0,
  isFinite: (a) => a.isFinite(),
  toNumber: (a) => a.toNumber(),
}

function floatCmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export const floatArithmetic: Arithmetic<number> = {
  of: (x) => x,
  constant: (x) => x,
  plus: (a, b) => a + b,
  minus: (a, b) => a - b,
  times: (a, b) => a * b,
  div: (a, b) => a / b,
  abs: Math.abs,
  neg: (a) => -a,
  cmp: floatCmp,
  lt: (a, b) => floatCmp(a, b) < 0,
  gt: (a, b) => floatCmp(a, b) > 0,
  lte: (a, b) => floatCmp(a, b) <= 0,
  gte: (a, b) => floatCmp(a, b) >= 0,
  isZero: (a) => floatCmp(a, 0) === 0,
  isFinite: Number.isFinite,
  toNumber: (a) => a,
}
