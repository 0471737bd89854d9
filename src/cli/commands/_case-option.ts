// The option every command that reads a case's articles, lexicon, scenario or store takes.
import type { OptionSpec } from '../_command.ts'

export const caseOption = {
  flags: '--case <dir>',
  description:
    'the case folder (its parley.yaml); default: the nearest parley.yaml above, else the bundled case',
} as const satisfies OptionSpec
