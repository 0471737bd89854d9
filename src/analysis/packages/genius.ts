// GENIUS XML (GENIUS 10.4): a domain file (<negotiation_template>) and one profile (<utility_space>)
// per party. Semantics as in validation/README.md, section Pareto:
// - a discrete item's value is its evaluation divided by the largest evaluation of that issue in the
//   same profile (division by the maximum only, not min-max scaling);
// - an integer issue's value is clamp(slope·(x − lowerbound) + offset, 0, 1);
// - utility = Σ weight × value, with the weights as written (Laptop's sum to 1.000052);
// - the reservation value as written, 0 when absent; discount factors are ignored.
// What is read is checked (issue 21): weights and the reservation value from 0 to 1, evaluations finite
// and ≥ 0, slopes and offsets finite, integer bounds whole, at most MAX_ISSUE_VALUES values per issue and
// MAX_OUTCOMES packages; a DOCTYPE or ENTITY declaration is refused (_xml.ts). Every problem names the
// file, line and column.
import { z } from 'zod'
import { formatCount, InputError } from '../../core/index.ts'
import {
  integerAttribute,
  isElement,
  numberAttribute,
  readXml,
  textAttribute,
  type XmlFile,
  type XmlNode,
} from './_xml.ts'
import { checkOutcomeSpace, type Domain, type DomainIssue, MAX_ISSUE_VALUES } from './domain.ts'

/** A GENIUS file that is not what it should be; the message names the file. */
export class GeniusError extends InputError {
  override name = 'GeniusError'
}

const ARRAYS = ['issue', 'item', 'weight', 'objective']
/** The largest integer bound read: far beyond any GENIUS domain, and exact in a double. */
const MAX_BOUND = 1_000_000_000

/** The root element's name: negotiation_template (a domain) or utility_space (a profile). */
export function rootOf(xml: string): string | undefined {
  return /<(negotiation_template|utility_space)[\s>]/.exec(xml)?.[1]
}

const IssueHead = z.object({
  index: integerAttribute(0, MAX_BOUND),
  name: textAttribute,
  type: z.string().optional(),
  etype: z.string().optional(),
})
const Bounds = z.object({
  lowerbound: integerAttribute(-MAX_BOUND, MAX_BOUND),
  upperbound: integerAttribute(-MAX_BOUND, MAX_BOUND),
})
const DomainItem = z.object({ value: textAttribute })
const ProfileItem = z.object({ value: textAttribute, evaluation: numberAttribute(0) })
const Weight = z.object({ index: textAttribute, value: numberAttribute(0, 1) })
const Evaluator = z.object({ slope: numberAttribute(), offset: numberAttribute() })
const Reservation = z.object({ value: numberAttribute(0, 1) })

const typeOf = (head: z.output<typeof IssueHead>) => head.type ?? head.etype ?? 'discrete'

/** The <issue> elements under the first <objective> of `space`, with the path to them. */
function issuesOf(x: XmlFile, space: XmlNode, where: string): { node: unknown; path: string }[] {
  const objective = (space.objective as unknown[] | undefined)?.[0]
  const issues = isElement(objective) ? ((objective.issue as unknown[] | undefined) ?? []) : []
  if (issues.length === 0)
    throw new GeniusError(`${x.file}: no <issue> elements under <objective>`, { code: 'missing' })
  return issues.map((node, k) => ({ node, path: `${where}objective[0].issue[${k}]` }))
}

/** One issue of a domain file, or undefined after recording its problems. */
function domainIssue(x: XmlFile, node: unknown, path: string): (DomainIssue & { index: number }) | undefined {
  const head = x.attributes(node, path, IssueHead)
  if (head === undefined) return undefined
  const base = { index: head.index, id: String(head.index), name: head.name }
  if (typeOf(head) === 'integer') {
    const bounds = x.attributes(node, path, Bounds)
    if (bounds === undefined) return undefined
    const { lowerbound: lo, upperbound: hi } = bounds
    if (hi < lo) {
      x.problem(node, path, `issue "${head.name}": bad integer bounds (upperbound ${hi} < lowerbound ${lo})`)
      return undefined
    }
    if (hi - lo + 1 > MAX_ISSUE_VALUES) {
      x.problem(
        node,
        path,
        `issue "${head.name}" has ${formatCount(hi - lo + 1)} values (${lo} to ${hi}); an issue may have at most ${formatCount(MAX_ISSUE_VALUES)}`,
        { attribute: 'upperbound', code: 'too-large' },
      )
      return undefined
    }
    const options = Array.from({ length: hi - lo + 1 }, (_, k) => ({ label: String(lo + k), value: lo + k }))
    return { ...base, options }
  }
  const items = ((node as XmlNode).item as unknown[] | undefined) ?? []
  if (items.length === 0) {
    x.problem(node, path, `issue "${head.name}" has no <item>`, { code: 'missing' })
    return undefined
  }
  const values = items.map((it, k) => x.attributes(it, `${path}.item[${k}]`, DomainItem)?.value)
  if (values.some((v) => v === undefined)) return undefined
  return { ...base, options: (values as string[]).map((v) => ({ label: v, value: v })) }
}

