// What `frontier` and `simulate` read: a scenario file, a GENIUS folder (the domain is the XML file
// whose root is <negotiation_template>; every other XML file is a party named after its file), or a
// GeniusWeb folder (a domain JSON with "issuesValues" and profile JSONs).
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import {
  type Domain,
  GeniusWebDomainJson,
  GeniusWebProfileJson,
  geniusDomain,
  geniusWebDomain,
  geniusWebProfileProblems,
  readGeniusWebDomain,
  rootOf,
  scenarioDomainWithRedLines,
} from '../analysis/packages/index.ts'
import { InputError } from '../core/index.ts'
import { readLocated, readTextFileSync } from '../locate/index.ts'
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
    // Each file of the folder is read bounded (a regular file of at most 20 MB, PARLEY_MAX_FILE_MB).
    const files = readdirSync(path).sort()
    const xml = files
      .filter((f) => f.endsWith('.xml'))
      .map((f) => ({
        name: f.replace(/\.xml$/, ''),
        file: join(path, f),
        xml: readTextFileSync(join(path, f)),
      }))
    if (xml.length > 0) {
      const domainFile = xml.find((f) => rootOf(f.xml) === 'negotiation_template')
      if (domainFile === undefined)
        throw new InputError(
          `${path}: no GENIUS domain file (an XML file whose root is <negotiation_template>)`,
          { code: 'missing' },
        )
      const profiles = xml.filter((f) => f !== domainFile && rootOf(f.xml) === 'utility_space')
      return { domain: geniusDomain(domainFile, chosenProfiles(path, profiles, parties)), kind: 'genius' }
    }
    return { domain: geniusWebFolder(path, files, parties), kind: 'geniusweb' }
  } catch (error) {
    // An unknown party or issue of a scenario; the importers' own errors name their files already.
    if (error instanceof RangeError) throw new InputError(`${path}: ${error.message}`)
    throw error
  }
}

/**
 * A GeniusWeb folder: the JSON file with "issuesValues" is the domain, each with
 * "LinearAdditiveUtilitySpace" a profile; every problem is located at its line in its file.
 */
function geniusWebFolder(path: string, files: string[], parties: readonly string[] | undefined): Domain {
  const expected = 'a GeniusWeb domain {"issuesValues": …} or profile {"LinearAdditiveUtilitySpace": …}'
  const json = files
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const file = join(path, f)
      const text = readTextFileSync(file)
      return { name: f.replace(/\.json$/, ''), file, text, json: jsonObject(file, text, expected) }
    })
  const domainFile = json.find((f) => f.json.issuesValues !== undefined)
  if (domainFile === undefined)
    throw new InputError(`${path}: no GENIUS XML and no GeniusWeb domain JSON (with "issuesValues") found`, {
      code: 'missing',
    })
  const domainJson = readLocated(domainFile.text, GeniusWebDomainJson, { file: domainFile.file, expected })
  const issues = readGeniusWebDomain(domainFile.file, domainJson)
  const profiles = chosenProfiles(
    path,
    json.filter((f) => f.json.LinearAdditiveUtilitySpace !== undefined),
    parties,
  ).map((p) => ({
    ...p,
    json: readLocated(p.text, GeniusWebProfileJson, {
      file: p.file,
      expected,
      check: (profile) => (profile === undefined ? [] : geniusWebProfileProblems(profile, issues)),
    }),
  }))
  return geniusWebDomain({ ...domainFile, json: domainJson }, profiles)
}

/**
 * The JSON object in `text`; an InputError naming `file` for anything else: invalid JSON (located at its
 * line), or null, a number, a string or a list where `expected` is an object.
 */
export function jsonObject(file: string, text: string, expected: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = readLocated(text, z.unknown(), { file, expected }) // throws, located, for what JSON.parse refuses
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return value as Record<string, unknown>
  const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`
  throw new InputError(`${file}: expected ${expected}, got ${got}`, { code: 'malformed' })
}

/**
 * The profiles of the named parties, in their order, or every profile when none is named; an InputError
 * naming the folder when it holds no profile or not the one named.
 */
function chosenProfiles<P extends { name: string }>(
  folder: string,
  profiles: P[],
  parties: readonly string[] | undefined,
): P[] {
  const known = profiles.map((f) => f.name)
  if (profiles.length === 0)
    throw new InputError(`${folder}: no profile: every party needs a profile file beside the domain`, {
      code: 'missing',
    })
  if (parties === undefined) return profiles
  return parties.map((p) => {
    const found = profiles.find((f) => f.name === p)
    if (found !== undefined) return found
    throw new InputError(`${folder}: unknown party "${p}"; expected one of: ${known.join(', ')}`)
  })
}
