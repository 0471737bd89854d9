#!/usr/bin/env node
// The `parley` command. The TypeScript sources are compiled to dist/ by `npm ci` (the prepare script).
import { main } from '../dist/cli/main.js'

process.exitCode = await main(process.argv.slice(2))
