// Building the page without ever parsing text as markup: every string becomes a text node, links go
// only to http(s) addresses, and event handlers are functions, never attributes.
import { safeHttpUrl } from '../../src/core/index.ts'

export type Child = Node | string | number | null | undefined | false
type Props = Record<string, string | number | boolean | undefined | ((event: Event) => void)>

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag)
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue
    if (typeof value === 'function') {
      if (!key.startsWith('on')) throw new Error(`h(): a function for "${key}"`)
      e.addEventListener(key.slice(2).toLowerCase(), value)
      continue
    }
    if (key.startsWith('on') || key === 'href' || key === 'src' || key === 'srcdoc' || key === 'style')
      throw new Error(`h(): "${key}" is set only through link() or CSS classes`)
    if (key === 'class') e.className = String(value)
    else if (key === 'value' && 'value' in e) (e as HTMLInputElement).value = String(value)
    else e.setAttribute(key, value === true ? '' : String(value))
  }
  append(e, children)
  return e
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue
    parent.appendChild(
      typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c,
    )
  }
}

/** A link that opens a new tab with rel=noopener, for http(s) URLs only; any other URL shows as text. */
export function link(url: string | null | undefined, text: string): HTMLElement {
  const safe = safeHttpUrl(url)
  if (safe === undefined) return h('span', {}, text)
  const a = h('a', { target: '_blank', rel: 'noopener noreferrer' }, text)
  a.href = safe
  return a
}

/** An in-page link to a view (#/view?…). */
export function viewLink(hash: string, text: string, props: Props = {}): HTMLAnchorElement {
  const a = h('a', props, text)
  a.href = `#/${hash}`
  return a
}

export function fmt(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits)
}

/** A date, with ≈ and a note when it is an estimate. */
export function dateText(date: string | null | undefined, estimated: boolean): string {
  if (!date) return 'undated'
  return estimated ? `≈ ${date}` : date
}

export function clear(e: Element): void {
  while (e.firstChild) e.removeChild(e.firstChild)
}

export function table(
  head: string[],
  rows: (Child | Child[])[][],
  numeric: boolean[] = [],
): HTMLTableElement {
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h('tr', {}, ...head.map((x, k) => h('th', { scope: 'col', class: numeric[k] ? 'num' : undefined }, x))),
    ),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h('tr', {}, ...r.map((c, k) => h('td', { class: numeric[k] ? 'num' : undefined }, c))),
      ),
    ),
  )
}

export function section(title: string, ...children: (Child | Child[])[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children)
}

export function errorBox(error: unknown): HTMLElement {
  return h(
    'div',
    { class: 'error', role: 'alert' },
    `Could not load this view: ${(error as Error).message ?? String(error)}`,
  )
}
