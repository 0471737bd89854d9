// The commands on articles and the store: read articles into it (ingest, watch) or only extract from
// them (extract), query it (claims, changes, search, contradictions), and the main job and the
// dashboard over it (start, serve). Each loads its module, and with it the readers, the extractor, the
// store or the server, only when it runs.
import { type ArgumentSpec, defineCommand, type OptionSpec } from '../_command.ts'
import { caseOption } from './_case-option.ts'

const dbOption = {
  flags: '--db <location>',
  description: "store: a directory (PGlite) or a postgres:// URL; default PARLEY_DB, else the case's store",
} as const satisfies OptionSpec

const extractionOptions = [
  {
    flags: '--lexicon <file>',
    description: "extraction lexicon (YAML or JSON, docs/lexicon.md); default: the case's lexicon",
  },
  {
    flags: '--scenario <file>',
    description: "take parties and issues from a scenario's aliases, with the lexicon's terms",
  },
  {
    flags: '--extractor <name>',
    description: 'lexicon (default, offline) or llm (PARLEY_LLM_URL, PARLEY_LLM_MODEL)',
    choices: ['lexicon', 'llm'],
  },
  {
    flags: '--reference-date <date>',
    description: 'resolve dates without a year against this date (never today)',
  },
] as const satisfies readonly OptionSpec[]

export const ingest = defineCommand({
  name: 'ingest',
  description: 'read articles (text, HTML, RSS/Atom, directories), extract claims and events, and store them',
  arguments: [
    { name: '[paths...]', description: 'files or directories to queue (none: only work the queue)' },
  ],
  options: [
    caseOption,
    dbOption,
    { flags: '--max-mb <n>', description: 'skip inputs larger than this (default 5)' },
    {
      flags: '--queue-only',
      description: 'queue the inputs and stop: workers (`parley ingest` with no paths) ingest them',
    },
    { flags: '--worker <name>', description: 'how this worker signs what it ingests (default host:pid)' },
    { flags: '--batch <n>', description: 'inputs taken per transaction (default 8)' },
    { flags: '--json', description: 'print the ingest report as JSON' },
    ...extractionOptions,
  ],
  run: async ({ args, options, io }) => (await import('./ingest.ts')).run(args.paths, options, io),
})

export const watch = defineCommand({
  name: 'watch',
  description:
    'poll RSS/Atom feeds, fetch the new pages they link to (politely: ETag and Last-Modified, a per-host delay, a timeout, a size limit) and ingest them; faults are retried with backoff',
  arguments: [{ name: '[feeds...]', description: "feed URLs (http or https); default: the case's feeds" }],
  options: [
    caseOption,
    dbOption,
    { flags: '--every <duration>', description: 'time between polls, e.g. 15m (default), 1h' },
    { flags: '--once', description: 'poll once and stop (for cron or a test)' },
    { flags: '--delay <duration>', description: 'least time between two requests to one host (default 2s)' },
    { flags: '--timeout <duration>', description: 'give up a request after this (default 20s)' },
    { flags: '--max-mb <n>', description: 'refuse feeds and pages larger than this (default 5)' },
    {
      flags: '--retry <duration>',
      description: 'first wait after a fault, doubling after each further one (default 1m)',
    },
    { flags: '--attempts <n>', description: 'give a page up after this many faults (default 5)' },
    { flags: '--json', description: 'print each poll as one JSON line' },
    ...extractionOptions,
  ],
  run: async ({ args, options, io, version }) =>
    (await import('./watch.ts')).run(args.feeds, options, io, version),
})

export const extract = defineCommand({
  name: 'extract',
  description: 'extract claims and events from articles without storing them',
  arguments: [{ name: '<paths...>', description: 'files or directories' }],
  options: [
    caseOption,
    {
      flags: '--json',
      description:
        'print the parley-gold/1 JSON (claims and events with quotes and offsets, and contradictions)',
    },
    {
      flags: '--eval <gold>',
      description: 'score the extraction against a gold file: precision, recall, F1, verbatim quotes',
    },
    ...extractionOptions,
  ],
  run: async ({ args, options, io }) => (await import('./extract.ts')).run(args.paths, options, io),
})

