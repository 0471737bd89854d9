// parley zopa, frontier, divide, simulate: the package analyses, printed.
import {
  adjustedWinner,
  DivisionInput,
  divisionItems,
  divisionProblems,
  type Item,
  MAX_NASH_WELFARE_PAIRS,
  maxNashWelfare,
  show,
} from '../../analysis/division/index.ts'
import {
  analyzeFrontier,
  type Disagreement,
  ENUMERATION_LIMIT,
  enumerationSize,
  type FrontierReport,
  STRATEGIES,
  scenarioFrontier,
  simulate,
  zopa,
} from '../../analysis/packages/index.ts'
import { formatCount, InputError } from '../../core/index.ts'
import { readErrorReason, readLocated, readTextFileSync } from '../../locate/index.ts'
import { loadCaseScenario } from '../_case.ts'
import { jsonObject, loadDomainInput } from '../_domain-input.ts'
import type { Io } from '../_io.ts'
import { fixed, table } from '../_table.ts'
import { parseCount } from './_options.ts'

export async function runZopa(file: string, opts: { json?: boolean }, io: Io): Promise<void> {
  const s = await loadCaseScenario(file)
  const z = zopa(s)
  if (opts.json) {
    io.out(JSON.stringify(z, null, 2))
    return
  }
  io.out(`${z.feasible_packages} of ${z.packages} packages meet every red line.`)
  io.out(
    table([
      ['issue', 'red lines', 'intersection', 'options inside all'],
      ...z.issues.map((i) => [
        i.issue,
        i.red_lines.map((r) => `${r.party} ${r.min}–${r.max}`).join(', ') || '–',
        i.red_lines.length === 0
          ? '–'
          : i.intersection
            ? `${i.intersection.min}–${i.intersection.max}`
            : 'empty',
        i.feasible.length === 0
          ? 'NONE'
          : i.feasible.length === s.issues.find((x) => x.id === i.issue)?.options.length
            ? 'all'
            : i.feasible.join('; '),
      ]),
    ]),
  )
  for (const i of z.issues.filter((x) => x.feasible.length === 0)) {
    io.out(
      `\nNo agreement is possible on ${i.issue}. Red lines that rule it out together: ${i.conflicts.map((c) => `{${c.join(', ')}}`).join(', ')}.`,
    )
    io.out(`Cheapest relaxations (cost: ${z.cost_basis}, in points of the 0–100 scale):`)
    for (const r of i.relaxations) {
      io.out(
        `  “${r.option}” (${r.position}): cost ${r.cost}; ${r.moves.map((m) => `${m.party} ${m.from.min}–${m.from.max} → ${m.to.min}–${m.to.max}`).join(', ')}`,
      )
    }
  }
}

export async function runFrontier(
  input: string,
  opts: { parties?: string; issues?: string; disagreement?: string; json?: boolean },
  io: Io,
): Promise<void> {
  const disagreement = (opts.disagreement ?? 'reservation') as Disagreement
  if (disagreement !== 'reservation' && disagreement !== 'minimum')
    throw new InputError(`--disagreement: expected reservation or minimum, got "${opts.disagreement}"`)
  const { domain, redLinesIgnored, scenario } = await loadDomainInput(input, opts)
  // A scenario: its frontier with which of its conditions the Nash and KS packages meet.
  const full = scenario
    ? scenarioFrontier(scenario, {
        parties: domain.parties.map((p) => p.id),
        issues: domain.issues.map((i) => i.id),
        disagreement,
      })
    : undefined
  const conditions = full?.conditions ?? { nash: null, ks: null }
  let r: FrontierReport
  if (full) {
    const { conditions: _, red_lines_ignored: __, issues: ___, ...report } = full
    r = report
  } else r = analyzeFrontier(domain, { disagreement })
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          ...r,
          ...(redLinesIgnored ? { red_lines: `ignored: ${redLinesIgnored}` } : {}),
          ...(scenario ? { conditions } : {}),
        },
        null,
        2,
      ),
    )
    return
  }
  io.out(
    `${r.outcomes} packages over ${domain.issues.map((i) => i.name).join(', ')}; parties ${r.parties.join(', ')}${r.capped ? ' (CAPPED: not exact)' : ''}.`,
  )
  if (redLinesIgnored) io.out(`Red lines ignored: ${redLinesIgnored}.`)
  io.out(`Pareto frontier: ${r.pareto.count} points (${r.pareto.outcomes} packages).`)
  const rows = r.pareto.points
    .slice(0, 15)
    .map((p) => [...p.utilities.map((u) => fixed(u, 3)), packageText(p.outcome)])
  io.out(
    table(
      [[...r.parties, 'package'], ...rows],
      r.parties.map(() => true),
    ),
  )
  if (r.pareto.count > 15) io.out(`… and ${r.pareto.count - 15} more (--json for all).`)
  io.out('')
  const line = (
    name: string,
    p: { utilities: number[]; outcome: Record<string, string | number> } | null,
    extra = '',
  ) =>
    io.out(
      p === null
        ? `${name}: none`
        : `${name}: (${p.utilities.map((u) => fixed(u, 3)).join(', ')})${extra}  ${packageText(p.outcome)}`,
    )
  line(
    'Nash',
    r.nash,
    r.nash
      ? ` product ${fixed(r.nash.product, 4)}, disagreement (${r.nash.disagreement.map((x) => fixed(x, 3)).join(', ')}) = ${r.nash.disagreement_basis}`
      : '',
  )
  line('Kalai–Smorodinsky', r.ks)
  line('GENIUS "Kalai" (equal utilities)', r.kalai)
  line('Maximum welfare', r.welfare)
  io.out(`Opposition (closest distance to (1, …, 1)): ${fixed(r.opposition, 4)}`)
  for (const [name, seq] of [
    ['Nash', conditions.nash],
    ['Kalai–Smorodinsky', conditions.ks],
  ] as const) {
    if (seq === null) continue
    const unmet =
      seq.unmet.length > 0 ? `; not met, blocking their holder's move: ${seq.unmet.join(', ')}` : ''
    io.out(
      `${name} package and the conditions (parley conditions): ${seq.met.length} met${unmet}; ${seq.undecided.length} on issues outside the package.`,
    )
  }
}

