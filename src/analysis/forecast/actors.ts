import type { Scenario } from '../../scenario/index.ts'

/** One party on one issue, as the spatial forecasting models see it (the BdM data format). */
export interface Actor {
  party: string
  capability: number
  position: number
  salience: number
}

/** The parties that hold a stance on the issue, in the scenario's party order. */
export function actorsOn(scenario: Scenario, issueId: string): Actor[] {
  const actors: Actor[] = []
  for (const party of scenario.parties) {
    const stance = scenario.stances.find((s) => s.party === party.id && s.issue === issueId)
    if (stance === undefined) continue
    actors.push({
      party: party.id,
      capability: party.capability.value,
      position: stance.position.value,
      salience: stance.salience.value,
    })
  }
  return actors
}
