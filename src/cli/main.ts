// `parley`: a thin layer over the library. Each command is defined in commands/*.commands.ts (its
// arguments, options and help) and loads the module that runs it only when it runs, so `parley --help`
// loads nothing but commander and those definitions.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../paths.ts'
import { type CliCommand, Command, CommanderError } from './_command.ts'
import { type Io, processIo, terminalIo } from './_io.ts'
import { backtest, conditions, forecast, report, sensitivity } from './commands/analysis.commands.ts'
import { caseGroup } from './commands/case.commands.ts'
import { divide, frontier, simulate, zopa } from './commands/packages.commands.ts'
import { scenario } from './commands/scenario.commands.ts'
import {
  changes,
  claims,
  contradictions,
  extract,
  ingest,
  search,
  serve,
  start,
  watch,
} from './commands/store.commands.ts'

export const EXIT_OK = 0
export const EXIT_BAD_INPUT = 1
export const EXIT_INTERNAL = 2

export async function main(argv: readonly string[], given: Io = processIo): Promise<number> {
  // Every text printed, whoever passed the Io, shows control characters as visible escapes (_terminal.ts).
  const io = terminalIo(given)
  const program = buildProgram(io)
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return EXIT_OK
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed its message (usage errors) or the help and version text.
      return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT
    }
    // Loaded only now: a command that throws an InputError has loaded it already, and `parley --help`
    // need not load the shared vocabulary with it.
    const { InputError } = await import('../core/index.ts')
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

/** Every command, in the order `parley --help` lists them. */
const COMMANDS: readonly CliCommand[] = [
  caseGroup,
  scenario,
  forecast,
  conditions,
  sensitivity,
  report,
  backtest,
  zopa,
  frontier,
  divide,
  simulate,
  ingest,
  watch,
  extract,
  claims,
  changes,
  search,
  contradictions,
  start,
  serve,
]

function buildProgram(io: Io): Command {
  const context = { io, version: version() }
  const program = new Command('parley')
    .description('Negotiation analysis: from news articles to an evidence-backed model, and its analyses.')
    .version(context.version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run with --help for usage)')
  for (const command of COMMANDS) command.addTo(program, context)
  return program
}

/** The package's version, read from package.json so the built CLI and the sources agree. */
function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version
}
