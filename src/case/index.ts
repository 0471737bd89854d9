export {
  CASE_FILE,
  type Case,
  type CaseQuery,
  caseFilesBelow,
  eventTypesOf,
  findCase,
  findCaseFile,
  loadCase,
} from './case.ts'
export { CASE_SCHEMA, CaseFile } from './schema.ts'
