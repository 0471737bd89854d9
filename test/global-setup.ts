// Builds dist/ once before the tests (the CLI with tsc, the dashboard with Vite), so the tests that run
// the `parley` binary or open the dashboard use the current sources.
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export default function setup(): void {
  const require = createRequire(import.meta.url)
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  })
  // vite's exports map hides bin/; its package.json is public, and bin/ sits beside it.
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js')
  execFileSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts'], { stdio: 'inherit' })
}
