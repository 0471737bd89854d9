// The only definition of a scenario. Types are inferred from these schemas; code past
// loadScenario() trusts the type and does not re-check. Objects are strict so that a typo in a
// hand-written file ("salince") is an error, not a silently ignored field.
import { z } from 'zod'
import { isCalendarDay } from '../core/index.ts'

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
export const Id = z.string({ error: 'expected an id (a string)' }).regex(ID, {
  error: 'expected an id: letters, digits, "_", "-" or ".", starting with a letter or digit',
})

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
/** A calendar day, YYYY-MM-DD, that exists (2025-02-30 does not). */
export const IsoDate = z
  .string({ error: 'expected a date YYYY-MM-DD (quoted or plain)' })
  .regex(ISO_DATE, { error: 'expected a date YYYY-MM-DD' })
  .refine((s) => isCalendarDay(s), {
    error: 'expected a real calendar date',
  })

/** A number on an issue's 0–100 scale, or a salience or capability on 0–100. */
export const Score = z
  .number({ error: 'expected a number 0–100' })
  .min(0, { error: 'expected 0–100' })
  .max(100, { error: 'expected 0–100' })

const Text = z.string({ error: 'expected text' }).trim().min(1, { error: 'expected non-empty text' })

/** One verbatim quote from one source. */
export const Evidence = z.strictObject({
  source: Id,
  quote: Text,
  note: Text.optional(),
})
export type Evidence = z.infer<typeof Evidence>

/** What every number in a scenario must carry: evidence, or a named assumption, or both. */
const basis = {
  evidence: z.array(Evidence).optional(),
  assumption: Text.optional(),
}

function requireBasis(
  v: { evidence?: Evidence[] | undefined; assumption?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if ((v.evidence?.length ?? 0) === 0 && v.assumption === undefined) {
    ctx.addIssue({
      code: 'custom',
      message:
        'a number needs `evidence` (a list of {source, quote}) or an `assumption` (who assumed what, and why)',
      path: [],
    })
  }
}

/** A number with its basis: `{value, evidence?, assumption?, range?}`; `range` is its plausible spread, for sensitivity. */
export const Grounded = z
  .strictObject({ value: Score, ...basis, range: z.strictObject({ min: Score, max: Score }).optional() })
  .superRefine(requireBasis)
  .superRefine((g, ctx) => {
    if (g.range !== undefined && !(g.range.min <= g.value && g.value <= g.range.max)) {
      ctx.addIssue({
        code: 'custom',
        message: `the range ${g.range.min}–${g.range.max} must contain the value ${g.value}`,
        path: ['range'],
      })
    }
  })
export type Grounded = z.infer<typeof Grounded>

/** A red line: the range of positions a party can accept on an issue. */
export const AcceptableRange = z
  .strictObject({ min: Score, max: Score, ...basis })
  .superRefine(requireBasis)
  .superRefine((r, ctx) => {
    if (r.min > r.max) {
      ctx.addIssue({ code: 'custom', message: `min ${r.min} is above max ${r.max}`, path: ['min'] })
    }
  })
export type AcceptableRange = z.infer<typeof AcceptableRange>

export const Meta = z.strictObject({
  id: Id,
  title: Text,
  as_of: IsoDate,
  description: Text.optional(),
})

export const Source = z.strictObject({
  id: Id,
  /** Path of the article file, relative to the scenario file. */
  file: Text,
  title: Text,
  date: IsoDate.optional(),
  date_estimated: z.boolean({ error: 'expected true or false' }).default(false),
  date_basis: Text.optional(),
  url: Text.optional(),
})
export type Source = z.infer<typeof Source>

export const Party = z.strictObject({
  id: Id,
  name: Text,
  aliases: z.array(Text).default([]),
  capability: Grounded,
})
export type Party = z.infer<typeof Party>

export const IssueOption = z.strictObject({
  label: Text,
  position: Score,
  description: Text.optional(),
})
export type IssueOption = z.infer<typeof IssueOption>

export const Issue = z
  .strictObject({
    id: Id,
    name: Text,
    description: Text,
    /** Ordered from position 0 to 100. The positions define the issue's scale; they are not estimates. */
    options: z.array(IssueOption).min(2, { error: 'expected at least 2 options' }),
  })
  .superRefine((issue, ctx) => {
    const labels = new Set<string>()
    issue.options.forEach((option, i) => {
      const previous = issue.options[i - 1]
      if (previous !== undefined && option.position <= previous.position) {
        ctx.addIssue({
          code: 'custom',
          message: `options must be in increasing order of position, but ${option.position} follows ${previous.position}`,
          path: ['options', i, 'position'],
        })
      }
      if (labels.has(option.label)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate option label "${option.label}"`,
          path: ['options', i, 'label'],
        })
      }
      labels.add(option.label)
    })
  })
export type Issue = z.infer<typeof Issue>

export const Stance = z
  .strictObject({
    party: Id,
    issue: Id,
    position: Grounded,
    salience: Grounded,
    acceptable: AcceptableRange.optional(),
    note: Text.optional(),
  })
  .superRefine((s, ctx) => {
    const r = s.acceptable
    if (r !== undefined && r.min <= r.max && (s.position.value < r.min || s.position.value > r.max)) {
      ctx.addIssue({
        code: 'custom',
        message: `position ${s.position.value} lies outside the party's own acceptable range ${r.min}–${r.max}`,
        path: ['position', 'value'],
      })
    }
  })
export type Stance = z.infer<typeof Stance>

/**
 * How the conditioned issue's settlement must be placed in time relative to the required one.
 * - `after`: it starts no earlier than the required state starts (plus `min_days`), and, with
 *   `max_days`, no later than `max_days` after it ("a referendum within 90 days of the ceasefire").
 * - `after_end`: it starts no earlier than the required state ends ("no X until Y is over").
 * - `together`: both start at the same time (a package, or a reciprocal move).
 */
export const ConditionRelation = z.enum(['after', 'after_end', 'together'], {
  error: 'expected one of after, after_end, together',
})
export type ConditionRelation = z.infer<typeof ConditionRelation>

/** A state of an issue: its settlement lies within [min, max] on its scale, optionally by one party's move. */
export const RequiredState = z
  .strictObject({
    issue: Id,
    party: Id.optional(),
    min: Score.optional(),
    max: Score.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.min !== undefined && r.max !== undefined && r.min > r.max) {
      ctx.addIssue({ code: 'custom', message: `min ${r.min} is above max ${r.max}`, path: ['min'] })
    }
  })

