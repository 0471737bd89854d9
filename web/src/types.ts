// The API's answers that views name, as the server's routes type them (hc<AppType>, src/server/app.ts).
import type { InferResponseType } from 'hono/client'
import type { api } from './api.ts'

export type FrontierAnswer = InferResponseType<typeof api.frontier.$get>
export type StoredClaim = InferResponseType<typeof api.claims.$get>['claims'][number]
