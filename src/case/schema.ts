// The case file, parley.yaml: one negotiation as one folder. Paths are relative to the folder.
import { z } from 'zod'
import { Id } from '../scenario/index.ts'

const Path = z.string().min(1, { error: 'expected a path' })

export const CASE_SCHEMA = 'parley-case/1'

export const CaseFile = z.strictObject({
  schema: z.literal(CASE_SCHEMA, { error: `expected "${CASE_SCHEMA}"` }).optional(),
  /** A short id: the dashboard's case switcher and the store's default folder name use it. */
  id: Id,
  /** The negotiation's name, as the dashboard and the reports show it. */
  name: z.string().min(1),
  about: z.string().optional(),
  /** Article files or folders to ingest (text, HTML, RSS/Atom). */
  corpus: z.array(Path).default([]),
  /** RSS/Atom feeds for `parley watch`. */
  feeds: z.array(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' })).default([]),
  /** The extraction lexicon (docs/lexicon.md). */
  lexicon: Path,
  /** The scenario, once there is one (`parley scenario draft` writes a first one). */
  scenario: Path.optional(),
  /** The store: a folder (PGlite), relative to the case, or a postgres:// URL. Default: .parley/db in the case. */
  store: z.string().min(1).optional(),
  /**
   * The event types extracted and allowed in the scenario. Default: the general ones (call, meeting,
   * talks, strike, agreement); a case-specific type ("sanctions") takes its cues from the lexicon's `events`.
   */
  event_types: z.array(Id).min(1).optional(),
})
export type CaseFile = z.infer<typeof CaseFile>
