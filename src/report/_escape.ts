// The report's one escaper, and the serialiser that routes every text and attribute of the report's DOM
// through it. linkedom's own serialiser writes the text of an HTML <title>, <textarea> or <style>
// unescaped, so a scenario title holding `</title><meta http-equiv=refresh …>` became live markup
// (issue 21), and it leaves `&` raw in attributes. Here no text is ever written as markup, whatever
// element holds it.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text as HTML: the five characters markup could read, as entities. Safe in text and in quoted attributes. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)

/**
 * A style sheet's text inside <style>, where the parser reads no entities (so `>` must stay `>`): only
 * `<` could end the element, and it is written as the CSS escape `\3C `, which means the same to CSS.
 * The sheets are Parley's own and Observable Plot's; neither holds a `<`, so this changes nothing today.
 */
export const styleText = (css: string): string => css.replace(/</g, '\\3C ')

/** Elements of HTML that have no end tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])

/** A name markup can hold: an element or attribute name that is anything else is left out, never written. */
const NAME = /^[a-zA-Z][a-zA-Z0-9:._-]*$/

const SVG_NS = 'http://www.w3.org/2000/svg'
const ELEMENT = 1
const TEXT = 3

/**
 * `node` as HTML. Element and attribute names come from Parley's code and Plot, never from data (and
 * one that is not a plain name is dropped); every text goes through `escapeHtml` (a style sheet through
 * `styleText`), every attribute value too.
 * Comments and other nodes are left out: the report has none of its own.
 */
export function serializeHtml(node: Node): string {
  if (node.nodeType === TEXT) return escapeHtml(node.textContent ?? '')
  if (node.nodeType !== ELEMENT) return ''
  const el = node as Element
  const name = el.localName
  if (!NAME.test(name)) return ''
  const attributes = [...el.attributes]
    .filter((a) => NAME.test(a.name))
    .map((a) => ` ${a.name}="${escapeHtml(a.value)}"`)
    .join('')
  const inSvg = el.namespaceURI === SVG_NS
  if (!inSvg && VOID.has(name)) return `<${name}${attributes}>`
  const children = [...el.childNodes]
  if (inSvg && children.length === 0) return `<${name}${attributes}/>`
  const inner =
    name === 'style'
      ? styleText(el.textContent ?? '')
      : children.map((child) => serializeHtml(child as Node)).join('')
  return `<${name}${attributes}>${inner}</${name}>`
}
