export { type AdjustedWinnerResult, adjustedWinner, type Item } from './adjusted-winner.ts'
export { type Fraction, frac, show, toNumber } from './fraction.ts'
export { maxNashWelfare, type NashWelfareResult } from './nash-welfare.ts'