function packageText(outcome: Record<string, string | number>): string {
  return Object.entries(outcome)
    .map(([issue, option]) => `${issue}=${option}`)
    .join('; ')
}

export async function runDivide(
  input: string,
  opts: { method?: string; json?: boolean },
  io: Io,
): Promise<void> {
  const { parties, items } = await readItems(input)
  const method = opts.method ?? (parties.length === 2 ? 'aw' : 'mnw')
  if (method !== 'aw' && method !== 'mnw')
    throw new InputError(`--method: expected aw or mnw, got "${opts.method}"`)
  if (method === 'aw') {
    if (parties.length !== 2)
      throw new InputError(
        `Adjusted Winner divides between two parties; the items name ${parties.length} (${parties.join(', ')}); use --method mnw`,
      )
    let r: ReturnType<typeof adjustedWinner>
    try {
      r = adjustedWinner(parties as [string, string], items)
    } catch (error) {
      throw new InputError(`${input}: ${(error as Error).message}`)
    }
    if (opts.json) {
      io.out(JSON.stringify({ method: 'adjusted-winner', ...r }, null, 2))
      return
    }
    io.out(`Adjusted Winner (Brams & Taylor) between ${parties.join(' and ')}`)
    io.out(
      `First phase: ${r.winner_phase.map((w) => `${w.item} → ${w.to}${w.tie ? ' (tie: to the party behind)' : ''}`).join('; ')}`,
    )
    io.out(
      `Transfer order (leader's points / other's points): ${r.transfer_order.map((t) => `${t.item} ${t.ratio.toFixed(3)}`).join(', ')}`,
    )
    if (r.split)
      io.out(
        `Split: ${r.split.item}: ${Object.entries(r.split.shares)
          .map(([p, f]) => `${p} ${show(f)} (${(f.value * 100).toFixed(1)}%)`)
          .join(', ')}`,
      )
    for (const p of parties) {
      const got = Object.entries(r.allocation[p] ?? {})
        .filter(([, x]) => x > 0)
        .map(([item, x]) => (x === 1 ? item : `${(x * 100).toFixed(1)}% of ${item}`))
      io.out(
        `  ${p}: ${got.join(', ') || 'nothing'}; ${show(r.totals[p] as { n: number; d: number })} points (${(r.totals[p]?.value ?? 0).toFixed(2)})`,
      )
    }
    return
  }
  if (parties.length * items.length > MAX_NASH_WELFARE_PAIRS)
    throw new InputError(
      `${input}: ${parties.length} parties × ${formatCount(items.length)} items; maximum Nash welfare divides at most ${formatCount(MAX_NASH_WELFARE_PAIRS)} party-item pairs`,
      { code: 'too-large' },
    )
  const r = maxNashWelfare(parties, items)
  if (opts.json) {
    io.out(JSON.stringify({ method: 'max-nash-welfare', ...r }, null, 2))
    return
  }
  io.out(
    `Maximum Nash welfare (Eisenberg–Gale; proportional response, ${r.iterations} iterations) between ${parties.join(', ')}`,
  )
  for (const p of parties) {
    const got = Object.entries(r.allocation[p] ?? {})
      .filter(([, x]) => x > 1e-6)
      .map(([item, x]) => `${(x * 100).toFixed(1)}% of ${item}`)
    io.out(`  ${p}: ${got.join(', ') || 'nothing'}; ${(r.totals[p] ?? 0).toFixed(2)} points`)
  }
}