export const Condition = z
  .strictObject({
    id: Id,
    /** The party that sets the condition. */
    party: Id,
    /** What the party holds back. */
    issue: Id,
    /** What must hold first. */
    requires: RequiredState,
    relation: ConditionRelation.default('after'),
    min_days: z
      .number({ error: 'expected a number of days' })
      .int({ error: 'expected whole days' })
      .min(0)
      .optional(),
    /** An upper bound: the held-back issue is settled at most this many days after the required one. */
    max_days: z
      .number({ error: 'expected a number of days' })
      .int({ error: 'expected whole days' })
      .min(0)
      .optional(),
    summary: Text.optional(),
    ...basis,
  })
  .superRefine(requireBasis)
  .superRefine((c, ctx) => {
    if (c.requires.issue === c.issue && c.requires.party === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'a condition on its own issue needs `requires.party` (a reciprocal move by another party)',
        path: ['requires', 'issue'],
      })
    }
    if (c.max_days !== undefined && c.relation === 'together') {
      ctx.addIssue({
        code: 'custom',
        message: 'max_days has no meaning with relation together',
        path: ['max_days'],
      })
    }
    if (c.max_days !== undefined && c.min_days !== undefined && c.max_days < c.min_days) {
      ctx.addIssue({
        code: 'custom',
        message: `max_days ${c.max_days} is below min_days ${c.min_days}`,
        path: ['max_days'],
      })
    }
  })
export type Condition = z.infer<typeof Condition>

/** An event type's id; which ones a scenario may use is its case's (parley.yaml `event_types`). */
export const EventType = Id
export type EventType = z.infer<typeof EventType>

export const Event = z.strictObject({
  id: Id,
  date: IsoDate,
  date_estimated: z.boolean({ error: 'expected true or false' }).default(false),
  date_basis: Text.optional(),
  type: EventType,
  participants: z.array(Id).min(1, { error: 'expected at least one participant' }),
  /** Who acted: the caller, the attacker, the provider of aid. */
  initiator: Id.optional(),
  summary: Text.optional(),
  evidence: z.array(Evidence).min(1, { error: 'an event needs at least one {source, quote}' }),
})
export type Event = z.infer<typeof Event>

/** A divisible item, for Adjusted Winner and other division rules: each party's points for it. */
export const DivisionItem = z.strictObject({
  id: Id,
  name: Text,
  /** The issue the item belongs to, if any. */
  issue: Id.optional(),
  description: Text.optional(),
  /** Each party spreads 100 points over all the items. */
  points: z
    .array(z.strictObject({ party: Id, value: Score, ...basis }).superRefine(requireBasis))
    .min(1, { error: 'expected points for at least one party' }),
  evidence: z.array(Evidence).optional(),
})
export type DivisionItem = z.infer<typeof DivisionItem>

/** One accepted change of `parley scenario update`: what changed, from which claims, accepted when. */
export const HistoryEntry = z.strictObject({
  change: Text,
  kind: Text,
  summary: Text,
  from: z.union([z.number(), Text, z.null()]).optional(),
  to: z.union([z.number(), Text, z.null()]).optional(),
  evidence: z.array(Evidence).default([]),
  accepted: IsoDate,
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

/** How a scenario was drafted from claims (`parley scenario draft`): where from, by which rules, what stayed empty. */
export const DraftInfo = z.strictObject({
  from: Text,
  as_of: IsoDate.optional(),
  rules: z.array(Text).default([]),
  empty: z.array(z.strictObject({ path: Text, reason: Text })).default([]),
})
export type DraftInfo = z.infer<typeof DraftInfo>

export const Scenario = z.strictObject({
  meta: Meta,
  sources: z.array(Source).default([]),
  parties: z.array(Party).min(1, { error: 'expected at least one party' }),
  issues: z.array(Issue).min(1, { error: 'expected at least one issue' }),
  stances: z.array(Stance).default([]),
  conditions: z.array(Condition).default([]),
  events: z.array(Event).default([]),
  items: z.array(DivisionItem).default([]),
  draft: DraftInfo.optional(),
  history: z.array(HistoryEntry).default([]),
})
export type Scenario = z.infer<typeof Scenario>

/** The element schema of each top-level list, used to keep the valid elements of a broken file. */
export const sectionElements = {
  sources: Source,
  parties: Party,
  issues: Issue,
  stances: Stance,
  conditions: Condition,
  events: Event,
  items: DivisionItem,
} as const
