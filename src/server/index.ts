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
export { openWorkspace, type Workspace } from './workspace.ts'