/** Items from a scenario (its `items`) or from a JSON file {parties: […], items: [{id, points: {party: n}}]}. */
async function readItems(input: string): Promise<{ parties: string[]; items: Item[] }> {
  if (input.endsWith('.json')) {
    let text: string
    try {
      text = readTextFileSync(input) // a regular file of at most 20 MB (PARLEY_MAX_FILE_MB)
    } catch (error) {
      throw new InputError(`${input}: cannot read: ${readErrorReason(error)}`)
    }
    // A JSON scenario has `meta`; anything else is the items format, checked and located line by line.
    const expected = 'a JSON object {parties: [...], items: [{id, points: {party: n}}]} or a scenario'
    const raw = jsonObject(input, text, expected)
    if (!('meta' in raw)) {
      const division = readLocated(text, DivisionInput, {
        file: input,
        expected,
        check: (d) => (d === undefined ? [] : divisionProblems(d)),
      })
      return { parties: division.parties, items: divisionItems(division) }
    }
  }
  const s = await loadCaseScenario(input)
  if (s.items.length === 0)
    throw new InputError(`${input}: the scenario has no divisible items (an \`items\` section)`)
  const parties = [...new Set(s.items.flatMap((it) => it.points.map((p) => p.party)))]
  return {
    parties,
    items: s.items.map((it) => ({
      id: it.id,
      name: it.name,
      points: Object.fromEntries(it.points.map((p) => [p.party, p.value])),
    })),
  }
}

/** The most package offers a simulation weighs (packages × rounds): 100 rounds at the enumeration limit. */
const SIMULATION_WORK = 100 * ENUMERATION_LIMIT

export async function runSimulate(
  input: string,
  opts: { strategies?: string; rounds?: string; issues?: string; json?: boolean },
  io: Io,
): Promise<void> {
  const specs = (opts.strategies ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')
  if (specs.length !== 2)
    throw new InputError(
      '--strategies: expected two parties, e.g. --strategies RU=boulware,UA=conceder (or a number: the exponent e)',
    )
  const parsed = specs.map((spec) => {
    const [party, strategy] = spec.split('=')
    const e =
      strategy !== undefined && strategy in STRATEGIES
        ? STRATEGIES[strategy as keyof typeof STRATEGIES]
        : Number(strategy)
    if (!party || !(e > 0))
      throw new InputError(
        `--strategies: "${spec}": expected PARTY=boulware|linear|conceder or PARTY=<exponent e > 0>`,
      )
    return { party, e }
  })
  const rounds = parseCount('--rounds', opts.rounds, { min: 1, max: 100_000 }) ?? 100
  const { domain, redLinesIgnored } = await loadDomainInput(input, {
    parties: parsed.map((p) => p.party).join(','),
    ...(opts.issues ? { issues: opts.issues } : {}),
  })
  // The simulation looks at every package each round: refuse a domain past the enumeration limit first.
  const size = enumerationSize(domain)
  if (size > ENUMERATION_LIMIT)
    throw new InputError(
      `${input}: ${formatCount(size)} packages; simulate enumerates every package and takes at most ${formatCount(ENUMERATION_LIMIT)}; name fewer issues (--issues) or a smaller domain`,
      { code: 'too-large' },
    )
  if (size * rounds > SIMULATION_WORK)
    throw new InputError(
      `${input}: ${formatCount(size)} packages × ${formatCount(rounds)} rounds: each round weighs every package, and simulate weighs at most ${formatCount(SIMULATION_WORK)} in all; give fewer --rounds`,
      { code: 'too-large' },
    )
  const frontier: FrontierReport = analyzeFrontier(domain)
  const r = simulate(domain, [parsed[0]?.e ?? 1, parsed[1]?.e ?? 1], frontier, rounds)
  if (opts.json) {
    io.out(
      JSON.stringify(
        { ...r, ...(redLinesIgnored ? { red_lines: `ignored: ${redLinesIgnored}` } : {}) },
        null,
        2,
      ),
    )
    return
  }
  io.out(
    `Alternating offers, ${rounds} rounds: ${r.parties[0]} e = ${r.exponents[0]}, ${r.parties[1]} e = ${r.exponents[1]} (target(t) = Pmin + (Pmax − Pmin)(1 − t^(1/e)))`,
  )
  if (redLinesIgnored) io.out(`Red lines ignored: ${redLinesIgnored}.`)
  if (r.agreement === null) {
    io.out('No agreement before the deadline.')
    return
  }
  const a = r.agreement
  io.out(
    `Agreement in round ${a.round}, offered by ${a.proposer}: utilities (${a.utilities.map((u) => u.toFixed(3)).join(', ')})`,
  )
  io.out(`  ${packageText(a.outcome)}`)
  io.out(
    `  distance to the Pareto frontier ${fixed(a.distance_to_pareto, 4)}; to the Nash point ${fixed(a.distance_to_nash, 4)}`,
  )
}
