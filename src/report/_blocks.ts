// What the report's sections are built from: the block types the renderers know, each figure's basis,
// and the few formatters every section shares. Text here is plain text; renderers escape it.
import { safeHttpUrl } from '../core/index.ts'
import type { Grounded, Scenario } from '../scenario/index.ts'

export interface Basis {
  quotes: { quote: string; source: string; title: string; date: string; estimated: boolean; url?: string }[]
  assumption?: string
}

export type Block =
  | { kind: 'h'; level: 1 | 2 | 3; text: string; id?: string }
  | { kind: 'p'; text: string }
  | { kind: 'table'; head: string[]; rows: string[][]; numeric?: boolean[] }
  | { kind: 'figure'; element: Element; caption: string }
  | { kind: 'basis'; label: string; basis: Basis }
  | { kind: 'list'; items: string[] }
  | {
      kind: 'sources'
      items: { id: string; title: string; date: string; estimated: boolean; url?: string }[]
    }

/** A position or percentile to one decimal; a dash where a model gave no number (or a non-finite one). */
export const oneDecimal = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1)

/** The issue's name, or its id when the scenario has no such issue. */
export const issueName = (s: Scenario, id: string) => s.issues.find((i) => i.id === id)?.name ?? id

/** What a grounded number rests on: its quotes with their sources, and its assumption. */
export function basisOf(s: Scenario, g: Pick<Grounded, 'evidence' | 'assumption'>): Basis {
  return {
    quotes: (g.evidence ?? []).map((e) => {
      const src = s.sources.find((x) => x.id === e.source)
      const url = safeHttpUrl(src?.url)
      return {
        quote: e.quote,
        source: e.source,
        title: src?.title ?? e.source,
        date: src?.date ?? '',
        estimated: src?.date_estimated ?? false,
        ...(url ? { url } : {}),
      }
    }),
    ...(g.assumption ? { assumption: g.assumption } : {}),
  }
}
