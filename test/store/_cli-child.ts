// `parley ARGS` from the sources, in a process of its own: for a test that runs the CLI as another user
// (bad-paths.test.ts runs it as `nobody`, for whom a read-only folder is read-only, unlike for root).
import { main } from '../../src/cli/main.ts'

process.exitCode = await main(process.argv.slice(2))
