// `parley`: a thin layer over the library. Each command lives in commands/ and is loaded only when
// it runs, so `parley --help` loads nothing but commander.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Command, CommanderError, Option } from 'commander'
import { InputError } from '../core/index.ts'
import { packageRoot } from '../paths.ts'
import { type Io, processIo } from './_io.ts'

export const EXIT_OK = 0
export const EXIT_BAD_INPUT = 1
export const EXIT_INTERNAL = 2

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io)
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return EXIT_OK
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed its message (usage errors) or the help and version text.
      return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT
    }
    if (error instanceof InputError) {
      io.err(error.message)
      return EXIT_BAD_INPUT
    }
    const detail = process.env.PARLEY_DEBUG ? (error as Error)?.stack : (error as Error)?.message
    io.err(
      `parley: internal error: ${detail ?? String(error)}\nThis is a bug in Parley; set PARLEY_DEBUG=1 for the stack trace.`,
    )
    return EXIT_INTERNAL
  }
}

function buildProgram(io: Io): Command {
  const program = new Command('parley')
    .description('Negotiation analysis: from news articles to an evidence-backed model, and its analyses.')
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run with --help for usage)')

  const scenario = program.command('scenario').description('check, show, draft and update scenario files')
  scenario
    .command('check')
    .description(
      'validate a scenario file: schema, references, and that every quote is verbatim in its source',
    )
    .argument('<file>', 'scenario file (YAML or JSON)')
    .action(async (file: string) => (await import('./commands/scenario-check.ts')).run(file, io))
  scenario
    .command('show')
    .description('print a scenario: parties, issues, stances, conditions and events')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option('--json', 'print the validated scenario as JSON')
    .action(async (file: string, opts: { json?: boolean }) =>
      (await import('./commands/scenario-show.ts')).run(file, opts, io),
    )

  scenario
    .command('draft')
    .description(
      'draft a scenario from the claims and events of a store or of article files; every number cites its claims, and what no claim supports stays empty',
    )
    .requiredOption(
      '--from <paths...>',
      'a store (directory or postgres:// URL) or article files and directories',
    )
    .option('--parties <ids>', 'comma-separated party ids (default: every actor of a claim)')
    .option(
      '--issues <ids>',
      'comma-separated issue ids (default: every issue with options that a party spoke on)',
    )
    .option('--as-of <date>', 'only articles dated up to this day (YYYY-MM-DD)')
    .option(
      '--lexicon <file>',
      'the lexicon with parties, issues and their options (default: the bundled one)',
    )
    .option(
      '--base <scenario>',
      'fill empty numbers from this scenario (marked as such) and drop what stays empty, so the draft loads',
    )
    .option(
      '--compare <scenario>',
      'print how far the draft agrees with this curated scenario instead of the draft',
    )
    .option('--out <file>', 'write the drafted scenario (YAML) here')
    .option('--json', 'print the draft (or, with --compare, the agreement) as JSON')
    .action(async (opts: import('./commands/scenario-draft.ts').DraftOptions) =>
      (await import('./commands/scenario-draft.ts')).runDraft(opts, io),
    )
  scenario
    .command('update')
    .description(
      "propose the changes new articles make to a scenario, each with its quotes; accept some and write the result, with each change in the scenario's history",
    )
    .argument('<file>', 'the scenario to update')
    .requiredOption(
      '--from <paths...>',
      'a store (directory or postgres:// URL) or article files and directories',
    )
    .option('--accept <ids>', '"all" or comma-separated change ids (c1,c3) to write')
    .option(
      '--out <file>',
      'where to write the updated scenario (beside the original); default standard output',
    )
    .option('--accepted-on <date>', 'the acceptance date recorded in the history (default today)')
    .option('--as-of <date>', 'only articles dated up to this day')
    .option('--lexicon <file>', 'the lexicon with the option cues (default: the bundled one)')
    .option('--json', 'print the change set as JSON')
    .action(async (file: string, opts: import('./commands/scenario-draft.ts').UpdateOptions) =>
      (await import('./commands/scenario-draft.ts')).runUpdate(file, opts, io),
    )

  program
    .command('forecast')
    .description('forecast the outcome of every issue: compromise, mean, median, nbs, eum, exchange')
    .argument('<file>', 'a scenario (YAML or JSON), a BdM CSV, a DECIDE file or the DEU CSV')
    .addOption(new Option('--model <ids>', 'comma-separated model ids').default('compromise,mean,median'))
    .option('--rounds <n>', 'rounds of the iterative models (eum, exchange); default 10')
    .option('--capitulation <reading>', 'EUM: reference (the port: never capitulates) or corrected')
    .option('--format <format>', 'auto (default), scenario, bdm, decide or deu')
    .option('--capability <proxy>', 'DEU: none (every actor 1, default) or gdp (the file’s GDP-like row)')
    .option(
      '--repetitions <n>',
      'exchange: also run n times with random tie-breaks; report mean and variance',
    )
    .option('--seed <s>', 'random seed of the repetitions (default 1)')
    .option(
      '--arithmetic <kind>',
      'exchange: decimal (default; 28 digits, as the reference computes) or float (faster; ties may break otherwise)',
    )
    .option('--json', 'print {input, issues: [{id, models: {<model>: {position, rounds?}}}]}')
    .action(async (file: string, opts: { model: string; json?: boolean }) =>
      (await import('./commands/forecast.ts')).run(file, opts, io),
    )

  program
    .command('conditions')
    .description("deadlocks between the parties' conditions, the cheapest relaxations, and a roadmap")
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option('--cost <basis>', 'relaxation cost: salience (default) or count')
    .option('--top <n>', 'how many relaxations to list (default 5)')
    .option('--json', 'print {consistent, deadlocks, relaxations, roadmap, …}')
    .action(async (file: string, opts) => (await import('./commands/conditions.ts')).run(file, opts, io))

  program
    .command('sensitivity')
    .description(
      'Monte Carlo over the uncertain numbers: the spread of each forecast, and what moves it most',
    )
    .argument('<file>', 'scenario file')
    .option('--draws <n>', 'number of draws (default 1000)')
    .option('--seed <s>', 'random seed (default 1)')
    .option('--band <points>', '± band for numbers that rest on an assumption alone (default 15)')
    .option('--model <ids>', 'models (default compromise,median,nbs,eum)')
    .option('--rounds <n>', 'rounds of the iterative models (default 10)')
    .option('--json', 'print the distributions and drivers as JSON')
    .action(async (file: string, opts) => (await import('./commands/sensitivity.ts')).run(file, opts, io))

  program
    .command('report')
    .description(
      'write one self-contained report: summary, charts as inline SVG, every figure with its evidence',
    )
    .argument('<file>', 'scenario file')
    .option('--format <format>', 'html (default) or md')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--draws <n>', 'sensitivity draws (default 1000)')
    .option('--seed <s>', 'sensitivity seed (default 1)')
    .action(async (file: string, opts) => (await import('./commands/report.ts')).run(file, opts, io))

  program
    .command('backtest')
    .description('score the forecasting models on data with real outcomes (DEU: 351 EU legislative issues)')
    .argument('<kind>', 'the data set: deu')
    .argument('<file>', 'the DEU CSV (deu3.csv)')
    .option('--rounds <n>', 'rounds of the EUM and the exchange model (default 10)')
    .option(
      '--arithmetic <kind>',
      'exchange: float (default here; seconds) or decimal (as the reference computes; about a minute per run)',
    )
    .option('--json', 'print {n, models: {<name>: {mae, median_ae, capability}}}')
    .action(async (kind: string, file: string, opts) =>
      (await import('./commands/backtest.ts')).run(kind, file, opts, io),
    )

  program
    .command('zopa')
    .description(
      'where every red line can be met, which red lines rule agreement out, and the cheapest relaxation',
    )
    .argument('<file>', 'scenario file')
    .option('--json', 'print the ZOPA per issue as JSON')
    .action(async (file: string, opts) => (await import('./commands/packages.ts')).runZopa(file, opts, io))
  program
    .command('frontier')
    .description(
      'the exact Pareto frontier with the Nash, Kalai–Smorodinsky, equal-utility and welfare points',
    )
    .argument(
      '<input>',
      'a scenario file, a GENIUS folder (domain and profile XML) or a GeniusWeb folder (JSON)',
    )
    .option('--parties <ids>', 'parties in order (for GENIUS: profile file names without .xml)')
    .option('--issues <ids>', 'scenario issues (default: those on which two of the parties hold a stance)')
    .option(
      '--disagreement <basis>',
      'reservation (default: reservation values, 0 when absent) or minimum (worst utility)',
    )
    .option(
      '--json',
      'print {outcomes, pareto: {count, points}, nash, ks, kalai, welfare, opposition, capped}',
    )
    .action(async (input: string, opts) =>
      (await import('./commands/packages.ts')).runFrontier(input, opts, io),
    )
  program
    .command('divide')
    .description('split divisible items: Adjusted Winner for two parties, maximum Nash welfare for more')
    .argument(
      '<input>',
      'a scenario with `items`, or a JSON file {parties, items: [{id, points: {party: n}}]}',
    )
    .option('--method <m>', 'aw (Adjusted Winner, two parties) or mnw (maximum Nash welfare)')
    .option('--json', 'print the division as JSON')
    .action(async (input: string, opts) =>
      (await import('./commands/packages.ts')).runDivide(input, opts, io),
    )
  program
    .command('simulate')
    .description('alternating offers between two time-dependent concession strategies')
    .argument('<input>', 'a scenario file or a GENIUS/GeniusWeb folder')
    .requiredOption(
      '--strategies <a=s,b=s>',
      'two parties and their strategies: boulware (e = 0.2), linear (1), conceder (2), or a number e',
    )
    .option('--rounds <n>', 'rounds before the deadline (default 100)')
    .option('--issues <ids>', 'scenario issues (default: those the two parties share)')
    .option('--json', 'print {agreement: {round, utilities, outcome, distance_to_pareto, distance_to_nash}}')
    .action(async (input: string, opts) =>
      (await import('./commands/packages.ts')).runSimulate(input, opts, io),
    )

  const dbOption = () =>
    new Option(
      '--db <location>',
      'store: a directory (PGlite) or a postgres:// URL; default PARLEY_DB or .parley/db',
    )
  const extractionOptions = (c: Command) =>
    c
      .option(
        '--lexicon <file>',
        'extraction lexicon (YAML or JSON); default: the bundled lexicons/ukraine-2025.yaml',
      )
      .option(
        '--scenario <file>',
        "take parties and issues from a scenario's aliases, with the lexicon's terms",
      )
      .addOption(
        new Option(
          '--extractor <name>',
          'lexicon (default, offline) or llm (PARLEY_LLM_URL, PARLEY_LLM_MODEL)',
        ).choices(['lexicon', 'llm']),
      )
      .option('--reference-date <date>', 'resolve dates without a year against this date (never today)')

  extractionOptions(
    program
      .command('ingest')
      .description(
        'read articles (text, HTML, RSS/Atom, directories), extract claims and events, and store them',
      )
      .argument('[paths...]', 'files or directories to queue (none: only work the queue)')
      .addOption(dbOption())
      .option('--max-mb <n>', 'skip inputs larger than this (default 5)')
      .option(
        '--queue-only',
        'queue the inputs and stop: workers (`parley ingest` with no paths) ingest them',
      )
      .option('--worker <name>', 'how this worker signs what it ingests (default host:pid)')
      .option('--batch <n>', 'inputs taken per transaction (default 8)')
      .option('--json', 'print the ingest report as JSON'),
  ).action(async (paths: string[], opts) => (await import('./commands/ingest.ts')).run(paths, opts, io))

  extractionOptions(
    program
      .command('watch')
      .description(
        'poll RSS/Atom feeds, fetch the new pages they link to (politely: ETag and Last-Modified, a per-host delay, a timeout, a size limit) and ingest them; faults are retried with backoff',
      )
      .argument('<feeds...>', 'feed URLs (http or https)')
      .addOption(dbOption())
      .option('--every <duration>', 'time between polls, e.g. 15m (default), 1h')
      .option('--once', 'poll once and stop (for cron or a test)')
      .option('--delay <duration>', 'least time between two requests to one host (default 2s)')
      .option('--timeout <duration>', 'give up a request after this (default 20s)')
      .option('--max-mb <n>', 'refuse feeds and pages larger than this (default 5)')
      .option('--retry <duration>', 'first wait after a fault, doubling after each further one (default 1m)')
      .option('--attempts <n>', 'give a page up after this many faults (default 5)')
      .option('--json', 'print each poll as one JSON line'),
  ).action(async (feeds: string[], opts) =>
    (await import('./commands/watch.ts')).run(feeds, opts, io, version()),
  )

  extractionOptions(
    program
      .command('extract')
      .description('extract claims and events from articles without storing them')
      .argument('<paths...>', 'files or directories')
      .option(
        '--json',
        'print the parley-gold/1 JSON (claims and events with quotes and offsets, and contradictions)',
      )
      .option(
        '--eval <gold>',
        'score the extraction against a gold file: precision, recall, F1, verbatim quotes',
      ),
  ).action(async (paths: string[], opts) => (await import('./commands/extract.ts')).run(paths, opts, io))

  program
    .command('claims')
    .description('list the claims in the store')
    .addOption(dbOption())
    .option('--party <id>', 'only this party')
    .option('--issue <id>', 'only this issue (as the issue or the condition)')
    .option('--act <act>', 'only this act: demand, propose, accept, reject, condition')
    .option('--limit <n>', 'at most this many (default 100)')
    .option('--offset <n>', 'skip this many')
    .option('--json', 'print {total, limit, offset, claims}')
    .action(async (opts) => (await import('./commands/claims.ts')).run(opts, io))

  program
    .command('changes')
    .description(
      'what moved since a date: new demands, concessions, hardenings, reversals, new conditions and rejections, each with its quote',
    )
    .requiredOption('--since <date>', 'first day, YYYY-MM-DD')
    .option('--until <date>', 'last day, YYYY-MM-DD (default: no end)')
    .option(
      '--kind <kinds>',
      'only these kinds, comma-separated: new_demand, concession, hardening, reversal, new_condition, new_rejection',
    )
    .option('--lexicon <file>', 'the lexicon whose option cues place each claim (default: the bundled one)')
    .addOption(dbOption())
    .option('--json', 'print {since, until, moves, trajectories, truncated, undated}')
    .action(async (opts) => (await import('./commands/changes.ts')).run(opts, io))

  program
    .command('search')
    .description(
      'full-text search of the stored articles and claim quotes (PostgreSQL text search: words are stemmed, "…" is a phrase, -word excludes, or)',
    )
    .argument('<query>', 'what to look for, e.g. \'"energy infrastructure" -Kursk\'')
    .addOption(dbOption())
    .option('--limit <n>', 'at most this many articles and this many claims (default 10)')
    .option('--offset <n>', 'skip this many of each')
    .option(
      '--json',
      'print {query, documents: {total, hits}, claims: {total, hits}}; matches in snippets are marked by \\u0002 … \\u0003',
    )
    .action(async (query: string, opts) => (await import('./commands/search.ts')).run(query, opts, io))

  program
    .command('contradictions')
    .description('conflicting statements across the stored articles, with both quotes')
    .addOption(dbOption())
    .option('--recent <n>', 'compare the claims of the n newest articles (default 1000)')
    .option('--json', 'print {contradictions}')
    .action(async (opts) => (await import('./commands/contradictions.ts')).run(opts, io))

  program
    .command('start')
    .description(
      'the main job: ingest the corpus, check the scenario, run the analyses, print a summary, serve the dashboard',
    )
    .argument('[file]', 'scenario file; default: the bundled 2025 scenario')
    .addOption(dbOption())
    .option('--corpus <dir>', 'articles to ingest first; default: the bundled corpus/ukraine-2025')
    .option('--no-serve', 'print the summary and stop, without serving the dashboard')
    .option('--host <host>', 'where the dashboard listens (default 127.0.0.1; others need PARLEY_TOKEN)')
    .option('--port <port>', 'its port (default PORT, else 4173)')
    .action(async (file: string | undefined, opts) =>
      (await import('./commands/start.ts')).run(file, opts, io),
    )

  program
    .command('serve')
    .description('serve the dashboard and the JSON API over the store and a scenario, until Ctrl+C')
    .argument('[file]', 'scenario file; default: the bundled 2025 scenario')
    .addOption(dbOption())
    .option('--host <host>', 'where to listen (default 127.0.0.1; any other host needs PARLEY_TOKEN)')
    .option('--port <port>', 'the port (default PORT, else 4173; 0 picks a free one)')
    .action(async (file: string | undefined, opts) =>
      (await import('./commands/serve.ts')).run(file, opts, io),
    )

  return program
}

/** The package's version, read from package.json so the built CLI and the sources agree. */
function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version
}
