// Words in a sentence: the one builder of word-bounded patterns that every cue, term and name uses, and
// the one negation lexicon, read at two distances (right before a cue, or earlier in its clause).

/** `s` with every character that has a meaning in a regular expression escaped. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * `body` (a regular-expression alternation) as whole words: no letter or digit right before or after
 * it, in any script, so "Iran" is not found in "Iranian" nor "war" in "award".
 */
export function wordPattern(body: string, flags = 'giu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags)
}

/**
 * The negation lexicon (GUIDELINES.md: a negated act is not that act). Particles negate the verb after
 * them; `n't` is read inside its word ("won't", "didn't"); the verbs negate their "to" complement ("refused
 * to sign", "failed to include"); the rejecting words put an option against its speaker ("ruled out NATO
 * membership", "Russia's refusal of a ceasefire").
 */
export const NEGATORS = {
  particles: ['not', 'never', 'no longer'],
  contracted: ["n[’']t"],
  verbs: ['refus(?:e|es|ed|ing)', 'declin(?:e|es|ed|ing)', 'fail(?:s|ed)?'],
  rejecting: ['refus\\w*', 'reject\\w*', 'rul\\w* out'],
} as const

const wordStart = (words: readonly string[]) => `(?<![\\p{L}\\p{N}])(?:${words.join('|')})`

/** A negator just before a cue, at most two words between ("did not formally agree"). */
const NEGATED_CUE = new RegExp(
  `(?:${wordStart([...NEGATORS.particles, ...NEGATORS.verbs.map((v) => `${v} to`)])}|${NEGATORS.contracted.join('|')})\\s+(?:\\w+\\s+){0,2}$`,
  'iu',
)

/** A particle or a rejecting word earlier in the same clause, within 40 characters. */
const NEGATED_IN_CLAUSE = new RegExp(
  `(?:${wordStart([...NEGATORS.particles, ...NEGATORS.rejecting])}|${NEGATORS.contracted.join('|')})(?![\\p{L}\\p{N}])[^,;:–—]{0,40}$`,
  'iu',
)

/** Whether the words right before `at` negate what starts there: "refused to accept", "won't agree". */
export function negatedCue(text: string, at: number): boolean {
  return NEGATED_CUE.test(text.slice(Math.max(0, at - 40), at))
}

/** Whether a negator or a rejection comes earlier in the clause of `at`: "will not formally surrender its land". */
export function negatedInClause(text: string, at: number): boolean {
  return NEGATED_IN_CLAUSE.test(text.slice(Math.max(0, at - 60), at))
}
