export { type AdjustedWinnerResult, adjustedWinner, type Item } from './adjusted-winner.ts'
export { type Fraction, frac, show, toNumber } from './fraction.ts'
export { DivisionInput, divisionItems, divisionProblems, MAX_NASH_WELFARE_PAIRS } from './items.ts'
export { maxNashWelfare, type NashWelfareResult } from './nash-welfare.ts'
