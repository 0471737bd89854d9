// npm run audit:rules -- DIR…: every alternative of the extractor's lexical rules (cues, reading
// patterns, event cues) with the number of sentences it matches in the articles of the folders given
// (default: the bundled corpus). A rule that matches exactly one sentence may have been written for
// that sentence; each such rule must be justified below, or removed. The articles are read as
// `parley ingest` reads them, and nothing of them is written anywhere.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ruleAlternatives, splitSentences } from '../src/extract/index.ts'
import { cleanPlainText } from '../src/ingest/index.ts'
import { defaultCorpus } from '../src/paths.ts'

/**
 * Alternatives known to match one sentence of the development cases, with why each is general English of
 * diplomatic reporting (or of the annotation guidelines) and not a phrase of that sentence.
 */
const GUIDE = 'a verb or marker the annotation guidelines list for this act'
const REPORT = 'a common reporting verb of news English, one tense of a verb whose other tenses match more'
const JUSTIFIED: Record<string, string> = {
  '(?:will|would)(?<=(?:talks|negotiations|discussions|dialogue|contacts)\\s(?:will|would)) (?:continue|resume|go on)':
    'guidelines, section 4: saying negotiations will continue is an accept of them',
  'lack(?:s|ed)': 'issue 20: a complaint that a proposal lacks something is a demand for it',
  'fail(?:s|ed)? to (?:include|mention|address|guarantee|provide for|meet)':
    'issue 20: "fails to include" is a demand for what is missing',
  '(?:is|was|are|were|remains?|remained) (?:a|the|our|its|their) (?:top |key |main |first |highest |absolute )?priority':
    'naming something a priority is a demand for it, in any negotiation',
  '(?:suspend(?:s|ed|ing)?|halt(?:s|ed|ing)?|walk(?:s|ed)? out of|broke off|break(?:s)? off|pull(?:s|ed)? out of|withdr(?:aw|aws|ew|awn) from)(?= (?:its |their |the |all )?(?:\\S+ )?(?:mediation|participation|talks|negotiations|dialogue))':
    'the verbs of leaving the table, a reject of the talks (guidelines: "will not", refusals)',
  'call(?:s|ed|ing)? on': GUIDE,
  'push(?:es|ed|ing)? for': `${GUIDE} ("press for")`,
  sought: 'the past tense of "seek", whose present forms match more',
  'draft(?:s|ed|ing)': GUIDE,
  'commit(?:s|ted|ting)? to': GUIDE,
  'pledg(?:e|es|ed|ing)': GUIDE,
  'refus(?:e|es|ed|ing)': GUIDE,
  consent: 'the noun of accepting, beside "agreement" and "acceptance"',
  'on (?:the )?condition that': 'guidelines, section 4: the reciprocity and condition marker',
  'if (?:\\S+ ){1,3}?(?:wants?|is to|are to|hopes? to|wishes? to|seeks?)':
    'issue 20: "B must do Y if it wants Z" is a condition; one of the condition frames of English',
  "without(?<=(?:\\bnot|\\bnever|\\bcannot|n[’']t)\\s+(?:\\S+\\s+){1,8}?without)":
    'issue 20: "will not allow X without Y" is a condition, the negated form of "only with"',
  'before(?= (?:\\w+ ){1,5}?(?:can|could|would|will) be (?:considered|discussed|agreed|signed|reached|negotiated))':
    'guidelines, section 4: "before … can be considered"',
  'contingent (?:on|upon)': 'guidelines, section 4: "contingent on"',
  Says: 'headlines in title case ("Arland Says Borvia Must …"): the capitalised form of "says"',
  says: REPORT,
  confirms: REPORT,
  warned: REPORT,
  'made (?:it )?clear': REPORT,
  reiterated: REPORT,
  maintains: REPORT,
  'question(?:s|ed)? whether':
    'doubt (guidelines: doubts are not claims), a frame that makes its content no act',
  believed: REPORT,
  unconfirmed: 'a hedge kept on the claim (guidelines: hedges)',
  'according to (?:sources|reports|media)': 'a hedge kept on the claim (guidelines: unnamed sources)',
  others: 'guidelines, section 3: unnamed speakers are no actor',
  'tabl(?:e|es|ed|ing)':
    'the British verb of putting a proposal on the table, beside "presented" and "submitted"',
  '^(?:it|they)\\s+(?:also\\s+)?(?:calls? for|includes?|seeks?|envisages?|provides? for|offers?|proposes?|contains?|sets? out|requires?|stipulates?|foresees?|outlines?)\\b':
    'a pronoun for the proposal in view opening a sentence on its terms, the anaphoric form of "the plan includes"',
  '(?:negotiations|talks|discussions) involving': 'an event frame of talks between named delegations',
  'indirect (?:talks|negotiations)': 'talks through mediators, a standard term of diplomatic reporting',
  '(?:strike|attack|assault)(?<=\\b(?:the|an?) (?:strike|attack|assault))(?= (?:on|against) )':
    'the noun of a strike with its target ("the strike on X"), guidelines, section 5',
}

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const folders = dirs.length > 0 ? dirs : [defaultCorpus]
const sentences: { file: string; text: string }[] = []
for (const dir of folders) {
  const files = statSync(dir).isDirectory()
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(dir, f))
    : [dir]
  for (const file of files) {
    const { text } = cleanPlainText(readFileSync(file, 'utf8'))
    for (const s of splitSentences(text)) sentences.push({ file, text: s.text })
  }
}

const rows = ruleAlternatives().map((r) => ({
  ...r,
  hits: sentences.filter((s) => r.re.test(s.text)),
}))
const once = rows.filter((r) => r.hits.length === 1)
const never = rows.filter((r) => r.hits.length === 0)
const unjustified = once.filter((r) => JUSTIFIED[r.alternative] === undefined)

console.log(
  `${rows.length} rule alternatives over ${sentences.length} sentences of ${folders.length} folder(s): ` +
    `${rows.length - once.length - never.length} match two or more sentences, ${never.length} match none, ` +
    `${once.length} match exactly one (${once.length - unjustified.length} justified).`,
)
for (const r of once) {
  const why = JUSTIFIED[r.alternative]
  console.log(`  ${why ? 'justified ' : 'UNJUSTIFIED'} [${r.rule}] ${r.alternative}${why ? `: ${why}` : ''}`)
}
if (process.argv.includes('--never'))
  for (const r of never) console.log(`  no match   [${r.rule}] ${r.alternative}`)
process.exitCode = unjustified.length > 0 ? 1 : 0