export function readGeniusDomain(file: string, xml: string): DomainIssue[] {
  const x = readXml(file, xml, ARRAYS)
  const template = x.doc.negotiation_template
  if (!isElement(template))
    throw new GeniusError(`${file}: not a GENIUS domain (no <negotiation_template>)`, { code: 'missing' })
  const inner = isElement(template.utility_space)
  const space = inner ? (template.utility_space as XmlNode) : template
  const found = issuesOf(x, space, inner ? 'utility_space.' : '').map(({ node, path }) => ({
    node,
    path,
    issue: domainIssue(x, node, path),
  }))
  const seen = new Set<number>()
  for (const { node, path, issue } of found) {
    if (issue === undefined) continue
    if (seen.has(issue.index))
      x.problem(node, path, `a second issue with index ${issue.index}`, { attribute: 'index' })
    seen.add(issue.index)
  }
  x.done()
  const issues = found
    .map((f) => f.issue as DomainIssue & { index: number })
    .sort((a, b) => a.index - b.index)
    .map(({ index: _, ...issue }) => issue)
  checkOutcomeSpace(file, issues)
  return issues
}

/** The profile's contributions for one issue (weight × value per option), after checking what it reads. */
function contributionsOf(
  x: XmlFile,
  d: DomainIssue,
  issue: { node: XmlNode; path: string },
  weight: number,
): Float64Array {
  const { node, path } = issue
  const integer = node.type === 'integer' || node.etype === 'integer'
  if (node.evaluator !== undefined && integer) {
    const evaluator = x.attributes(node.evaluator, `${path}.evaluator`, Evaluator)
    const bound = x.attributes(node, path, z.object({ lowerbound: Bounds.shape.lowerbound }))
    if (evaluator === undefined || bound === undefined) return new Float64Array(0)
    const { slope, offset } = evaluator
    const lo = bound.lowerbound
    return Float64Array.from(
      d.options,
      (o) => weight * Math.min(1, Math.max(0, slope * (Number(o.value) - lo) + offset)),
    )
  }
  const evaluation = new Map<string, number>()
  let unread = false
  for (const [k, it] of ((node.item as unknown[] | undefined) ?? []).entries()) {
    const item = x.attributes(it, `${path}.item[${k}]`, ProfileItem)
    if (item !== undefined) evaluation.set(item.value, item.evaluation)
    else unread = true
  }
  if (unread) return new Float64Array(0) // each unreadable item's problem is recorded already
  let max = Number.NEGATIVE_INFINITY
  for (const e of evaluation.values()) max = Math.max(max, e)
  if (!(max > 0)) {
    x.problem(node, path, `issue "${d.name}": no positive evaluation`, { code: 'missing' })
    return new Float64Array(0)
  }
  return Float64Array.from(d.options, (o) => {
    const e = evaluation.get(String(o.value))
    if (e !== undefined) return (weight * e) / max
    x.problem(node, path, `issue "${d.name}": no evaluation for "${o.value}"`, { code: 'missing' })
    return 0
  })
}

/** One party's contributions per issue (weight × value), matched to the domain's issues by index. */
export function readGeniusProfile(
  file: string,
  xml: string,
  domain: DomainIssue[],
): { contributions: Float64Array[]; reservation: number } {
  const x = readXml(file, xml, ARRAYS)
  const space = x.doc.utility_space
  if (!isElement(space))
    throw new GeniusError(`${file}: not a GENIUS profile (no <utility_space>)`, { code: 'missing' })
  const objective = (space.objective as unknown[] | undefined)?.[0]
  // Each weight by its issue's index; NaN for one given but unreadable (its problem recorded already).
  const weights = new Map<string, number>()
  if (isElement(objective))
    for (const [k, w] of ((objective.weight as unknown[] | undefined) ?? []).entries()) {
      const weight = x.attributes(w, `objective[0].weight[${k}]`, Weight)
      const index = isElement(w) && typeof w.index === 'string' ? w.index : undefined
      if (weight !== undefined) weights.set(weight.index, weight.value)
      else if (index !== undefined) weights.set(index, Number.NaN)
    }
  const issues = new Map<string, { node: XmlNode; path: string }>()
  for (const { node, path } of issuesOf(x, space, '')) {
    const index = x.attributes(node, path, z.object({ index: textAttribute }))?.index
    if (index !== undefined) issues.set(index, { node: node as XmlNode, path })
  }
  const contributions = domain.map((d) => {
    const issue = issues.get(d.id)
    const weight = weights.get(d.id)
    if (issue === undefined)
      x.problem(objective, 'objective[0]', `no issue with index ${d.id} ("${d.name}")`, { code: 'missing' })
    else if (weight === undefined)
      x.problem(objective, 'objective[0]', `no <weight index="${d.id}">`, { code: 'missing' })
    else return contributionsOf(x, d, issue, weight)
    return new Float64Array(0)
  })
  const reservation =
    space.reservation === undefined ? 0 : x.attributes(space.reservation, 'reservation', Reservation)?.value
  x.done()
  return { contributions, reservation: reservation ?? 0 }
}

/**
 * A domain from GENIUS files: the domain XML and the profiles, each named (the party id). `file`, when
 * given, is what errors name (a path); else the name.
 */
export function geniusDomain(
  domainFile: { name: string; xml: string; file?: string },
  profiles: { name: string; xml: string; file?: string }[],
): Domain {
  const issues = readGeniusDomain(domainFile.file ?? domainFile.name, domainFile.xml)
  const read = profiles.map((p) => readGeniusProfile(p.file ?? p.name, p.xml, issues))
  return {
    issues,
    parties: profiles.map((p) => ({ id: p.name, name: p.name })),
    contributions: read.map((r) => r.contributions),
    reservation: read.map((r) => r.reservation),
  }
}
