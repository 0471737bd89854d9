// A command as data: its name, help texts, arguments and options, and the `run` they are passed to.
// The types `run` receives are inferred from the flags as commander parses them (`--max-mb <n>` gives
// `maxMb?: string`, `--no-serve` gives `serve: boolean`), so a definition is the one place a command's
// interface is written. A definition is light: its `run` imports what the command computes with, so
// registering every command (and printing any help) loads nothing but commander and the definitions.
// The CLI's one door to commander.
import { createRequire } from 'node:module'
import type * as commander from 'commander'
import type { Io } from './_io.ts'

// commander is CommonJS. Required, it loads about 2 ms sooner than imported through its ESM wrapper,
// which Node first scans for exports (Node 20). Every start of `parley` pays that, `--help` included,
// so the CLI takes commander from here.
const { Command, CommanderError, Option } = createRequire(import.meta.url)('commander') as typeof commander
type Command = commander.Command
type Option = commander.Option

export { Command, CommanderError }

/** A positional argument: `<name>` is required, `[name]` optional; `<name...>` takes the rest. */
export interface ArgumentSpec {
  readonly name: string
  readonly description: string
}

/** An option: `--name` a flag, `--name <value>`, `--name <values...>`, or `--no-name` (on unless given). */
export interface OptionSpec {
  readonly flags: string
  readonly description: string
  /** Given when the option is absent, and shown in the help as (default: "…"). */
  readonly default?: string
  /** The option must be given (commander's requiredOption). */
  readonly required?: boolean
  /** The only values allowed; commander names the value received and these when another is given. */
  readonly choices?: readonly string[]
}

/** What every command's `run` may use besides its arguments and options. */
export interface ProgramContext {
  readonly io: Io
  /** The package's version, for a command that signs its requests with it. */
  readonly version: string
}

export interface RunContext<Args, Options> extends ProgramContext {
  readonly args: Args
  readonly options: Options
}

export interface CommandDefinition<As extends readonly ArgumentSpec[], Os extends readonly OptionSpec[]> {
  readonly name: string
  readonly description: string
  readonly arguments?: As
  readonly options?: Os
  readonly run: (context: RunContext<ArgumentsOf<As>, OptionsOf<Os>>) => Promise<void>
}

/** A command ready to be added to the program, or to a group such as `scenario`. */
export interface CliCommand<Args = unknown, Options = unknown> {
  readonly name: string
  addTo(parent: Command, context: ProgramContext): void
  /**
   * The types `run` receives, never set at run time: test/cli/definitions.test.ts checks with them that
   * each command's code reads exactly the options its definition declares.
   */
  readonly types?: { args: Args; options: Options }
}

// commander's own rule (Option.attributeName): 'max-mb' → 'maxMb'.
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S
// The key helpers distribute over their type parameter, so that `never` (a command without arguments
// or options) gives no key at all instead of matching every pattern: such a command gets `{}`.
/** The long flag of '--max-mb <n>' or '-m, --max-mb <n>': 'max-mb'. */
type LongFlag<F extends string> = F extends `${string}--${infer Rest}`
  ? Rest extends `${infer Name} ${string}`
    ? Name
    : Rest
  : never
type AttributeName<L extends string> = L extends `no-${infer Name}` ? CamelCase<Name> : CamelCase<L>
type OptionKey<O extends OptionSpec> = O extends unknown ? AttributeName<LongFlag<O['flags']>> : never
type OptionValue<O extends OptionSpec> = O['flags'] extends `${string}...${string}`
  ? string[]
  : O['flags'] extends `${string}<${string}>`
    ? O extends { readonly choices: readonly (infer Choice)[] }
      ? Choice
      : string
    : O['flags'] extends `${string}[${string}]`
      ? string | true
      : O['flags'] extends `${string}--no-${string}`
        ? boolean
        : true
/** Options commander always sets: required ones, those with a default, and `--no-` flags. */
type AlwaysSet<O extends OptionSpec> = O extends { readonly required: true } | { readonly default: string }
  ? O
  : O extends { readonly flags: `${string}--no-${string}` }
    ? O
    : never
type Flatten<T> = { [K in keyof T]: T[K] }

/** The option values commander parses for these options, keyed as it keys them. */
export type OptionsOf<Os extends readonly OptionSpec[]> = Flatten<
  { [O in AlwaysSet<Os[number]> as OptionKey<O>]: OptionValue<O> } & {
    [O in Exclude<Os[number], AlwaysSet<Os[number]>> as OptionKey<O>]?: OptionValue<O>
  }
>

type Bare<N extends string> = N extends `<${infer Name}>` ? Name : N extends `[${infer Name}]` ? Name : never
type Unspread<B extends string> = B extends `${infer Name}...` ? Name : B
type ArgumentKey<N extends string> = CamelCase<Unspread<Bare<N>>>
type ArgumentValue<N extends string> = N extends `<${string}...>` | `[${string}...]`
  ? string[]
  : N extends `<${string}>`
    ? string
    : string | undefined

/** The positional arguments by name: `<file>` gives `file: string`, `[paths...]` gives `paths: string[]`. */
export type ArgumentsOf<As extends readonly ArgumentSpec[]> = Flatten<{
  [A in As[number] as ArgumentKey<A['name']>]: ArgumentValue<A['name']>
}>

const camelCase = (name: string) => name.replace(/-(.)/g, (_, letter: string) => letter.toUpperCase())

/** A command from its definition; its `run` receives the arguments and options typed as declared. */
export function defineCommand<
  const As extends readonly ArgumentSpec[] = readonly [],
  const Os extends readonly OptionSpec[] = readonly [],
>(definition: CommandDefinition<As, Os>): CliCommand<ArgumentsOf<As>, OptionsOf<Os>> {
  return {
    name: definition.name,
    addTo(parent, context) {
      const command = parent.command(definition.name).description(definition.description)
      for (const a of definition.arguments ?? []) command.argument(a.name, a.description)
      for (const o of definition.options ?? []) command.addOption(commanderOption(o))
      command.action(async () => {
        // commander has checked the arguments against their specs, and parsed the options from the same flags.
        const values: readonly unknown[] = command.processedArgs
        const args = Object.fromEntries(
          command.registeredArguments.map((a, i) => [camelCase(a.name()), values[i]]),
        ) as ArgumentsOf<As>
        await definition.run({ ...context, args, options: command.opts<OptionsOf<Os>>() })
      })
    },
  }
}

/** A command that only holds subcommands, such as `scenario check|show|draft|update`. */
export function defineGroup(definition: {
  name: string
  description: string
  commands: readonly CliCommand[]
}): CliCommand {
  return {
    name: definition.name,
    addTo(parent, context) {
      const group = parent.command(definition.name).description(definition.description)
      for (const c of definition.commands) c.addTo(group, context)
    },
  }
}

function commanderOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description)
  if (spec.default !== undefined) option.default(spec.default)
  if (spec.choices !== undefined) option.choices(spec.choices)
  if (spec.required) option.makeOptionMandatory()
  return option
}
