// The defaults of the analyses, one set for every view of them: the dashboard's API, the report, the
// summary of `parley start` (through src/analyze) and the analysis commands of the CLI. Here, in the base
// layer, so that a command reads them without loading every analysis.
export const ANALYSIS_DEFAULTS = {
  /** Rounds of the iterative models (EUM, exchange). */
  rounds: 10,
  /** Monte Carlo draws of the sensitivity analysis. */
  draws: 1000,
  seed: 1,
  /** The models whose spread the sensitivity analysis reports. */
  sensitivityModels: ['compromise', 'median', 'nbs', 'eum'],
} as const

/** The store's default location, relative to the working directory (the bundled case's, as before cases). */
export const DEFAULT_STORE = '.parley/db'
