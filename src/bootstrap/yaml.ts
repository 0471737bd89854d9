// The draft lexicon as YAML, in the minimal shape of `parley-lexicon/1` (schema, about, actors with
// name, aliases and adjectives, issues with name, description, terms and weak_terms), with a comment
// above each party and issue: its count and two example sentences, for the analyst who edits it.
import { Document, isMap, isSeq, type Pair, type Scalar, type YAMLMap } from 'yaml'
import type { Example, ProposedIssue, ProposedParty } from './types.ts'

const HEADER = [
  ' A draft lexicon proposed from the articles alone (parley case new): edit it before use.',
  ' Parties: the countries, organisations and people the articles name, grouped by whom they speak',
  ' for where the text says so. Issues: noun phrases that the articles tie to demands, offers,',
  ' acceptances and refusals, best first. Merge, split, rename and delete freely.',
].join('\n')

const EXAMPLE_CHARS = 220

const quoted = (e: Example) => {
  const s = e.sentence.length > EXAMPLE_CHARS ? `${e.sentence.slice(0, EXAMPLE_CHARS - 1)}…` : e.sentence
  return ` ${e.article}: "${s}"`
}

const partyComment = (p: ProposedParty) =>
  [` ${p.count} mention${p.count === 1 ? '' : 's'} (${p.kind})`, ...p.examples.map(quoted)].join('\n')

const issueComment = (i: ProposedIssue) => {
  const acts = Object.entries(i.acts)
    .map(([act, n]) => `${act} ${n}`)
    .join(', ')
  const head = ` ${i.count} sentence${i.count === 1 ? '' : 's'} tie it to an act (${acts}), in ${i.articles} article${i.articles === 1 ? '' : 's'}`
  return [head, ...i.examples.map(quoted)].join('\n')
}

export function lexiconYaml(
  result: { parties: readonly ProposedParty[]; issues: readonly ProposedIssue[] },
  about = 'Draft lexicon proposed from the articles by parley case new.',
  options: { scales?: boolean } = {},
): string {
  const doc = new Document({
    schema: 'parley-lexicon/1',
    about,
    actors: Object.fromEntries(
      result.parties.map((p) => [p.id, { name: p.name, aliases: p.aliases, adjectives: p.adjectives }]),
    ),
    issues: Object.fromEntries(
      result.issues.map((i) => [
        i.id,
        {
          name: i.name,
          description: `proposed from ${i.count} sentences: ${i.terms.slice(0, 3).join(', ')}`,
          terms: i.terms,
          weak_terms: [],
          // A first scale, so that `parley scenario draft` places a party that demands, proposes or
          // accepts the issue at once; the analyst replaces it with the issue's real options.
          ...(options.scales ? { options: firstScale(i.name) } : {}),
        },
      ]),
    ),
  })
  doc.commentBefore = HEADER
  comment(doc.get('actors'), result.parties.map(partyComment))
  comment(doc.get('issues'), result.issues.map(issueComment))
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false })
}

/** Puts `comments[k]` above the k-th key of `map`, and writes its lists in flow style. */
function comment(map: unknown, comments: readonly string[]): void {
  if (!isMap(map)) return
  ;(map as YAMLMap).items.forEach((pair: Pair, k) => {
    ;(pair.key as Scalar).commentBefore = comments[k]
    if (!isMap(pair.value)) return
    for (const field of pair.value.items) if (isSeq(field.value)) field.value.flow = true
  })
}

/** Two options, the issue not granted (0) and granted (100, where a demand that names no option sits). */
function firstScale(name: string) {
  return [
    { label: `no ${name.toLowerCase()}`, position: 0 },
    { label: name.toLowerCase(), position: 100, default: true },
  ]
}
