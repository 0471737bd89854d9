// Turns zod issues into one-line messages that say what was expected and what was found.
import type { z } from 'zod'

type Issue = z.core.$ZodIssue & { input?: unknown }

export function describeIssue(issue: Issue, root: z.ZodType): string {
  const got = issue.input === undefined ? '' : `, got ${describeValue(issue.input)}`
  const own = (fallback: string) => (isDefaultMessage(issue.message) ? fallback : issue.message)
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `required field is missing (${own(`expected ${issue.expected}`)})`
      if (issue.input === null)
        return `empty (${own(`expected ${issue.expected}`)}): a drafted number no claim supports; fill it in with evidence or an assumption`
      return `${own(`expected ${issue.expected}`)}${got}`
    case 'unrecognized_keys': {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol')
      const known = knownKeys(root, path)
      const names = issue.keys.map((k) => `"${k}"`).join(', ')
      const hint = issue.keys.length === 1 ? didYouMean(issue.keys[0] ?? '', known) : ''
      return `unknown field ${names}${hint}; expected one of: ${known.join(', ')}`
    }
    case 'invalid_value':
      return `${own(`expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`)}${got}`
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
      return `${own(issue.message)}${got}`
    default:
      return issue.message
  }
}

/** zod's built-in messages start with these words; ours do not. */
function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (big|small)|Unrecognized)/.test(message)
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)
  return String(value)
}

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  innerType?: z.ZodType
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

/** The field names the schema allows at `path`. */
function knownKeys(root: z.ZodType, path: readonly (string | number)[]): string[] {
  let schema: z.ZodType | undefined = root
  for (const step of [...path, undefined]) {
    while (schema !== undefined && defOf(schema).innerType !== undefined) schema = defOf(schema).innerType
    if (schema === undefined || step === undefined) break
    const def = defOf(schema)
    schema =
      def.type === 'object' ? def.shape?.[String(step)] : def.type === 'array' ? def.element : undefined
  }
  const shape = schema === undefined ? undefined : defOf(schema).shape
  return shape === undefined ? [] : Object.keys(shape)
}

function didYouMean(key: string, known: string[]): string {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
