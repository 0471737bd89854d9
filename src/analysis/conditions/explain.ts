// Conditions and deadlocks in words a reader can check against the quotes.
import type { Condition, Issue, Scenario } from '../../scenario/index.ts'

/** "a ceasefire at “ceasefire only once preconditions are met” or beyond". */
export function stateText(s: Scenario, r: Condition['requires']): string {
  const issue = s.issues.find((i) => i.id === r.issue)
  const name = issue === undefined ? r.issue : issueName(issue)
  if (r.party !== undefined) return `${r.party}'s own move on ${name}`
  if (issue === undefined || (r.min === undefined && r.max === undefined)) return name
  const label = (o: Issue['options'][number] | undefined) => (o === undefined ? '' : `“${o.label}”`)
  if (r.min !== undefined && r.max === undefined) {
    const atLeast = issue.options.find((o) => o.position >= (r.min ?? 0))
    return atLeast?.position === issue.options.at(-1)?.position
      ? `${name} at ${label(atLeast)}`
      : `${name} (at least ${label(atLeast)})`
  }
  if (r.max !== undefined && r.min === undefined) {
    const atMost = [...issue.options].reverse().find((o) => o.position <= (r.max ?? 100))
    return atMost?.position === issue.options[0]?.position
      ? `${name} at ${label(atMost)}`
      : `${name} (at most ${label(atMost)})`
  }
  return `${name} (between ${r.min} and ${r.max} on its scale)`
}

/** An issue's name inside a sentence: "general ceasefire", but "NATO membership". */
function issueName(issue: Issue): string {
  return /^\p{Lu}\p{Ll}/u.test(issue.name) ? issue.name[0]?.toLowerCase() + issue.name.slice(1) : issue.name
}

export function conditionText(s: Scenario, c: Condition, minDays = c.min_days ?? 0): string {
  const heldIssue = s.issues.find((i) => i.id === c.issue)
  const held = heldIssue === undefined ? c.issue : issueName(heldIssue)
  const required = stateText(s, c.requires)
  switch (c.relation) {
    case 'after': {
      const lead = minDays > 0 ? `at least ${minDays} days before ${held}` : `before ${held}`
      const within = c.max_days !== undefined ? `, and ${held} within ${c.max_days} days of it` : ''
      return `${c.party} requires ${required} ${lead}${within}`
    }
    case 'after_end':
      return `${c.party} requires ${required} to be over${minDays > 0 ? ` for ${minDays} days` : ''} before ${held}`
    case 'together':
      return `${c.party} moves on ${held} only together with ${required}`
  }
}

/** "RU requires … before a ceasefire; UA requires … before territory. Each waits for the other." */
export function deadlockText(s: Scenario, conditions: readonly Condition[]): string {
  const parts = conditions.map((c) => conditionText(s, c))
  const parties = new Set(conditions.map((c) => c.party))
  const tail =
    conditions.length === 2 && parties.size === 2
      ? 'Each waits for the other.'
      : `Together they form a cycle in which every step waits for the next${parties.size === 1 ? ' (all set by one party)' : ''}.`
  return `${parts.join('; ')}. ${tail}`
}
