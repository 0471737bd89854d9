// What-if: change a stance's position, salience or red line, and get the scenario text back with the
// change made in place (comments and layout kept), so it can be validated like any scenario file and
// saved as a new one. A changed number no longer rests on its quote: it becomes an assumption that
// names the value it replaces.
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml'
import { z } from 'zod'
import { InputError } from '../core/index.ts'
import { Id } from './schema.ts'

export const WhatIfField = z.enum(['position', 'salience', 'acceptable_min', 'acceptable_max'])
export type WhatIfField = z.infer<typeof WhatIfField>

export const WhatIfChange = z.strictObject({
  party: Id,
  issue: Id,
  field: WhatIfField,
  value: z.number().min(0).max(100),
})
export type WhatIfChange = z.infer<typeof WhatIfChange>

/** At most this many changes in one what-if: enough for any hand-made scenario, bounded for the server. */
export const WhatIfChanges = z.array(WhatIfChange).max(500)

/** The scenario text with the changes made in order (a later change to the same number wins). */
export function applyWhatIf(text: string, changes: readonly WhatIfChange[]): string {
  const doc = parseDocument(text, { keepSourceTokens: false })
  if (doc.errors.length > 0)
    throw new InputError(`what-if: the scenario does not parse: ${doc.errors[0]?.message}`)
  const stances = doc.get('stances')
  if (!isSeq(stances)) throw new InputError('what-if: the scenario has no stances')
  const stanceOf = (party: string, issue: string): YAMLMap => {
    const found = stances.items.find(
      (item): item is YAMLMap => isMap(item) && item.get('party') === party && item.get('issue') === issue,
    )
    if (found === undefined) throw new InputError(`what-if: no stance of ${party} on ${issue}`)
    return found
  }
  const number = (map: unknown, key: string): number | undefined => {
    const v = isMap(map) ? map.get(key) : undefined
    return typeof v === 'number' ? v : undefined
  }
  // The values before any change, for the assumptions' wording.
  const original = new Map<string, number | undefined>()
  for (const c of changes) {
    const stance = stanceOf(c.party, c.issue)
    const key = `${c.party}/${c.issue}/${c.field}`
    if (original.has(key)) continue
    original.set(
      key,
      c.field === 'acceptable_min'
        ? number(stance.get('acceptable'), 'min')
        : c.field === 'acceptable_max'
          ? number(stance.get('acceptable'), 'max')
          : number(stance.get(c.field), 'value'),
    )
  }
  for (const c of changes) {
    const stance = stanceOf(c.party, c.issue)
    const was = original.get(`${c.party}/${c.issue}/${c.field}`)
    const instead = was === undefined ? '' : ` instead of ${was}`
    if (c.field === 'position' || c.field === 'salience') {
      stance.set(
        c.field,
        doc.createNode({ value: c.value, assumption: `What-if: ${c.field} ${c.value}${instead}.` }),
      )
      continue
    }
    const acceptable = stance.get('acceptable')
    const min = c.field === 'acceptable_min' ? c.value : (number(acceptable, 'min') ?? 0)
    const max = c.field === 'acceptable_max' ? c.value : (number(acceptable, 'max') ?? 100)
    const side = c.field === 'acceptable_min' ? 'lower' : 'upper'
    stance.set(
      'acceptable',
      doc.createNode({ min, max, assumption: `What-if: red line's ${side} end ${c.value}${instead}.` }),
    )
  }
  return doc.toString({ lineWidth: 0 })
}
