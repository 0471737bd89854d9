export { type AppOptions, type AppType, BODY_LIMIT, createApp } from './app.ts'
export {
  checkHost,
  DEFAULT_HOST,
  DEFAULT_PORT,
  isLoopback,
  isLoopbackHost,
  type Listening,
  listen,
  untilSignal,
} from './serve.ts'
export {
  type CaseSet,
  openWorkspace,
  singleCase,
  type Workspace,
  type WorkspaceOptions,
} from './workspace.ts'
