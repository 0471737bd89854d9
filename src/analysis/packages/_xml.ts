// Reading GENIUS XML safely, with every problem located at its line and column:
// - a DOCTYPE or ENTITY declaration is refused before parsing, so that no entity can read another file
//   (XXE) or expand without bound (a billion laughs); the five predefined entities and character
//   references still read;
// - elements nested deeper than MAX_XML_DEPTH are refused (GENIUS files nest about five levels);
// - attributes are checked with zod, and each problem points at its attribute (the parser keeps every
//   element's offset in the text).
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { z } from 'zod'
import {
  type InputErrorCode,
  LocatedInputError,
  type LocatedProblem,
  numberProblem,
} from '../../core/index.ts'

/** The deepest nesting of elements read: GENIUS files nest about five levels. */
export const MAX_XML_DEPTH = 100

export type XmlNode = Record<string | symbol, unknown>

const META = XMLParser.getMetaDataSymbol() as unknown as symbol

/** A parsed element: an object (an element without attributes or children parses as ''). */
export function isElement(node: unknown): node is XmlNode {
  return typeof node === 'object' && node !== null && !Array.isArray(node)
}

/** The elements in `node[name]`, which the parser reads as a list (`arrays`), or [] when absent. */
export function children(node: XmlNode, name: string): unknown[] {
  const value = node[name]
  return Array.isArray(value) ? value : value === undefined ? [] : [value]
}

/** One XML file: its parsed document and the problems found in it so far, each at its place in the text. */
export class XmlFile {
  readonly problems: LocatedProblem[] = []
  private lineStarts: number[] | undefined

  constructor(
    readonly file: string,
    readonly text: string,
    readonly doc: XmlNode,
  ) {}

  /** The line and column (1-based) of offset `index` in the text. */
  position(index: number): { line: number; column: number } {
    if (this.lineStarts === undefined) {
      this.lineStarts = [0]
      for (let i = 0; i < this.text.length; i++) if (this.text[i] === '\n') this.lineStarts.push(i + 1)
    }
    const starts = this.lineStarts
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= index) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: index - (starts[lo] as number) + 1 }
  }

  /** Where an element starts, or its attribute `name` when it has one; line 0 when unknown. */
  at(node: unknown, attribute?: string): { line: number; column: number } {
    const meta = isElement(node) ? (node[META] as { startIndex?: number } | undefined) : undefined
    const start = meta?.startIndex
    if (start === undefined) return { line: 0, column: 0 }
    if (attribute !== undefined) {
      const end = this.text.indexOf('>', start)
      const pattern = new RegExp(`\\s${attribute.replace(/[^\w:.-]/g, '')}\\s*=`, 'g')
      pattern.lastIndex = start
      const found = pattern.exec(this.text)
      if (found && (end < 0 || found.index < end)) return this.position(found.index + 1)
    }
    return this.position(start)
  }

  /** Records a problem at `node` (or its attribute), under the element path `path`. */
  problem(
    node: unknown,
    path: string,
    message: string,
    { attribute, code = 'invalid' }: { attribute?: string; code?: InputErrorCode } = {},
  ): void {
    const { line, column } = this.at(node, attribute)
    this.problems.push({
      file: this.file,
      line,
      column,
      path: attribute === undefined ? path : `${path}.${attribute}`,
      message,
      code,
    })
  }

  /** The element's attributes as `schema` reads them, or undefined after recording its problems. */
  attributes<S extends z.ZodType>(node: unknown, path: string, schema: S): z.output<S> | undefined {
    if (!isElement(node)) {
      this.problem(node, path, 'expected one element with attributes', { code: 'malformed' })
      return undefined
    }
    const parsed = schema.safeParse(node)
    if (parsed.success) return parsed.data
    for (const issue of parsed.error.issues) {
      const attribute = typeof issue.path[0] === 'string' ? issue.path[0] : undefined
      const code = (issue.code === 'custom' ? issue.params?.code : undefined) as InputErrorCode | undefined
      this.problem(node, path, issue.message, {
        ...(attribute === undefined ? {} : { attribute }),
        code: code ?? (issue.code === 'invalid_type' ? 'missing' : 'invalid'),
      })
    }
    return undefined
  }

  /** Throws every problem recorded, in the order of the text. */
  done(): void {
    if (this.problems.length === 0) return
    const sorted = [...this.problems].sort((a, b) => a.line - b.line || a.column - b.column)
    throw new LocatedInputError(sorted)
  }
}

const problemAt = (file: string, text: string, index: number, message: string, code: InputErrorCode) => {
  const { line, column } = new XmlFile(file, text, {}).position(index)
  return new LocatedInputError([{ file, line, column, path: '', message, code }])
}

/**
 * The document of `text`, with the elements named in `arrays` read as lists. Throws a LocatedInputError
 * for a DOCTYPE or ENTITY declaration, invalid XML, or nesting deeper than MAX_XML_DEPTH.
 */
export function readXml(file: string, text: string, arrays: readonly string[]): XmlFile {
  // Comments and CDATA may mention a DOCTYPE; blank them (keeping offsets) before looking for one.
  const bare = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length))
  const declaration = /<!(DOCTYPE|ENTITY)\b/i.exec(bare)
  if (declaration) {
    const what = (declaration[1] as string).toUpperCase()
    throw problemAt(
      file,
      text,
      declaration.index,
      `${what === 'DOCTYPE' ? 'a <!DOCTYPE>' : 'an <!ENTITY>'} declaration is refused: Parley reads XML without DTDs or entity declarations (they can read other files or expand without bound)`,
      'unsupported',
    )
  }
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    const { line, col, msg } = valid.err
    throw new LocatedInputError([
      { file, line, column: col, path: '', message: `invalid XML: ${msg}`, code: 'malformed' },
    ])
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    captureMetaData: true,
    maxNestedTags: MAX_XML_DEPTH,
    isArray: (name) => arrays.includes(name),
  })
  let doc: XmlNode
  try {
    doc = parser.parse(text) as XmlNode
  } catch (error) {
    const message = (error as Error).message
    throw new LocatedInputError([
      {
        file,
        line: 0,
        column: 0,
        path: '',
        ...(/nested/i.test(message)
          ? {
              message: `elements nested more than ${MAX_XML_DEPTH} levels deep; Parley reads at most ${MAX_XML_DEPTH}`,
              code: 'too-large' as const,
            }
          : { message: `cannot read the XML: ${message}`, code: 'malformed' as const }),
      },
    ])
  }
  return new XmlFile(file, text, doc)
}

const required = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'required attribute is missing' : `expected ${what}`

/** A text attribute. */
export const textAttribute = z.string({ error: required('text') })

/** A number attribute from `min` to `max` (finite in any case), read from its text. */
export function numberAttribute(min?: number, max?: number) {
  return z.string({ error: required('a number') }).transform((s, ctx) => {
    const problem = numberProblem(s, min, max)
    if (problem === undefined) return Number(s)
    ctx.addIssue({ code: 'custom', message: problem.message, params: { code: problem.code } })
    return z.NEVER
  })
}

/** A whole-number attribute from `min` to `max`. */
export function integerAttribute(min: number, max: number) {
  return z.string({ error: required('a whole number') }).transform((s, ctx) => {
    const problem = numberProblem(s, min, max)
    if (problem === undefined && Number.isInteger(Number(s))) return Number(s)
    ctx.addIssue({
      code: 'custom',
      message:
        problem?.message.replace('a number', 'a whole number') ?? `expected a whole number, got "${s}"`,
      params: { code: problem?.code ?? 'invalid' },
    })
    return z.NEVER
  })
}
