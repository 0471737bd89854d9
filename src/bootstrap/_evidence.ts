// What one sentence says about its names: who carries a title, who speaks (the subject of "said" or
// of an act), which name has officials or a delegation, and whom a name speaks for:
// - "Freedonia's foreign minister Jane Doe", "Chinese Vice Premier He Lifeng",
//   "Commerce Ministry spokesman Li Wei": the name after a title speaks for the name before it;
// - "Jane Doe, Freedonia's envoy," and "Li Wei, a spokesman for the Sylvanian Foreign Ministry,": an
//   appositive with a title ties the name to the party it names;
// - "the Prime Minister of Freedonia, Jane Doe": a title "of" a party;
// - "Freedonia's Fisheries Ministry", "the Sylvanian Trade Council": an organisation belongs to the
//   party that owns it.
import type { NameSpan, SentenceNames } from './_names.ts'
import type { TaggedSentence } from './_sentence.ts'
import { AGENT_NOUNS, LOCATIVE, ORGANISATION_HEADS, TITLE_HEADS } from './_titles.ts'
import type { Token } from './_tokens.ts'

export interface RunEvidence {
  /** A title stands before the name or in its appositive. */
  titled: boolean
  /** The name is the subject of a reporting verb or an act cue ("Jane Doe said", "said Jane Doe"). */
  speaks: boolean
  /** The name has officials, a delegation, a spokesman: an organisation or a government. */
  agent: boolean
  /** A word of the name is the head of an organisation's name ("Ministry", "Council"). */
  organisation: boolean
}

/** "This name speaks for that one", read in one sentence: indices into the sentence's names. */
export interface Tie {
  from: number
  to: number
}

export interface SentenceEvidence {
  runs: Map<number, RunEvidence>
  ties: Tie[]
}

const isApostropheS = (t: Token | undefined) => t !== undefined && /^['’]s$/i.test(t.text)
const isComma = (t: Token | undefined) => t?.text === ','
const CLAUSE_END = /^[,;:.!?()“”"—–]$/

export function readEvidence(s: TaggedSentence, n: SentenceNames): SentenceEvidence {
  const runs = new Map<number, RunEvidence>()
  const ties: Tie[] = []
  const t = s.tokens
  const spanEndingAt = (k: number) => {
    const i = n.nameAt[k] ?? -1
    return i >= 0 && n.names[i]?.last === k ? i : -1
  }
  const spanStartingAt = (k: number) => {
    const i = n.nameAt[k] ?? -1
    return i >= 0 && n.names[i]?.first === k ? i : -1
  }
  const evidence = (i: number): RunEvidence => {
    let e = runs.get(i)
    if (e === undefined) {
      const span = n.names[i] as NameSpan
      const words = t.slice(span.first, span.last + 1)
      e = {
        titled: false,
        speaks: false,
        agent: false,
        organisation: words.some((w) => w.cap && ORGANISATION_HEADS.has(w.lower)),
      }
      runs.set(i, e)
    }
    return e
  }
  /** The party a title speaks for: "X's <title>", "X <title>", "<title> of X". */
  const titleOwner = (titleFirst: number, titleLast: number): number => {
    const before = t[titleFirst - 1]
    if (isApostropheS(before)) return spanEndingAt(titleFirst - 2)
    const adjacent = spanEndingAt(titleFirst - 1)
    if (adjacent >= 0) return adjacent
    if (t[titleLast + 1]?.lower === 'of') {
      const at = t[titleLast + 2]?.lower === 'the' ? titleLast + 3 : titleLast + 2
      return spanStartingAt(at)
    }
    return -1
  }

  n.names.forEach((span, i) => {
    if (span.known !== undefined || span.news) return
    const e = evidence(i)
    e.speaks ||= speaks(s, span)
    const next = t[span.last + 1]
    const nounAfter = isApostropheS(next) ? t[span.last + 2] : next
    if (nounAfter !== undefined && !nounAfter.cap && AGENT_NOUNS.has(nounAfter.lower)) e.agent = true

    // A title right before the name, or before a comma before it: "Vice Premier He Lifeng".
    let k = span.first - 1
    if (isComma(t[k]) && n.title[k - 1] === 1) k--
    if (n.title[k] === 1) {
      e.titled = true
      let titleFirst = k
      while (titleFirst > 0 && n.title[titleFirst - 1] === 1) titleFirst--
      const owner = titleOwner(titleFirst, k)
      if (owner >= 0 && owner !== i) {
        ties.push({ from: i, to: owner })
        if (n.names[owner]?.known === undefined) evidence(owner).agent = true
      }
    }
    // The name's appositive: "Jane Doe, Freedonia's envoy," or "Li Wei, a spokesman for …,"; not
    // a place before the sentence's subject ("In Geneva, the Treasury chief said").
    if (isComma(next) && !LOCATIVE.has(t[span.first - 1]?.lower ?? '')) {
      const owner = appositiveOwner(t, n, span.last + 2)
      if (owner !== undefined) {
        e.titled = true
        if (owner >= 0 && owner !== i) ties.push({ from: i, to: owner })
      }
    }
  })
  // An organisation owned by a party: "Freedonia's Fisheries Ministry", "the Sylvanian Trade Council".
  n.names.forEach((span, i) => {
    if (span.known !== undefined || span.news || !evidence(i).organisation) return
    const before = t[span.first - 1]
    const owner = isApostropheS(before) ? spanEndingAt(span.first - 2) : spanEndingAt(span.first - 1)
    if (owner >= 0 && owner !== i) ties.push({ from: i, to: owner })
  })
  return { runs, ties }
}

/**
 * An appositive from word `at` to the next clause mark: undefined when it holds no title, else the
 * name it ties to (-1 for none): the organisation after "X's" when there is one, else the first name.
 */
function appositiveOwner(t: readonly Token[], n: SentenceNames, at: number): number | undefined {
  let titled = false
  let owner = -1
  let possessed = -1
  let k = at
  for (; k < t.length && !CLAUSE_END.test((t[k] as Token).text); k++) {
    const token = t[k] as Token
    // A verb before the closing comma: a clause ("…, the Treasury chief said"), not an appositive.
    if (token.pos === 'VERB' || token.pos === 'AUX' || k >= at + 14) return undefined
    if (TITLE_HEADS.has(token.lower) && n.nameAt[k] === -1) titled = true
    const i = n.nameAt[k] ?? -1
    if (i >= 0 && n.names[i]?.first === k) {
      if (owner < 0) owner = i
      if (isApostropheS(t[k - 1])) possessed = i
    }
  }
  if (!titled) return undefined
  return possessed >= 0 ? possessed : owner
}

/** Whether the name is the subject of a reporting verb or act cue, or follows "said" ("said Jane Doe"). */
function speaks(s: TaggedSentence, span: NameSpan): boolean {
  const verbs = [...s.reporting, ...s.cues.filter((c) => c.form === 'verb' || c.form === 'modal')]
  for (const v of verbs) {
    if (v.last === span.first - 1 && s.reporting.includes(v)) return true
    if (v.first <= span.last || v.first > span.last + 3) continue
    const between = s.tokens.slice(span.last + 1, v.first)
    if (!between.some((w) => CLAUSE_END.test(w.text))) return true
  }
  return false
}
