// Parley's own scorer, with the semantics of the reference scorer (validation/extraction/score.mjs):
// precision, recall and F1 over unique (file, actor, act, issue, condition_issue) tuples, over
// (file, actor, issue) ignoring the act, over (file, type, participant set) for events, per act, and
// the share of predicted quotes found verbatim in their article after collapsing whitespace.
import { basename } from 'node:path'
import { ACTS } from '../core/index.ts'
import type { ScoredFile } from './gold.ts'

export interface Prf {
  tp: number
  fp: number
  fn: number
  precision: number | null
  recall: number | null
  f1: number | null
}

export interface Evaluation {
  articles: number
  claims: Prf
  claims_ignore_act: Prf
  events: Prf
  per_act: Record<string, Prf>
  quotes_verbatim: number | null
  quotes: { checked: number; verbatim: number; missing: number }
}

type Article = ScoredFile['articles'][number]

export function evaluate(
  gold: ScoredFile,
  predicted: ScoredFile,
  articleText: (file: string) => string | undefined,
): Evaluation {
  const byFile = (f: ScoredFile) => {
    const m = new Map<string, Article>()
    for (const a of f.articles) {
      const file = basename(a.file)
      const e = m.get(file) ?? { file, claims: [], events: [] }
      e.claims.push(...a.claims)
      e.events.push(...a.events)
      m.set(file, e)
    }
    return m
  }
  const g = byFile(gold)
  const p = byFile(predicted)
  const files = [...g.keys()]
  const claimKey = (f: string, c: Article['claims'][number]) =>
    [f, c.actor, c.act, c.issue, c.condition_issue ?? ''].join('\t')
  const keyNoAct = (f: string, c: Article['claims'][number]) => [f, c.actor, c.issue].join('\t')
  const eventKey = (f: string, e: Article['events'][number]) =>
    [f, e.type, [...new Set(e.participants)].sort().join(',')].join('\t')
  const keys = <T>(
    m: Map<string, Article>,
    pick: (a: Article) => T[],
    key: (f: string, x: T) => string,
    keep: (x: T) => boolean = () => true,
  ) => {
    const out = new Set<string>()
    for (const f of files)
      for (const x of pick(m.get(f) ?? { file: f, claims: [], events: [] })) if (keep(x)) out.add(key(f, x))
    return out
  }
  const claims = (
    m: Map<string, Article>,
    key = claimKey,
    keep?: (c: Article['claims'][number]) => boolean,
  ) => keys(m, (a) => a.claims, key, keep)

  const acts = [
    ...new Set([...ACTS, ...[...g.values(), ...p.values()].flatMap((a) => a.claims.map((c) => c.act))]),
  ]
  const per_act: Record<string, Prf> = {}
  for (const act of acts)
    per_act[act] = prf(
      claims(g, claimKey, (c) => c.act === act),
      claims(p, claimKey, (c) => c.act === act),
    )

  const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()
  const quotes = { checked: 0, verbatim: 0, missing: 0 }
  for (const f of files) {
    const article = p.get(f)
    if (article === undefined) continue
    const raw = articleText(f)
    const text = raw === undefined ? undefined : collapse(raw)
    for (const item of [...article.claims, ...article.events]) {
      const q = collapse(item.quote ?? '')
      if (q === '' || text === undefined) quotes.missing++
      else {
        quotes.checked++
        if (text.includes(q)) quotes.verbatim++
      }
    }
  }
  return {
    articles: files.length,
    claims: prf(claims(g), claims(p)),
    claims_ignore_act: prf(claims(g, keyNoAct), claims(p, keyNoAct)),
    events: prf(
      keys(g, (a) => a.events, eventKey),
      keys(p, (a) => a.events, eventKey),
    ),
    per_act,
    quotes_verbatim: quotes.checked > 0 ? quotes.verbatim / quotes.checked : null,
    quotes,
  }
}

function prf(gold: Set<string>, pred: Set<string>): Prf {
  let tp = 0
  for (const k of pred) if (gold.has(k)) tp++
  const fp = pred.size - tp
  const fn = gold.size - tp
  if (tp + fp + fn === 0) return { tp, fp, fn, precision: null, recall: null, f1: null }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return { tp, fp, fn, precision, recall, f1 }
}
