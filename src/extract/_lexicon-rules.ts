// The rules of a lexicon beyond its schema, each a located problem: an issue's options go in increasing
// position with distinct labels, a term names one issue once, an alias or an adjective names one party.
// They read the raw value, so that a file with one broken entry still gets every other problem reported.
import { formatPath } from '../core/index.ts'
import type { Problem } from '../locate/index.ts'

type Path = (string | number)[]
interface Seen {
  owner: string
  path: Path
}

export function checkLexicon(raw: unknown): Problem[] {
  const record = isRecord(raw) ? raw : {}
  return [...checkOptions(record.issues), ...checkTerms(record.issues), ...checkAliases(record.actors)]
}

/** Options in strictly increasing position, as a scenario's, and no label twice within an issue. */
function checkOptions(issues: unknown): Problem[] {
  const problems: Problem[] = []
  for (const [id, entry] of entriesOf(issues)) {
    const options = isRecord(entry) && Array.isArray(entry.options) ? entry.options : []
    let previous: { position: number; index: number } | undefined
    const labels = new Map<string, number>()
    options.forEach((option: unknown, i) => {
      if (!isRecord(option)) return
      const path = ['issues', id, 'options', i]
      if (typeof option.position === 'number') {
        if (previous !== undefined && option.position <= previous.position)
          problems.push({
            path: [...path, 'position'],
            message: `options must be in increasing order of position, but ${option.position} follows ${previous.position} (options[${previous.index}])`,
          })
        previous = { position: option.position, index: i }
      }
      if (typeof option.label === 'string') {
        const label = option.label.trim()
        const first = labels.get(label)
        if (first !== undefined)
          problems.push({
            path: [...path, 'label'],
            message: `duplicate option label "${label}" (also options[${first}])`,
          })
        else labels.set(label, i)
      }
    })
  }
  return problems
}

/** A term (or weak term) once in the whole lexicon: compared as matched, ignoring case and spacing. */
function checkTerms(issues: unknown): Problem[] {
  const problems: Problem[] = []
  const seen = new Map<string, Seen>()
  for (const [id, entry] of entriesOf(issues)) {
    if (!isRecord(entry)) continue
    for (const field of ['terms', 'weak_terms'] as const)
      for (const [i, term] of stringsOf(entry[field])) {
        const path = ['issues', id, field, i]
        const key = term.trim().replace(/\s+/g, ' ').toLowerCase()
        const first = seen.get(key)
        if (first === undefined) seen.set(key, { owner: id, path })
        else if (first.owner === id)
          problems.push({
            path,
            message: `"${term.trim()}" appears twice in this issue (also ${formatPath(first.path.slice(2))})`,
          })
        else
          problems.push({
            path,
            message: `"${term.trim()}" is also a term of issue "${first.owner}" (${formatPath(first.path)}); a term names one issue`,
          })
      }
  }
  return problems
}

/**
 * An alias (a party's name counts as one) names one party, compared exactly since aliases match with
 * their case; an adjective names one party, ignoring case as it is matched. One party may repeat its own.
 */
function checkAliases(actors: unknown): Problem[] {
  const problems: Problem[] = []
  const aliases = new Map<string, Seen>()
  const adjectives = new Map<string, Seen>()
  const claim = (seen: Map<string, Seen>, key: string, shown: string, owner: string, path: Path) => {
    const first = seen.get(key)
    if (first === undefined) seen.set(key, { owner, path })
    else if (first.owner !== owner)
      problems.push({
        path,
        message: `"${shown}" also names party "${first.owner}" (${formatPath(first.path)}); an alias or adjective names one party`,
      })
  }
  for (const [id, entry] of entriesOf(actors)) {
    if (!isRecord(entry)) continue
    if (typeof entry.name === 'string')
      claim(aliases, entry.name.trim(), entry.name.trim(), id, ['actors', id, 'name'])
    for (const [i, alias] of stringsOf(entry.aliases))
      claim(aliases, alias.trim(), alias.trim(), id, ['actors', id, 'aliases', i])
    for (const [i, adjective] of stringsOf(entry.adjectives))
      claim(adjectives, adjective.trim().toLowerCase(), adjective.trim(), id, ['actors', id, 'adjectives', i])
  }
  return problems
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function entriesOf(value: unknown): [string, unknown][] {
  return isRecord(value) ? Object.entries(value) : []
}

/** The strings of a list, each with its index; anything else is the schema's to report. */
function stringsOf(value: unknown): [number, string][] {
  if (!Array.isArray(value)) return []
  return value.flatMap((x: unknown, i): [number, string][] =>
    typeof x === 'string' && x.trim() !== '' ? [[i, x]] : [],
  )
}
