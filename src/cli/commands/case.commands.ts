// `parley case new|check`: making a case folder from articles, and checking one. Each loads its module
// (and with it the readers and the bootstrap) only when it runs.
import { defineCommand, defineGroup } from '../_command.ts'

export const caseNew = defineCommand({
  name: 'new',
  description:
    'make a case folder from articles alone: the articles copied in, a draft lexicon of the parties and issues they name, and a parley.yaml',
  arguments: [{ name: '<dir>', description: 'the new case folder' }],
  options: [
    {
      flags: '--from <paths...>',
      description: 'article files or directories (text, HTML, RSS/Atom)',
      required: true,
    },
    { flags: '--name <name>', description: "the negotiation's name, as the dashboard shows it" },
    { flags: '--id <id>', description: "the case's id (default: from the folder's name)" },
  ],
  run: async ({ args, options, io }) => (await import('./case.ts')).runNew(args.dir, options, io),
})

export const caseCheck = defineCommand({
  name: 'check',
  description:
    'validate a case folder: its parley.yaml, lexicon, corpus, event types and scenario, all problems at once',
  arguments: [{ name: '[dir]', description: 'the case folder (default: the nearest parley.yaml above)' }],
  options: [{ flags: '--case <dir>', description: 'the case folder, as the other commands take it' }],
  run: async ({ args, options, io }) => (await import('./case.ts')).runCheck(args.dir, options, io),
})

export const caseGroup = defineGroup({
  name: 'case',
  description:
    'make and check case folders (a negotiation as one folder: parley.yaml, articles, lexicon, scenario)',
  commands: [caseNew, caseCheck],
})
