// The analyses of a scenario or a data file: forecast, conditions, sensitivity, report and backtest.
// Each loads its module, and with it the models, only when it runs.
import { defineCommand } from '../_command.ts'

export const forecast = defineCommand({
  name: 'forecast',
  description: 'forecast the outcome of every issue: compromise, mean, median, nbs, eum, exchange',
  arguments: [
    { name: '<file>', description: 'a scenario (YAML or JSON), a BdM CSV, a DECIDE file or the DEU CSV' },
  ],
  options: [
    { flags: '--model <ids>', description: 'comma-separated model ids', default: 'compromise,mean,median' },
    { flags: '--rounds <n>', description: 'rounds of the iterative models (eum, exchange); default 10' },
    {
      flags: '--capitulation <reading>',
      description: 'EUM: reference (the port: never capitulates) or corrected',
    },
    { flags: '--format <format>', description: 'auto (default), scenario, bdm, decide or deu' },
    {
      flags: '--capability <proxy>',
      description: 'DEU: none (every actor 1, default) or gdp (the file’s GDP-like row)',
    },
    {
      flags: '--repetitions <n>',
      description: 'exchange: also run n times with random tie-breaks; report mean and variance',
    },
    { flags: '--seed <s>', description: 'random seed of the repetitions (default 1)' },
    {
      flags: '--arithmetic <kind>',
      description:
        'exchange: decimal (default; 28 digits, as the reference computes) or float (faster; ties may break otherwise)',
    },
    { flags: '--json', description: 'print {input, issues: [{id, models: {<model>: {position, rounds?}}}]}' },
  ],
  run: async ({ args, options, io }) => (await import('./forecast.ts')).run(args.file, options, io),
})

export const conditions = defineCommand({
  name: 'conditions',
  description: "deadlocks between the parties' conditions, the cheapest relaxations, and a roadmap",
  arguments: [{ name: '<file>', description: 'scenario file (YAML or JSON)' }],
  options: [
    { flags: '--cost <basis>', description: 'relaxation cost: salience (default) or count' },
    { flags: '--top <n>', description: 'how many relaxations to list (default 5)' },
    { flags: '--json', description: 'print {consistent, deadlocks, relaxations, roadmap, …}' },
  ],
  run: async ({ args, options, io }) => (await import('./conditions.ts')).run(args.file, options, io),
})

export const sensitivity = defineCommand({
  name: 'sensitivity',
  description: 'Monte Carlo over the uncertain numbers: the spread of each forecast, and what moves it most',
  arguments: [{ name: '<file>', description: 'scenario file' }],
  options: [
    { flags: '--draws <n>', description: 'number of draws (default 1000)' },
    { flags: '--seed <s>', description: 'random seed (default 1)' },
    {
      flags: '--band <points>',
      description: '± band for numbers that rest on an assumption alone (default 15)',
    },
    { flags: '--model <ids>', description: 'models (default compromise,median,nbs,eum)' },
    { flags: '--rounds <n>', description: 'rounds of the iterative models (default 10)' },
    { flags: '--json', description: 'print the distributions and drivers as JSON' },
  ],
  run: async ({ args, options, io }) => (await import('./sensitivity.ts')).run(args.file, options, io),
})

export const report = defineCommand({
  name: 'report',
  description:
    'write one self-contained report: summary, charts as inline SVG, every figure with its evidence',
  arguments: [{ name: '<file>', description: 'scenario file' }],
  options: [
    { flags: '--format <format>', description: 'html (default) or md' },
    { flags: '--out <file>', description: 'write to this file (default: standard output)' },
    { flags: '--draws <n>', description: 'sensitivity draws (default 1000)' },
    { flags: '--seed <s>', description: 'sensitivity seed (default 1)' },
  ],
  run: async ({ args, options, io }) => (await import('./report.ts')).run(args.file, options, io),
})

export const backtest = defineCommand({
  name: 'backtest',
  description: 'score the forecasting models on data with real outcomes (DEU: 351 EU legislative issues)',
  arguments: [
    { name: '<kind>', description: 'the data set: deu' },
    { name: '<file>', description: 'the DEU CSV (deu3.csv)' },
  ],
  options: [
    { flags: '--rounds <n>', description: 'rounds of the EUM and the exchange model (default 10)' },
    {
      flags: '--arithmetic <kind>',
      description:
        'exchange: float (default here; seconds) or decimal (as the reference computes; about a minute per run)',
    },
    { flags: '--json', description: 'print {n, models: {<name>: {mae, median_ae, capability}}}' },
  ],
  run: async ({ args, options, io }) =>
    (await import('./backtest.ts')).run(args.kind, args.file, options, io),
})
