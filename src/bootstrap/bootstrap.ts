// A draft lexicon from articles alone (issue 19, `parley case new`): the parties they name, grouped by
// whom each person and organisation speaks for, and the issues their act cues govern. Everything
// here is general English of news reporting and a gazetteer of the world's countries and
// organisations; nothing is written for one negotiation.
import { splitSentences } from '../extract/index.ts'
import { readIssues } from './_issues.ts'
import { readNames } from './_names.ts'
import { readParties } from './_parties.ts'
import { type TaggedSentence, tagSentence } from './_sentence.ts'
import type { BootstrapArticle, BootstrapOptions, BootstrapResult } from './types.ts'

export function bootstrapLexicon(
  articles: readonly BootstrapArticle[],
  options: BootstrapOptions = {},
): BootstrapResult {
  const minCount = options.minCount ?? 2
  const sentences: TaggedSentence[] = []
  articles.forEach((article, i) => {
    for (const s of splitSentences(article.text)) sentences.push(tagSentence(i, s.text))
  })
  const names = sentences.map(readNames)
  const articleNames = articles.map((a) => a.name)
  const { parties, named } = readParties(sentences, names, articleNames, minCount, options.maxParties ?? 20)
  const issues = readIssues(sentences, named, articleNames, minCount, options.maxIssues ?? 20)
  // Ids and terms once each, as a valid lexicon has them.
  const ids = new Set<string>()
  const terms = new Set<string>()
  for (const issue of issues) {
    const base = issue.id
    for (let k = 2; ids.has(issue.id); k++) issue.id = `${base}_${k}`
    ids.add(issue.id)
    issue.terms = issue.terms.filter((t) => !terms.has(t.toLowerCase()))
    for (const t of issue.terms) terms.add(t.toLowerCase())
  }
  return { parties, issues }
}
