// Monte Carlo sensitivity of the forecasts to the scenario's uncertain numbers. A number with a
// `range` varies within it; a number that rests on an assumption alone varies within ± `band` points
// of its value (clipped to 0–100); a number that rests on a quote stays as quoted. Each draw sets every
// uncertain number uniformly at random (seeded), runs the models, and keeps each issue's forecast.
// The report gives each model's quantiles per issue, and the inputs that move it most: the largest
// |Pearson correlation| between an input's draws and the forecast's, above sampling noise.

import type { Grounded, Scenario } from '../../scenario/index.ts'
import {
  type ForecastModel,
  forecastProblem,
  type ModelOptions,
  problemFromScenario,
} from '../forecast/index.ts'

export interface UncertainInput {
  label: string
  kind: 'capability' | 'position' | 'salience'
  party: string
  issue?: string
  value: number
  min: number
  max: number
  basis: 'range' | 'assumption band'
}

export function uncertainInputs(s: Scenario, band = 15): UncertainInput[] {
  const spread = (g: Grounded): Pick<UncertainInput, 'min' | 'max' | 'basis'> | undefined => {
    if (g.range !== undefined) return { min: g.range.min, max: g.range.max, basis: 'range' }
    if ((g.evidence?.length ?? 0) > 0 || band <= 0) return undefined
    return { min: Math.max(0, g.value - band), max: Math.min(100, g.value + band), basis: 'assumption band' }
  }
  const out: UncertainInput[] = []
  for (const p of s.parties) {
    const r = spread(p.capability)
    if (r)
      out.push({
        label: `${p.id} capability`,
        kind: 'capability',
        party: p.id,
        value: p.capability.value,
        ...r,
      })
  }
  for (const st of s.stances) {
    for (const kind of ['position', 'salience'] as const) {
      const r = spread(st[kind])
      if (r)
        out.push({
          label: `${st.party} ${kind} on ${st.issue}`,
          kind,
          party: st.party,
          issue: st.issue,
          value: st[kind].value,
          ...r,
        })
    }
  }
  return out
}

export interface Distribution {
  p05: number
  p25: number
  p50: number
  p75: number
  p95: number
  mean: number
  sd: number
}

export interface SensitivityReport {
  draws: number
  seed: number
  band: number
  inputs: UncertainInput[]
  issues: {
    id: string
    models: Record<string, Distribution & { drivers: { input: string; correlation: number }[] }>
  }[]
}

export interface SensitivityOptions extends ModelOptions {
  draws: number
  seed: number
  random: () => number
  band?: number
  models: readonly ForecastModel[]
  onProgress?: (done: number) => void
}

export function sensitivity(s: Scenario, options: SensitivityOptions): SensitivityReport {
  const band = options.band ?? 15
  const inputs = uncertainInputs(s, band)
  const problem = problemFromScenario(s)
  // Where each input lands in the problem: (issue index, actor index) pairs.
  const targets = inputs.map((input) =>
    problem.issues.flatMap((issue, i) =>
      issue.actors.flatMap((a, k) =>
        a.party === input.party && (input.issue === undefined || input.issue === issue.id)
          ? [[i, k] as const]
          : [],
      ),
    ),
  )
  const samples = inputs.map(() => new Float64Array(options.draws))
  const outputs = new Map<string, Float64Array[]>(
    options.models.map((m) => [m.id, problem.issues.map(() => new Float64Array(options.draws))]),
  )
  for (let d = 0; d < options.draws; d++) {
    for (const [n, input] of inputs.entries()) {
      const v = input.min + (input.max - input.min) * options.random()
      ;(samples[n] as Float64Array)[d] = v
      for (const [i, k] of targets[n] ?? []) {
        const actor = problem.issues[i]?.actors[k]
        if (actor === undefined) continue
        if (input.kind === 'capability') actor.capability = v
        else if (input.kind === 'position') actor.position = v
        else actor.salience = v / 100
      }
    }
    const f = forecastProblem(problem, options.models, { ...options, roundSeries: false })
    for (const [i, issue] of f.issues.entries()) {
      for (const m of options.models)
        ((outputs.get(m.id) as Float64Array[])[i] as Float64Array)[d] =
          issue.models[m.id]?.position ?? Number.NaN
    }
    if ((d + 1) % 100 === 0 || d + 1 === options.draws) options.onProgress?.(d + 1)
  }
  return {
    draws: options.draws,
    seed: options.seed,
    band,
    inputs,
    issues: problem.issues.map((issue, i) => ({
      id: issue.id,
      models: Object.fromEntries(
        options.models.map((m) => {
          const ys = (outputs.get(m.id) as Float64Array[])[i] as Float64Array
          const relevant = inputs.flatMap((_input, n) =>
            (targets[n] ?? []).some(([ti]) => ti === i) ? [n] : [],
          )
          // A correlation counts only when the forecast moves at all and |r| clears the rough 95%
          // noise level of a correlation between independent samples, 2/sqrt(draws).
          const spread = distribution(ys)
          const moves = spread.sd > 1e-9 * Math.max(1, Math.abs(spread.mean))
          const noise = 2 / Math.sqrt(options.draws)
          const drivers = (moves ? relevant : [])
            .map((n) => ({
              input: inputs[n]?.label ?? '',
              correlation: pearson(samples[n] as Float64Array, ys),
            }))
            .filter((x) => Number.isFinite(x.correlation) && Math.abs(x.correlation) > noise)
            .sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation))
            .slice(0, 3)
          return [m.id, { ...spread, drivers }]
        }),
      ),
    })),
  }
}

function distribution(xs: Float64Array): Distribution {
  const finite = Array.from(xs)
    .filter(Number.isFinite)
    .sort((a, b) => a - b)
  const q = (p: number) => {
    if (finite.length === 0) return Number.NaN
    const h = (finite.length - 1) * p
    const lo = Math.floor(h)
    return (
      (finite[lo] as number) +
      ((finite[Math.min(lo + 1, finite.length - 1)] as number) - (finite[lo] as number)) * (h - lo)
    )
  }
  const mean = finite.reduce((s, x) => s + x, 0) / finite.length
  const sd = Math.sqrt(finite.reduce((s, x) => s + (x - mean) ** 2, 0) / finite.length)
  return { p05: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), mean, sd }
}

/** Pearson's correlation of two equally long samples; NaN when either is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length
  let ma = 0
  let mb = 0
  for (let i = 0; i < n; i++) {
    ma += a[i] as number
    mb += b[i] as number
  }
  ma /= n
  mb /= n
  let sab = 0
  let saa = 0
  let sbb = 0
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma
    const db = (b[i] as number) - mb
    sab += da * db
    saa += da * da
    sbb += db * db
  }
  return sab / Math.sqrt(saa * sbb)
}
