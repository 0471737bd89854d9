// What every chart shares: the document it draws into (the browser's, or linkedom's for reports and
// tests), sizes, and the palette. Chart functions are pure: data and a document in, an element out.
export interface ChartOptions {
  document: Document
  width?: number
}

/** One class for every chart, so their scoped styles are the same in the page and in reports. */
export const CLASS = 'parley-plot'

/** Categorical colours for the models and the parties (Tableau 10, as d3 names it). */
export const CATEGORICAL = [
  '#4e79a7',
  '#f28e2c',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc949',
  '#af7aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ab',
]

export const ACCENT = '#c0392b'
export const MUTED = '#8a8f98'

export const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif'

/** A text clipped to n characters with an ellipsis. */
export function clip(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`
}
