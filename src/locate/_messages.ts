// Turns zod issues into one-line messages that say what was expected and what was found.
import type { z } from 'zod'
import { closest } from './_distance.ts'

export type Issue = z.core.$ZodIssue & { input?: unknown }

export interface DescribeOptions {
  /** Said after "empty (expected …)" for a field left empty (`key:` with no value, read as null). */
  emptyHint?: string | undefined
}

export function describeIssue(issue: Issue, root: z.ZodType, options: DescribeOptions = {}): string {
  const got = issue.input === undefined ? '' : `, got ${describeValue(issue.input)}`
  const own = (fallback: string) => (isDefaultMessage(issue.message) ? fallback : issue.message)
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `required field is missing (${own(`expected ${issue.expected}`)})`
      if (issue.input === null)
        return `empty (${own(`expected ${issue.expected}`)})${options.emptyHint === undefined ? '' : `: ${options.emptyHint}`}`
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
    case 'invalid_union':
      return isDefaultMessage(issue.message) ? issue.message : `${issue.message}${got}`
    default:
      return issue.message
  }
}

/**
 * zod reports a value that fits no branch of a union as one "Invalid input", with each branch's issues
 * inside. Where one branch took the value's shape (a mapping for an object) and failed only inside it,
 * its issues say more: they replace the union's, at their full path.
 */
export function flattenUnions(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    if (issue.code !== 'invalid_union') return [issue]
    const inside = (e: z.core.$ZodIssue) => e.path.length > 0 || e.code === 'unrecognized_keys'
    const branch = issue.errors.find((errors) => errors.length > 0 && errors.every(inside))
    if (branch === undefined) return [issue]
    return flattenUnions(branch.map((e) => ({ ...e, path: [...issue.path, ...e.path] }) as Issue))
  })
}

/** zod's built-in messages start with these words; ours do not. */
function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (big|small)|Unrecognized)/.test(message)
}

function describeValue(value: unknown): string {
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
  valueType?: z.ZodType
  options?: z.ZodType[]
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

/** The field names the schema allows at `path`. */
function knownKeys(root: z.ZodType, path: readonly (string | number)[]): string[] {
  return fieldsAt(root, path) ?? []
}

/** The fields of the object at `path`, through optional and default values, lists, records and unions. */
function fieldsAt(schema: z.ZodType | undefined, path: readonly (string | number)[]): string[] | undefined {
  if (schema === undefined) return undefined
  const def = defOf(schema)
  if (def.innerType !== undefined) return fieldsAt(def.innerType, path)
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const fields = fieldsAt(option, path)
      if (fields !== undefined) return fields
    }
    return undefined
  }
  const [step, ...rest] = path
  if (step === undefined) return def.shape === undefined ? undefined : Object.keys(def.shape)
  if (def.type === 'object') return fieldsAt(def.shape?.[String(step)], rest)
  if (def.type === 'array') return fieldsAt(def.element, rest)
  if (def.type === 'record') return fieldsAt(def.valueType, rest)
  return undefined
}

function didYouMean(key: string, known: string[]): string {
  const best = closest(key, known)
  return best === undefined ? '' : ` (did you mean "${best}"?)`
}
