// A scenario's parties and issues as an extraction lexicon, for reading claims against a scenario
// (drafting, updating, and `--scenario` on the extraction commands).
import { demonymsAmong, type Lexicon } from '../extract/index.ts'
import type { Scenario } from '../scenario/index.ts'

/**
 * A scenario's parties and issues as a lexicon: party names and aliases, issue names, option labels
 * are not used (they describe positions, not the issue). Issues get their name as the only term
 * unless `base` (a lexicon file) has terms for the same id.
 */
export function lexiconFromScenario(s: Scenario, base?: Lexicon): Lexicon {
  return {
    actors: s.parties.map((p) => {
      const known = base?.actors.find((a) => a.id === p.id)
      const adjectives = known?.adjectives ?? demonymsAmong(p.aliases)
      const aliases = [p.name, ...p.aliases.filter((x) => !adjectives.includes(x)), ...(known?.aliases ?? [])]
      return { id: p.id, name: p.name, aliases: [...new Set(aliases)], adjectives }
    }),
    issues: s.issues.map((i) => {
      const known = base?.issues.find((x) => x.id === i.id)
      return {
        id: i.id,
        description: i.description,
        name: i.name,
        terms: known?.terms ?? [i.name.toLowerCase()],
        weakTerms: known?.weakTerms ?? [],
        options: i.options.map((o) => {
          // The scenario's scale, with the cues of the lexicon's option of the same label or position.
          const cue =
            known?.options?.find((k) => k.label === o.label) ??
            known?.options?.find((k) => k.position === o.position)
          return {
            label: o.label,
            position: o.position,
            cues: cue?.cues ?? [],
            atLeastCues: cue?.atLeastCues ?? [],
            ...(cue?.default ? { default: true } : {}),
            ...(cue?.conditional ? { conditional: true } : {}),
          }
        }),
      }
    }),
  }
}
