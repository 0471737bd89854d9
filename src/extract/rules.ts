// The lexical rules of the extractor, one alternative at a time, for `npm run audit:rules`: a rule that
// matches a single sentence of the development corpora may have been written for that sentence.
import { CUE_RULES } from './_cues.ts'
import { READING_RULES } from './_reading.ts'
import { CLAIM_RULES } from './claims.ts'
import { EVENT_RULES } from './events.ts'

export interface RuleAlternative {
  /** The table or pattern it belongs to ("verb accept #2", "event meeting"). */
  rule: string
  /** The alternative's own source text. */
  alternative: string
  /** The alternative alone, with the word boundaries and flags of its rule. */
  re: RegExp
}

/** The top-level alternatives of a regular expression body (outside groups and classes). */
export function topLevelAlternatives(body: string): string[] {
  const out: string[] = []
  let depth = 0
  let inClass = false
  let from = 0
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (ch === '\\') {
      i++
      continue
    }
    if (inClass) {
      if (ch === ']') inClass = false
    } else if (ch === '[') inClass = true
    else if (ch === '(') depth++
    else if (ch === ')') depth--
    else if (ch === '|' && depth === 0) {
      out.push(body.slice(from, i))
      from = i + 1
    }
  }
  out.push(body.slice(from))
  return out
}

const WORD_START = '(?<![\\p{L}\\p{N}])(?:'
const WORD_END = ')(?![\\p{L}\\p{N}])'

/** Every alternative of every lexical rule. Anchors are dropped: each is matched anywhere in a sentence. */
export function ruleAlternatives(): RuleAlternative[] {
  const out: RuleAlternative[] = []
  for (const { name, re } of [...CUE_RULES, ...READING_RULES, ...CLAIM_RULES, ...EVENT_RULES]) {
    const flags = re.flags.replace(/[gy]/g, '')
    const wrapped = re.source.startsWith(WORD_START) && re.source.endsWith(WORD_END)
    const body = wrapped ? re.source.slice(WORD_START.length, -WORD_END.length) : re.source
    for (const alternative of topLevelAlternatives(body)) {
      const bare = alternative.replace(/^\^/, '').replace(/(?<!\\)\$$/, '')
      const source = wrapped ? `${WORD_START}${bare}${WORD_END}` : bare
      out.push({ rule: name, alternative, re: new RegExp(source, flags) })
    }
  }
  return out
}
