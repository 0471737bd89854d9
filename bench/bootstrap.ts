// npx tsx bench/bootstrap.ts CASE_DIR: how much of a case's own lexicon the bootstrap proposes from its
// articles alone (issue 19). CASE_DIR holds articles/*.txt (leading URL: and DATE: lines are dropped),
// vocabulary.json (the party and issue ids) and lexicon.yaml (their aliases and terms).
// - A vocabulary party is proposed when a proposed party's name, aliases or adjectives overlap the case
//   lexicon's for that id; the best overlap is reported, with the share of the case's aliases (name and
//   adjectives included) that it recovers.
// - Each proposed issue is matched to the vocabulary issue with the most case terms (terms and weak
//   terms) that one of its terms contains, after stemming: "reciprocal tariffs" contains "tariff*";
//   "truce" does not contain "tariff truce". Each vocabulary issue gets the rank of its best proposal.
// Not imported by any test: it reads a case folder, and the figures are for people to read.
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parse } from 'yaml'
import { bootstrapLexicon, type ProposedIssue, type ProposedParty } from '../src/bootstrap/index.ts'

interface CaseLexicon {
  actors: Record<string, { name: string; aliases?: string[]; adjectives?: string[] }>
  issues: Record<string, string | { terms?: string[]; weak_terms?: string[] }>
}

const dir = process.argv[2]
if (dir === undefined) {
  console.error(
    'usage: npx tsx bench/bootstrap.ts CASE_DIR (a folder with articles/, vocabulary.json, lexicon.yaml)',
  )
  process.exit(2)
}

const articleDir = join(dir, 'articles')
const articles = readdirSync(articleDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, text: dropHeader(readFileSync(join(articleDir, f), 'utf8')) }))
const vocabulary = JSON.parse(readFileSync(join(dir, 'vocabulary.json'), 'utf8')) as {
  actors: Record<string, unknown>
  issues: Record<string, unknown>
}
const lexicon = parse(readFileSync(join(dir, 'lexicon.yaml'), 'utf8')) as CaseLexicon

function dropHeader(text: string): string {
  const lines = text.split('\n')
  let i = 0
  while (i < lines.length && /^(?:URL|DATE):/.test(lines[i] ?? '')) i++
  return lines.slice(i).join('\n')
}

function reportParties(parties: ProposedParty[]): void {
  const norm = (s: string) =>
    s
      .trim()
      .replace(/^the\s+/i, '')
      .toLowerCase()
  console.log('Parties: vocabulary id → best proposed party (its rank), case aliases recovered')
  for (const id of Object.keys(vocabulary.actors)) {
    const entry = lexicon.actors[id]
    const caseForms = [
      ...new Set([entry?.name ?? id, ...(entry?.aliases ?? []), ...(entry?.adjectives ?? [])]),
    ]
    const wanted = new Set(caseForms.map(norm))
    let best: { party: ProposedParty; rank: number; found: Set<string> } | undefined
    parties.forEach((party, k) => {
      const forms = [party.name, ...party.aliases, ...party.adjectives].map(norm)
      const found = new Set(forms.filter((f) => wanted.has(f)))
      if (found.size > 0 && (best === undefined || found.size > best.found.size))
        best = { party, rank: k + 1, found }
    })
    if (best === undefined) {
      console.log(`  ${id.padEnd(8)} not proposed`)
      continue
    }
    const share = best.found.size / wanted.size
    const missing = caseForms.filter((f) => !best?.found.has(norm(f)))
    console.log(
      `  ${id.padEnd(8)} → ${best.party.id} (#${best.rank}, ${best.party.count} mentions): ` +
        `${best.found.size}/${wanted.size} aliases = ${share.toFixed(2)}; missing: ${missing.join(', ') || '-'}`,
    )
  }
  console.log(`  proposed: ${parties.map((p, k) => `${k + 1}. ${p.id} (${p.count})`).join(', ')}\n`)
}

function stem(word: string): string {
  const w = word.toLowerCase().replace(/[’']s$/, '')
  if (/ies$/.test(w) && w.length > 4) return w.replace(/ies$/, 'y')
  if (/(?:ss|us|is)$/.test(w)) return w
  if (/(?:s|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2)
  if (/s$/.test(w) && w.length > 3) return w.slice(0, -1)
  return w
}

const wordsOf = (term: string) =>
  term
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== '')

/** Whether the proposed term's words contain the case term's, stemmed; a case word ending in * is a prefix. */
function termContains(proposed: string, caseTerm: string): boolean {
  const p = wordsOf(proposed).map(stem)
  const c = wordsOf(caseTerm)
  const same = (pw: string, cw: string) =>
    cw.endsWith('*') ? pw.startsWith(cw.slice(0, -1)) : pw === stem(cw)
  for (let i = 0; i + c.length <= p.length; i++) {
    if (c.every((cw, k) => same(p[i + k] ?? '', cw))) return true
  }
  return false
}

function reportIssues(issues: ProposedIssue[]): void {
  const ids = Object.keys(vocabulary.issues)
  const caseTerms = (id: string): string[] => {
    const entry = lexicon.issues[id]
    if (entry === undefined) return [id.replace(/_/g, ' ')]
    if (typeof entry === 'string') return [id.replace(/_/g, ' ')]
    return [...(entry.terms ?? []), ...(entry.weak_terms ?? [])]
  }
  const matchOf = issues.map((issue) => {
    const scored = ids
      .map((id) => ({
        id,
        matched: caseTerms(id).filter((ct) => issue.terms.some((t) => termContains(t, ct))),
      }))
      .filter((m) => m.matched.length > 0)
      .sort((a, b) => b.matched.length - a.matched.length)
    return {
      best: scored[0],
      tiedWith: scored.filter((m) => m !== scored[0] && m.matched.length === scored[0]?.matched.length),
    }
  })
  console.log('Issues: vocabulary id → rank of its best proposed issue (the case terms it matches)')
  const ranks: number[] = []
  for (const id of ids) {
    const k = matchOf.findIndex((m) => m.best?.id === id)
    if (k < 0) {
      console.log(`  ${id.padEnd(14)} not proposed`)
      continue
    }
    ranks.push(k + 1)
    console.log(`  ${id.padEnd(14)} #${k + 1} ${issues[k]?.id} (${matchOf[k]?.best?.matched.join(', ')})`)
  }
  for (const top of [10, 12])
    console.log(
      `  vocabulary issues among the top ${top}: ${ranks.filter((r) => r <= top).length}/${ids.length}`,
    )
  console.log('\nProposed issues, best first (sentences tied to an act; terms) → vocabulary issue')
  issues.forEach((issue, k) => {
    const m = matchOf[k]
    const tie = m?.tiedWith.length ? ` (tied with ${m.tiedWith.map((t) => t.id).join(', ')})` : ''
    console.log(
      `  ${String(k + 1).padStart(2)}. ${issue.id} (${issue.count}; ${issue.terms.join(', ')}) → ${m?.best?.id ?? '-'}${tie}`,
    )
  })
}

// Last, so that every helper above is initialised before it runs.
// The first run loads wink's model; the second shows the bootstrap alone.
let started = performance.now()
bootstrapLexicon(articles)
const coldMs = performance.now() - started
started = performance.now()
const result = bootstrapLexicon(articles)
const warmMs = performance.now() - started

console.log(
  `Bootstrap on ${basename(dir)}: ${articles.length} articles, ${coldMs.toFixed(0)} ms (model loading included), ${warmMs.toFixed(0)} ms warm`,
)
console.log(`${result.parties.length} parties and ${result.issues.length} issues proposed\n`)
reportParties(result.parties)
reportIssues(result.issues)
