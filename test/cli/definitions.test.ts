// Each command's definition (src/cli/commands/*.commands.ts) declares the options its code reads, and
// no other: a misspelt flag, or an option the code reads that no definition offers, fails `tsc` in
// `npm test`'s pretest. The runtime part checks that every command of the program is covered here.
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { CliCommand } from '../../src/cli/_command.ts'
import * as analysis from '../../src/cli/commands/analysis.commands.ts'
import type * as backtestCode from '../../src/cli/commands/backtest.ts'
import * as cases from '../../src/cli/commands/case.commands.ts'
import type * as caseCode from '../../src/cli/commands/case.ts'
import type * as changesCode from '../../src/cli/commands/changes.ts'
import type * as claimsCode from '../../src/cli/commands/claims.ts'
import type * as conditionsCode from '../../src/cli/commands/conditions.ts'
import type * as contradictionsCode from '../../src/cli/commands/contradictions.ts'
import type * as extractCode from '../../src/cli/commands/extract.ts'
import type * as forecastCode from '../../src/cli/commands/forecast.ts'
import type * as ingestCode from '../../src/cli/commands/ingest.ts'
import * as packages from '../../src/cli/commands/packages.commands.ts'
import type * as packagesCode from '../../src/cli/commands/packages.ts'
import type * as reportCode from '../../src/cli/commands/report.ts'
import * as scenario from '../../src/cli/commands/scenario.commands.ts'
import type * as draftCode from '../../src/cli/commands/scenario-draft.ts'
import type * as showCode from '../../src/cli/commands/scenario-show.ts'
import type * as searchCode from '../../src/cli/commands/search.ts'
import type * as sensitivityCode from '../../src/cli/commands/sensitivity.ts'
import type * as serveCode from '../../src/cli/commands/serve.ts'
import type * as startCode from '../../src/cli/commands/start.ts'
import * as store from '../../src/cli/commands/store.commands.ts'
import type * as watchCode from '../../src/cli/commands/watch.ts'

/** The option names a definition gives its `run`. */
type Declared<C> = C extends CliCommand<unknown, infer O> ? keyof O : never
/** The option names a command's code reads: the keys of its parameter at `index`. */
type Read<F, I extends number> = F extends (...args: infer P) => unknown ? keyof NonNullable<P[I]> : never

describe('each command reads exactly the options it declares', () => {
  it('analysis commands', () => {
    expectTypeOf<Declared<typeof analysis.forecast>>().toEqualTypeOf<Read<typeof forecastCode.run, 1>>()
    expectTypeOf<Declared<typeof analysis.conditions>>().toEqualTypeOf<Read<typeof conditionsCode.run, 1>>()
    expectTypeOf<Declared<typeof analysis.sensitivity>>().toEqualTypeOf<Read<typeof sensitivityCode.run, 1>>()
    expectTypeOf<Declared<typeof analysis.report>>().toEqualTypeOf<Read<typeof reportCode.run, 1>>()
    expectTypeOf<Declared<typeof analysis.backtest>>().toEqualTypeOf<Read<typeof backtestCode.run, 2>>()
  })
  it('case commands', () => {
    expectTypeOf<Declared<typeof cases.caseNew>>().toEqualTypeOf<Read<typeof caseCode.runNew, 1>>()
    expectTypeOf<Declared<typeof cases.caseCheck>>().toEqualTypeOf<Read<typeof caseCode.runCheck, 1>>()
  })
  it('package commands', () => {
    expectTypeOf<Declared<typeof packages.zopa>>().toEqualTypeOf<Read<typeof packagesCode.runZopa, 1>>()
    expectTypeOf<Declared<typeof packages.frontier>>().toEqualTypeOf<
      Read<typeof packagesCode.runFrontier, 1>
    >()
    expectTypeOf<Declared<typeof packages.divide>>().toEqualTypeOf<Read<typeof packagesCode.runDivide, 1>>()
    expectTypeOf<Declared<typeof packages.simulate>>().toEqualTypeOf<
      Read<typeof packagesCode.runSimulate, 1>
    >()
  })
  it('scenario commands', () => {
    expectTypeOf<Declared<typeof scenario.show>>().toEqualTypeOf<Read<typeof showCode.run, 1>>()
    expectTypeOf<Declared<typeof scenario.draft>>().toEqualTypeOf<Read<typeof draftCode.runDraft, 0>>()
    expectTypeOf<Declared<typeof scenario.update>>().toEqualTypeOf<Read<typeof draftCode.runUpdate, 1>>()
  })
  it('store commands', () => {
    expectTypeOf<Declared<typeof store.ingest>>().toEqualTypeOf<Read<typeof ingestCode.run, 1>>()
    expectTypeOf<Declared<typeof store.watch>>().toEqualTypeOf<Read<typeof watchCode.run, 1>>()
    expectTypeOf<Declared<typeof store.extract>>().toEqualTypeOf<Read<typeof extractCode.run, 1>>()
    expectTypeOf<Declared<typeof store.claims>>().toEqualTypeOf<Read<typeof claimsCode.run, 0>>()
    expectTypeOf<Declared<typeof store.changes>>().toEqualTypeOf<Read<typeof changesCode.run, 0>>()
    expectTypeOf<Declared<typeof store.search>>().toEqualTypeOf<Read<typeof searchCode.run, 1>>()
    expectTypeOf<Declared<typeof store.contradictions>>().toEqualTypeOf<
      Read<typeof contradictionsCode.run, 0>
    >()
    expectTypeOf<Declared<typeof store.start>>().toEqualTypeOf<Read<typeof startCode.run, 1>>()
    expectTypeOf<Declared<typeof store.serve>>().toEqualTypeOf<Read<typeof serveCode.run, 1>>()
  })

  it('covers every command of the program', () => {
    const covered = [
      ...Object.values(analysis),
      cases.caseNew,
      cases.caseCheck,
      ...Object.values(packages),
      ...Object.values(store),
      scenario.check,
      scenario.show,
      scenario.draft,
      scenario.update,
    ].map((c) => c.name)
    expect(covered.sort()).toEqual(
      [
        'backtest',
        'changes',
        'check',
        'check',
        'claims',
        'conditions',
        'contradictions',
        'divide',
        'draft',
        'extract',
        'forecast',
        'frontier',
        'ingest',
        'new',
        'report',
        'search',
        'sensitivity',
        'serve',
        'show',
        'simulate',
        'start',
        'update',
        'watch',
        'zopa',
      ].sort(),
    )
  })
})
