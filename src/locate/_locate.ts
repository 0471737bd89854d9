// Maps a path into the parsed data back to a line and column of the YAML (or JSON) text.
import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml'

export interface Position {
  line: number
  column: number
}

/**
 * The position of the node at `path`, or of its closest existing ancestor when the path runs into
 * a missing field (so "meta.title is missing" points at `meta:`). With `key`, the position of the
 * key itself, used for unknown fields.
 */
export function locate(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  key?: string,
): Position {
  let node: unknown = doc.contents
  let offset = rangeStart(node) ?? 0
  const steps = key === undefined ? path : [...path, key]
  for (const [i, step] of steps.entries()) {
    const isLastKey = key !== undefined && i === steps.length - 1
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((p) => (isScalar(p.key) ? p.key.value : p.key) === step)
      if (pair === undefined) break
      const target = isLastKey || pair.value === null ? pair.key : pair.value
      offset = rangeStart(target) ?? offset
      node = pair.value
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step]
      if (item === undefined) break
      offset = rangeStart(item) ?? offset
      node = item
    } else break
  }
  const { line, col } = lines.linePos(offset)
  return { line, column: col }
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0]
}
