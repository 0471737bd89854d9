// `parley scenario check|show|draft|update`: the commands on scenario files. Each loads its module
// only when it runs.
import { type ArgumentSpec, defineCommand, defineGroup, type OptionSpec } from '../_command.ts'
import { caseOption } from './_case-option.ts'

const scenarioFile = {
  name: '<file>',
  description: 'scenario file (YAML or JSON)',
} as const satisfies ArgumentSpec
const fromOption = {
  flags: '--from <paths...>',
  description:
    "a store (directory or postgres:// URL) or article files and directories; default: the case's store",
} as const satisfies OptionSpec

export const check = defineCommand({
  name: 'check',
  description: 'validate a scenario file: schema, references, and that every quote is verbatim in its source',
  arguments: [scenarioFile],
  run: async ({ args, io }) => (await import('./scenario-check.ts')).run(args.file, io),
})

export const show = defineCommand({
  name: 'show',
  description: 'print a scenario: parties, issues, stances, conditions and events',
  arguments: [scenarioFile],
  options: [{ flags: '--json', description: 'print the validated scenario as JSON' }],
  run: async ({ args, options, io }) => (await import('./scenario-show.ts')).run(args.file, options, io),
})

export const draft = defineCommand({
  name: 'draft',
  description:
    'draft a scenario from the claims and events of a store or of article files; every number cites its claims, and what no claim supports stays empty',
  options: [
    caseOption,
    fromOption,
    { flags: '--parties <ids>', description: 'comma-separated party ids (default: every actor of a claim)' },
    {
      flags: '--issues <ids>',
      description: 'comma-separated issue ids (default: every issue with options that a party spoke on)',
    },
    { flags: '--as-of <date>', description: 'only articles dated up to this day (YYYY-MM-DD)' },
    {
      flags: '--lexicon <file>',
      description: "the lexicon with parties, issues and their options (default: the case's lexicon)",
    },
    {
      flags: '--base <scenario>',
      description:
        'fill empty numbers from this scenario (marked as such) and drop what stays empty, so the draft loads',
    },
    {
      flags: '--compare <scenario>',
      description: 'print how far the draft agrees with this curated scenario instead of the draft',
    },
    { flags: '--out <file>', description: 'write the drafted scenario (YAML) here' },
    { flags: '--json', description: 'print the draft (or, with --compare, the agreement) as JSON' },
  ],
  run: async ({ options, io }) => (await import('./scenario-draft.ts')).runDraft(options, io),
})

export const update = defineCommand({
  name: 'update',
  description:
    "propose the changes new articles make to a scenario, each with its quotes; accept some and write the result, with each change in the scenario's history",
  arguments: [{ name: '<file>', description: 'the scenario to update' }],
  options: [
    caseOption,
    fromOption,
    { flags: '--accept <ids>', description: '"all" or comma-separated change ids (c1,c3) to write' },
    {
      flags: '--out <file>',
      description: 'where to write the updated scenario (beside the original); default standard output',
    },
    {
      flags: '--accepted-on <date>',
      description: 'the acceptance date recorded in the history (default today)',
    },
    { flags: '--as-of <date>', description: 'only articles dated up to this day' },
    {
      flags: '--lexicon <file>',
      description: "the lexicon with the option cues (default: the case's lexicon)",
    },
    { flags: '--json', description: 'print the change set as JSON' },
  ],
  run: async ({ args, options, io }) =>
    (await import('./scenario-draft.ts')).runUpdate(args.file, options, io),
})

export const scenario = defineGroup({
  name: 'scenario',
  description: 'check, show, draft and update scenario files',
  commands: [check, show, draft, update],
})
