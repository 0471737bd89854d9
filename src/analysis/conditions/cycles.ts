// Elementary cycles of a directed graph: Johnson (1975), "Finding all the elementary circuits of a
// directed graph", SIAM J. Comput. 4(1). Nodes are taken in order; cycles through node s are found
// in the subgraph of nodes ≥ s, with the blocked-set bookkeeping that makes the search output-linear.
// `limit` caps the number of cycles; `complete` says whether all were found.

export function elementaryCycles(
  nodeCount: number,
  successors: readonly number[][],
  limit = 100_000,
): { cycles: number[][]; complete: boolean } {
  const cycles: number[][] = []
  const blocked = new Uint8Array(nodeCount)
  const blockMap: Set<number>[] = Array.from({ length: nodeCount }, () => new Set())
  const stack: number[] = []
  let complete = true

  const unblock = (u: number) => {
    blocked[u] = 0
    for (const w of blockMap[u] as Set<number>) {
      ;(blockMap[u] as Set<number>).delete(w)
      if (blocked[w]) unblock(w)
    }
  }

  for (let s = 0; s < nodeCount && complete; s++) {
    // Only nodes ≥ s take part in cycles found from s.
    for (let i = s; i < nodeCount; i++) {
      blocked[i] = 0
      ;(blockMap[i] as Set<number>).clear()
    }
    const circuit = (v: number): boolean => {
      if (!complete) return false
      let found = false
      stack.push(v)
      blocked[v] = 1
      for (const w of successors[v] as number[]) {
        if (w < s) continue
        if (w === s) {
          cycles.push([...stack])
          if (cycles.length >= limit) complete = false
          found = true
        } else if (!blocked[w] && circuit(w)) found = true
        if (!complete) break
      }
      if (found) unblock(v)
      else for (const w of successors[v] as number[]) if (w >= s) (blockMap[w] as Set<number>).add(v)
      stack.pop()
      return found
    }
    circuit(s)
  }
  return { cycles, complete }
}
