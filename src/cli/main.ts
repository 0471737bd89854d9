// `parley`: a thin layer over the library. Each command lives in commands/ and is loaded only when
// it runs, so `parley --help` loads nothing but commander.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Command, CommanderError, Option } from 'commander'
import { InputError } from '../errors.ts'
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

  const scenario = program.command('scenario').description('check and show scenario files')
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

  program
    .command('forecast')
    .description('forecast the outcome of every issue with the spatial models')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .addOption(new Option('--model <ids>', 'comma-separated model ids').default('compromise,mean,median'))
    .option('--json', 'print {input, issues: [{id, models: {<model>: {position, rounds?}}}]}')
    .action(async (file: string, opts: { model: string; json?: boolean }) =>
      (await import('./commands/forecast.ts')).run(file, opts, io),
    )

  program
    .command('start')
    .description('run the whole chain on a scenario (the bundled one by default) and print a summary')
    .argument('[file]', 'scenario file; default: the bundled 2025 scenario')
    .action(async (file: string | undefined) => (await import('./commands/start.ts')).run(file, io))

  return program
}

/** The package's version, read from package.json so the built CLI and the sources agree. */
function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version
}
