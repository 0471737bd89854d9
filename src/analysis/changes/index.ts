export {
  CHANGE_KINDS,
  type ChangeKind,
  type ChangesInput,
  type ChangesReport,
  changesSince,
  type DatedClaim,
  dayText,
  type Move,
  type Placement,
  type TrajectoryPoint,
} from './changes.ts'
