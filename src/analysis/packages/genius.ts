// GENIUS XML (GENIUS 10.4): a domain file (<negotiation_template>) and one profile (<utility_space>)
// per party. Semantics as in validation/README.md, section Pareto:
// - a discrete item's value is its evaluation divided by the largest evaluation of that issue in the
//   same profile (division by the maximum only, not min-max scaling);
// - an integer issue's value is clamp(slope·(x − lowerbound) + offset, 0, 1);
// - utility = Σ weight × value, with the weights as written (Laptop's sum to 1.000052);
// - the reservation value as written, 0 when absent; discount factors are ignored.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Domain, DomainIssue } from './domain.ts'

type Node = Record<string, unknown>
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (n) => ['issue', 'item', 'weight', 'objective'].includes(n),
})

export class GeniusError extends Error {
  override name = 'GeniusError'
}

function parse(file: string, xml: string): Node {
  const valid = XMLValidator.validate(xml)
  if (valid !== true)
    throw new GeniusError(`${file}:${valid.err.line}:${valid.err.col}: invalid XML: ${valid.err.msg}`)
  return parser.parse(xml) as Node
}

/** The root element's name: negotiation_template (a domain) or utility_space (a profile). */
export function rootOf(xml: string): string | undefined {
  return /<(negotiation_template|utility_space)[\s>]/.exec(xml)?.[1]
}

function issuesOf(file: string, root: Node): Node[] {
  const objective = ((root.objective as Node[] | undefined) ?? [])[0]
  const issues = (objective?.issue as Node[] | undefined) ?? []
  if (issues.length === 0) throw new GeniusError(`${file}: no <issue> elements under <objective>`)
  return issues
}

export function readGeniusDomain(file: string, xml: string): DomainIssue[] {
  const doc = parse(file, xml)
  const template = doc.negotiation_template as Node | undefined
  const space = (template?.utility_space ?? template) as Node | undefined
  if (space === undefined) throw new GeniusError(`${file}: not a GENIUS domain (no <negotiation_template>)`)
  return issuesOf(file, space)
    .map((issue) => {
      const index = Number(issue.index)
      const name = String(issue.name)
      const type = String(issue.type ?? issue.etype ?? 'discrete')
      if (type === 'integer') {
        const lo = Number(issue.lowerbound)
        const hi = Number(issue.upperbound)
        if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo)
          throw new GeniusError(`${file}: issue "${name}": bad integer bounds`)
        return {
          index,
          issue: {
            id: String(index),
            name,
            options: Array.from({ length: hi - lo + 1 }, (_, k) => ({
              label: String(lo + k),
              value: lo + k,
            })),
          },
        }
      }
      const items = (issue.item as Node[] | undefined) ?? []
      return {
        index,
        issue: {
          id: String(index),
          name,
          options: items.map((it) => ({ label: String(it.value), value: String(it.value) })),
        },
      }
    })
    .sort((a, b) => a.index - b.index)
    .map((x) => x.issue)
}

/** One party's contributions per issue (weight × value), matched to the domain's issues by index. */
export function readGeniusProfile(
  file: string,
  xml: string,
  domain: DomainIssue[],
): { contributions: Float64Array[]; reservation: number } {
  const doc = parse(file, xml)
  const space = doc.utility_space as Node | undefined
  if (space === undefined) throw new GeniusError(`${file}: not a GENIUS profile (no <utility_space>)`)
  const objective = ((space.objective as Node[] | undefined) ?? [])[0] as Node
  const weights = new Map(
    ((objective?.weight as Node[] | undefined) ?? []).map((w) => [String(w.index), Number(w.value)]),
  )
  const issues = new Map(issuesOf(file, space).map((i) => [String(i.index), i]))
  const contributions = domain.map((d) => {
    const issue = issues.get(d.id)
    if (issue === undefined) throw new GeniusError(`${file}: no issue with index ${d.id} ("${d.name}")`)
    const weight = weights.get(d.id)
    if (weight === undefined || !Number.isFinite(weight))
      throw new GeniusError(`${file}: no <weight index="${d.id}">`)
    const evaluator = issue.evaluator as Node | undefined
    if (evaluator !== undefined && (issue.type === 'integer' || issue.etype === 'integer')) {
      const slope = Number(evaluator.slope)
      const offset = Number(evaluator.offset)
      const lo = Number(issue.lowerbound)
      return Float64Array.from(
        d.options,
        (o) => weight * Math.min(1, Math.max(0, slope * (Number(o.value) - lo) + offset)),
      )
    }
    const evaluation = new Map(
      ((issue.item as Node[] | undefined) ?? []).map((it) => [String(it.value), Number(it.evaluation)]),
    )
    const max = Math.max(...evaluation.values())
    if (!(max > 0)) throw new GeniusError(`${file}: issue "${d.name}": no positive evaluation`)
    return Float64Array.from(d.options, (o) => {
      const e = evaluation.get(String(o.value))
      if (e === undefined) throw new GeniusError(`${file}: issue "${d.name}": no evaluation for "${o.value}"`)
      return (weight * e) / max
    })
  })
  const rv = (space.reservation as Node | undefined)?.value
  return { contributions, reservation: rv === undefined ? 0 : Number(rv) }
}

/** A domain from GENIUS files: the domain XML and the profiles, each named (the party id). */
export function geniusDomain(
  domainFile: { name: string; xml: string },
  profiles: { name: string; xml: string }[],
): Domain {
  const issues = readGeniusDomain(domainFile.name, domainFile.xml)
  const read = profiles.map((p) => readGeniusProfile(p.name, p.xml, issues))
  return {
    issues,
    parties: profiles.map((p) => ({ id: p.name, name: p.name })),
    contributions: read.map((r) => r.contributions),
    reservation: read.map((r) => r.reservation),
  }
}
