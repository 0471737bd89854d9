export {
  type DatedClaim,
  dayText,
  type Move,
  type MovesInput,
  type MovesReport,
  movesSince,
  type Placement,
  type TrajectoryPoint,
} from './moves.ts'
