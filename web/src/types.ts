// The API's answers, as the server's routes type them (hc<AppType>, src/server/app.ts).
import type { InferResponseType } from 'hono/client'
import type { api } from './api.ts'

export type HealthAnswer = InferResponseType<typeof api.health.$get>
export type ScenarioAnswer = InferResponseType<typeof api.scenario.$get>
export type ForecastAnswer = InferResponseType<typeof api.forecasts.$get>
export type SensitivityAnswer = InferResponseType<typeof api.sensitivity.$get>
export type ZopaAnswer = InferResponseType<typeof api.zopa.$get>
export type FrontierAnswer = InferResponseType<typeof api.frontier.$get>
export type ConditionsAnswer = InferResponseType<typeof api.conditions.$get>
export type ClaimsAnswer = InferResponseType<typeof api.claims.$get>
export type SourceAnswer = InferResponseType<(typeof api.sources)[':id']['$get']>
export type ContradictionsAnswer = InferResponseType<typeof api.contradictions.$get>
export type ChangesAnswer = InferResponseType<typeof api.changes.$get>
export type SearchAnswer = InferResponseType<typeof api.search.$get>
export type UpdatesAnswer = InferResponseType<typeof api.updates.$get>
export type EventsAnswer = InferResponseType<typeof api.events.$get>

export type Scenario = ScenarioAnswer['scenario']
export type StoredClaim = ClaimsAnswer['claims'][number]
export type StoredEvent = EventsAnswer['events'][number]
export type Contradiction = ContradictionsAnswer['contradictions'][number]
