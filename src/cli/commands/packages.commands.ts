// The package analyses (zopa, frontier, divide, simulate), all run by packages.ts, which each command
// loads only when it runs.
import { defineCommand } from '../_command.ts'

export const zopa = defineCommand({
  name: 'zopa',
  description:
    'where every red line can be met, which red lines rule agreement out, and the cheapest relaxation',
  arguments: [{ name: '<file>', description: 'scenario file' }],
  options: [{ flags: '--json', description: 'print the ZOPA per issue as JSON' }],
  run: async ({ args, options, io }) => (await import('./packages.ts')).runZopa(args.file, options, io),
})

export const frontier = defineCommand({
  name: 'frontier',
  description: 'the exact Pareto frontier with the Nash, Kalai–Smorodinsky, equal-utility and welfare points',
  arguments: [
    {
      name: '<input>',
      description: 'a scenario file, a GENIUS folder (domain and profile XML) or a GeniusWeb folder (JSON)',
    },
  ],
  options: [
    {
      flags: '--parties <ids>',
      description: 'parties in order (for GENIUS: profile file names without .xml)',
    },
    {
      flags: '--issues <ids>',
      description: 'scenario issues (default: those on which two of the parties hold a stance)',
    },
    {
      flags: '--disagreement <basis>',
      description: 'reservation (default: reservation values, 0 when absent) or minimum (worst utility)',
    },
    {
      flags: '--json',
      description: 'print {outcomes, pareto: {count, points}, nash, ks, kalai, welfare, opposition, capped}',
    },
  ],
  run: async ({ args, options, io }) => (await import('./packages.ts')).runFrontier(args.input, options, io),
})

export const divide = defineCommand({
  name: 'divide',
  description: 'split divisible items: Adjusted Winner for two parties, maximum Nash welfare for more',
  arguments: [
    {
      name: '<input>',
      description: 'a scenario with `items`, or a JSON file {parties, items: [{id, points: {party: n}}]}',
    },
  ],
  options: [
    { flags: '--method <m>', description: 'aw (Adjusted Winner, two parties) or mnw (maximum Nash welfare)' },
    { flags: '--json', description: 'print the division as JSON' },
  ],
  run: async ({ args, options, io }) => (await import('./packages.ts')).runDivide(args.input, options, io),
})

export const simulate = defineCommand({
  name: 'simulate',
  description: 'alternating offers between two time-dependent concession strategies',
  arguments: [{ name: '<input>', description: 'a scenario file or a GENIUS/GeniusWeb folder' }],
  options: [
    {
      flags: '--strategies <a=s,b=s>',
      description:
        'two parties and their strategies: boulware (e = 0.2), linear (1), conceder (2), or a number e',
      required: true,
    },
    { flags: '--rounds <n>', description: 'rounds before the deadline (default 100)' },
    { flags: '--issues <ids>', description: 'scenario issues (default: those the two parties share)' },
    {
      flags: '--json',
      description: 'print {agreement: {round, utilities, outcome, distance_to_pareto, distance_to_nash}}',
    },
  ],
  run: async ({ args, options, io }) => (await import('./packages.ts')).runSimulate(args.input, options, io),
})
