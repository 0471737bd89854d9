// The scenario and its analyses. GET an analysis for the scenario as its file says; POST {changes: [...]}
// to the same path for the scenario with what-if changes (src/scenario/whatif.ts). Every figure comes
// from one bundle of analyses (src/analyze), with its defaults.
import { Hono } from 'hono'
import { z } from 'zod'
import { ANALYSIS_DEFAULTS, InputError } from '../core/index.ts'
import { WhatIfChanges } from '../scenario/index.ts'
import { count, jsonBody, jsonOnly, query, text } from './_validate.ts'
import type { CaseEnv, Workspace } from './workspace.ts'

const CHANGES = '{"changes": [...]}'
const ChangesBody = z.strictObject({ changes: WhatIfChanges })
const AcceptBody = z.strictObject({ accept: z.array(z.string().regex(/^c\d{1,6}$/)).max(10_000) })

/**
 * The most a request may ask of an analysis. The analyses run on the server's one event loop, so while
 * one runs no other request is answered, /api/health included: each request is capped so that it holds
 * the loop for about a second at most on the bundled scenario (issue 21). 2,000 draws, the most the
 * dashboard offers, took 0.5–1.5 s there; the old cap, 20,000, held every other request for 5.5 s,
 * and a page could ask for it again with each new seed. More draws: `parley sensitivity --draws N`.
 * A what-if's changes are capped by its schema (500) and the body by BODY_LIMIT (64 KiB).
 */
const MAX_DRAWS = 2_000
/** The rounds of the iterative models: 100 take about 0.5 s on the bundled scenario. */
const MAX_ROUNDS = 100

const RoundsQuery = z.object({ rounds: count('rounds', ANALYSIS_DEFAULTS.rounds, MAX_ROUNDS) })
const SensitivityQuery = z.object({
  draws: count('draws', ANALYSIS_DEFAULTS.draws, MAX_DRAWS),
  seed: count('seed', ANALYSIS_DEFAULTS.seed, 2 ** 32 - 1),
})
const FrontierQuery = z.object({
  parties: text().transform((raw) => {
    const parties = raw
      ?.split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '')
    return parties && parties.length > 0 ? parties : undefined
  }),
})

type Changes = z.infer<typeof ChangesBody>['changes']

const scenarioAnswer = (ws: Workspace, changes: Changes) => ({
  file: ws.file,
  changes,
  scenario: ws.scenario(changes),
  evidence: ws.analyses(changes).evidence,
})

export function scenarioRoutes() {
  return (
    new Hono<CaseEnv>()
      .get('/api/scenario', (c) => c.json(scenarioAnswer(c.var.ws, [])))
      .post('/api/scenario', jsonOnly(CHANGES), jsonBody(ChangesBody), (c) =>
        c.json(scenarioAnswer(c.var.ws, c.req.valid('json').changes)),
      )
      .post('/api/scenario/export', jsonOnly(CHANGES), jsonBody(ChangesBody), (c) => {
        const { changes } = c.req.valid('json')
        const ws = c.var.ws
        const s = ws.scenario(changes) // validates the changed scenario first
        c.header('Content-Type', 'application/yaml; charset=utf-8')
        c.header('Content-Disposition', `attachment; filename="${s.meta.id}-what-if.yaml"`)
        return c.body(ws.text(changes))
      })
      // Scenario updates from the store's new articles: the change set, and the file with some accepted.
      .get('/api/updates', async (c) => c.json(await c.var.ws.updates()))
      .post('/api/updates/apply', jsonOnly('{"accept": ["c1", …]}'), jsonBody(AcceptBody), async (c) => {
        const ws = c.var.ws
        const text = await ws.applyUpdates(c.req.valid('json').accept, new Date().toISOString().slice(0, 10))
        c.header('Content-Type', 'application/yaml; charset=utf-8')
        c.header('Content-Disposition', `attachment; filename="${ws.scenario().meta.id}-updated.yaml"`)
        return c.body(text)
      })
  )
}

const forecasts = (ws: Workspace, changes: Changes, q: z.infer<typeof RoundsQuery>) =>
  ws.analyses(changes, q).forecasts
const sensitivity = (ws: Workspace, changes: Changes, q: z.infer<typeof SensitivityQuery>) =>
  ws.analyses(changes, q).sensitivity
const frontier = (ws: Workspace, changes: Changes, q: z.infer<typeof FrontierQuery>) => {
  const { frontier, note } = ws.analyses(changes, q).frontier
  if (frontier === null) throw new InputError(note)
  return frontier
}
const zopa = (ws: Workspace, changes: Changes) => ws.analyses(changes).zopa
const conditions = (ws: Workspace, changes: Changes) => ws.analyses(changes).conditions

export function analysisRoutes() {
  const changed = jsonBody(ChangesBody)
  const asJson = jsonOnly(CHANGES)
  return new Hono<CaseEnv>()
    .get('/api/forecasts', query(RoundsQuery), (c) => c.json(forecasts(c.var.ws, [], c.req.valid('query'))))
    .post('/api/forecasts', query(RoundsQuery), asJson, changed, (c) =>
      c.json(forecasts(c.var.ws, c.req.valid('json').changes, c.req.valid('query'))),
    )
    .get('/api/sensitivity', query(SensitivityQuery), (c) =>
      c.json(sensitivity(c.var.ws, [], c.req.valid('query'))),
    )
    .post('/api/sensitivity', query(SensitivityQuery), asJson, changed, (c) =>
      c.json(sensitivity(c.var.ws, c.req.valid('json').changes, c.req.valid('query'))),
    )
    .get('/api/zopa', (c) => c.json(zopa(c.var.ws, [])))
    .post('/api/zopa', asJson, changed, (c) => c.json(zopa(c.var.ws, c.req.valid('json').changes)))
    .get('/api/frontier', query(FrontierQuery), (c) => c.json(frontier(c.var.ws, [], c.req.valid('query'))))
    .post('/api/frontier', query(FrontierQuery), asJson, changed, (c) =>
      c.json(frontier(c.var.ws, c.req.valid('json').changes, c.req.valid('query'))),
    )
    .get('/api/conditions', (c) => c.json(conditions(c.var.ws, [])))
    .post('/api/conditions', asJson, changed, (c) =>
      c.json(conditions(c.var.ws, c.req.valid('json').changes)),
    )
}
