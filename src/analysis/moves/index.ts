export {
  type DatedClaim,
  dayText,
  MOVE_KINDS,
  type Move,
  type MoveKind,
  type MovesInput,
  type MovesReport,
  movesSince,
  type Placement,
  type TrajectoryPoint,
} from './moves.ts'
