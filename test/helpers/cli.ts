// Runs the CLI in-process and returns its exit code and output, each line ended once.
import { main } from '../../src/cli/main.ts'

export interface CliOutcome {
  code: number
  stdout: string
  stderr: string
}

export async function runCli(...argv: string[]): Promise<CliOutcome> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    out: (t) => {
      stdout += t.endsWith('\n') ? t : `${t}\n`
    },
    err: (t) => {
      stderr += t.endsWith('\n') ? t : `${t}\n`
    },
  })
  return { code, stdout, stderr }
}
