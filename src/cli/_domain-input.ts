// What `frontier` and `simulate` read: a scenario file, a GENIUS folder (the domain is the XML file
// whose root is <negotiation_template>; every other XML file is a party named after its file), or a
// GeniusWeb folder (a domain JSON with "issuesValues" and profile JSONs).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import {
  type Domain,
  GeniusError,
  geniusDomain,
  geniusWebDomain,
  rootOf,
  scenarioDomainWithRedLines,
} from '../analysis/packages/index.ts'
import { InputError } from '../core/index.ts'
import type { Scenario } from '../scenario/index.ts'
import { loadCaseScenario } from './_case.ts'

export interface DomainInput {
  domain: Domain
  kind: 'scenario' | 'genius' | 'geniusweb'
  scenario?: Scenario
  /** Set when no package meets every red line, so the frontier is computed without them. */
  redLinesIgnored?: string
}

export async function loadDomainInput(
  path: string,
  opts: { parties?: string; issues?: string } = {},
): Promise<DomainInput> {
  const parties = opts.parties
    ?.split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const issues = opts.issues
    ?.split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  let info: ReturnType<typeof statSync>
  try {
    info = statSync(path)
  } catch (error) {
    throw new InputError(`${path}: cannot read: ${(error as Error).message}`)
  }
  try {
    if (!info.isDirectory()) {
      const scenario = await loadCaseScenario(path)
      const { domain, redLinesIgnored } = scenarioDomainWithRedLines(scenario, {
        ...(parties ? { parties } : {}),
        ...(issues ? { issues } : {}),
      })
      return { domain, kind: 'scenario', scenario, ...(redLinesIgnored ? { redLinesIgnored } : {}) }
    }
    const files = readdirSync(path).sort()
    const xml = files
      .filter((f) => f.endsWith('.xml'))
      .map((f) => ({ name: f.replace(/\.xml$/, ''), xml: readFileSync(join(path, f), 'utf8') }))
    if (xml.length > 0) {
      const domainFile = xml.find((f) => rootOf(f.xml) === 'negotiation_template')
      if (domainFile === undefined)
        throw new InputError(
          `${path}: no GENIUS domain file (an XML file whose root is <negotiation_template>)`,
        )
      const profiles = xml.filter((f) => f !== domainFile && rootOf(f.xml) === 'utility_space')
      return { domain: geniusDomain(domainFile, chosenProfiles(profiles, parties)), kind: 'genius' }
    }
    const json = files
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ name: f.replace(/\.json$/, ''), json: JSON.parse(readFileSync(join(path, f), 'utf8')) }))
    const domainFile = json.find((f) => f.json.issuesValues !== undefined)
    if (domainFile === undefined)
      throw new InputError(`${path}: no GENIUS XML and no GeniusWeb domain JSON (with "issuesValues") found`)
    const profiles = json.filter((f) => f.json.LinearAdditiveUtilitySpace !== undefined)
    return { domain: geniusWebDomain(domainFile, chosenProfiles(profiles, parties)), kind: 'geniusweb' }
  } catch (error) {
    if (error instanceof GeniusError || error instanceof RangeError || error instanceof SyntaxError)
      throw new InputError(`${basename(path)}: ${error.message}`)
    throw error
  }
}

/** The profiles of the named parties, in their order, or every profile when none is named. */
function chosenProfiles<P extends { name: string }>(
  profiles: P[],
  parties: readonly string[] | undefined,
): P[] {
  if (parties === undefined) return profiles
  return parties.map(
    (p) =>
      profiles.find((f) => f.name === p) ??
      missing(
        p,
        profiles.map((f) => f.name),
      ),
  )
}

function missing(name: string, known: string[]): never {
  throw new InputError(`unknown party "${name}"; expected one of: ${known.join(', ')}`)
}