export const claims = defineCommand({
  name: 'claims',
  description: 'list the claims in the store',
  options: [
    caseOption,
    dbOption,
    { flags: '--party <id>', description: 'only this party' },
    { flags: '--issue <id>', description: 'only this issue (as the issue or the condition)' },
    { flags: '--act <act>', description: 'only this act: demand, propose, accept, reject, condition' },
    { flags: '--limit <n>', description: 'at most this many (default 100)' },
    { flags: '--offset <n>', description: 'skip this many' },
    { flags: '--json', description: 'print {total, limit, offset, claims}' },
  ],
  run: async ({ options, io }) => (await import('./claims.ts')).run(options, io),
})

export const changes = defineCommand({
  name: 'changes',
  description:
    'what moved since a date: new demands, concessions, hardenings, reversals, new conditions and rejections, each with its quote',
  options: [
    { flags: '--since <date>', description: 'first day, YYYY-MM-DD', required: true },
    { flags: '--until <date>', description: 'last day, YYYY-MM-DD (default: no end)' },
    {
      flags: '--kind <kinds>',
      description:
        'only these kinds, comma-separated: new_demand, concession, hardening, reversal, new_condition, new_rejection',
    },
    {
      flags: '--lexicon <file>',
      description: "the lexicon whose option cues place each claim (default: the case's lexicon)",
    },
    caseOption,
    dbOption,
    { flags: '--json', description: 'print {since, until, moves, trajectories, truncated, undated}' },
  ],
  run: async ({ options, io }) => (await import('./changes.ts')).run(options, io),
})

export const search = defineCommand({
  name: 'search',
  description:
    'full-text search of the stored articles and claim quotes (PostgreSQL text search: words are stemmed, "…" is a phrase, -word excludes, or)',
  arguments: [{ name: '<query>', description: 'what to look for, e.g. \'"energy infrastructure" -Kursk\'' }],
  options: [
    caseOption,
    dbOption,
    { flags: '--limit <n>', description: 'at most this many articles and this many claims (default 10)' },
    { flags: '--offset <n>', description: 'skip this many of each' },
    {
      flags: '--json',
      description:
        'print {query, documents: {total, hits}, claims: {total, hits}}; matches in snippets are marked by \\u0002 … \\u0003',
    },
  ],
  run: async ({ args, options, io }) => (await import('./search.ts')).run(args.query, options, io),
})

export const contradictions = defineCommand({
  name: 'contradictions',
  description: 'conflicting statements across the stored articles, with both quotes',
  options: [
    caseOption,
    dbOption,
    { flags: '--recent <n>', description: 'compare the claims of the n newest articles (default 1000)' },
    { flags: '--json', description: 'print {contradictions}' },
  ],
  run: async ({ options, io }) => (await import('./contradictions.ts')).run(options, io),
})

const dashboardScenario = {
  name: '[file]',
  description: "scenario file; default: the case's scenario",
} as const satisfies ArgumentSpec

export const start = defineCommand({
  name: 'start',
  description:
    'the main job: ingest the corpus, check the scenario, run the analyses, print a summary, serve the dashboard',
  arguments: [dashboardScenario],
  options: [
    caseOption,
    dbOption,
    {
      flags: '--corpus <dir>',
      description: "articles to ingest first; default: the case's corpus",
    },
    { flags: '--no-serve', description: 'print the summary and stop, without serving the dashboard' },
    {
      flags: '--host <host>',
      description: 'where the dashboard listens (default 127.0.0.1; others need PARLEY_TOKEN)',
    },
    { flags: '--port <port>', description: 'its port (default PORT, else 4173)' },
  ],
  run: async ({ args, options, io }) => (await import('./start.ts')).run(args.file, options, io),
})

export const serve = defineCommand({
  name: 'serve',
  description: 'serve the dashboard and the JSON API over the store and a scenario, until Ctrl+C',
  arguments: [dashboardScenario],
  options: [
    caseOption,
    dbOption,
    {
      flags: '--host <host>',
      description: 'where to listen (default 127.0.0.1; any other host needs PARLEY_TOKEN)',
    },
    { flags: '--port <port>', description: 'the port (default PORT, else 4173; 0 picks a free one)' },
  ],
  run: async ({ args, options, io }) => (await import('./serve.ts')).run(args.file, options, io),
})
