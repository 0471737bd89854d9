export {
  CASE_FILE,
  type Case,
  type CaseQuery,
  caseFilesBelow,
  findCase,
  findCaseFile,
  loadCase,
} from './case.ts'
export { CASE_SCHEMA, CaseFile } from './schema.ts'
