// The gazetteer: every name, abbreviation, demonym and capital of the countries and international
// organisations of `_countries.ts` and `_organisations.ts`, looked up by its exact surface form.
import { COUNTRY_TABLE } from './_countries.ts'
import { NEWS_ORGANISATIONS, ORGANISATION_TABLE } from './_organisations.ts'

export interface Known {
  id: string
  kind: 'country' | 'organisation'
  name: string
  /** The name and its other forms ("United States", "U.S.", "America"). */
  names: string[]
  demonyms: string[]
  capitals: string[]
}

/** How a form names its country or organisation. */
export type KnownRole = 'name' | 'demonym' | 'capital'

export interface KnownForm {
  known: Known
  role: KnownRole
}

const list = (field: string | undefined) => (field ?? '').split(';').filter((x) => x !== '')

function readTable(table: string, kind: Known['kind']): Known[] {
  return table
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [id = '', name = '', others, demonyms, capitals] = line.split('|')
      return {
        id,
        kind,
        name,
        names: [name, ...list(others)],
        demonyms: list(demonyms),
        capitals: kind === 'country' ? list(capitals) : [],
      }
    })
}

const normal = (form: string) => form.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim()

const KNOWN: readonly Known[] = [
  ...readTable(COUNTRY_TABLE, 'country'),
  ...readTable(ORGANISATION_TABLE, 'organisation'),
]

const FORMS = new Map<string, KnownForm>()
for (const known of KNOWN) {
  const add = (forms: string[], role: KnownRole) => {
    for (const f of forms) if (!FORMS.has(normal(f))) FORMS.set(normal(f), { known, role })
  }
  add(known.names, 'name')
  add(known.demonyms, 'demonym')
  add(known.capitals, 'capital')
}

const NEWS = new Set(NEWS_ORGANISATIONS.map(normal))

/** The longest number of words of a gazetteer form ("Saint Vincent and the Grenadines": 5). */
export const LONGEST_FORM_WORDS = [...FORMS.keys(), ...NEWS].reduce(
  (longest, f) => Math.max(longest, f.split(' ').length),
  Number.NEGATIVE_INFINITY,
)

/** The country or organisation that `form` names, exactly as written ("U.S.", "Chinese", "Doha"). */
export function knownForm(form: string): KnownForm | undefined {
  return FORMS.get(normal(form))
}

/** Whether `form` is a news organisation or platform, a source rather than a party ("Reuters"). */
export function isNewsOrganisation(form: string): boolean {
  return NEWS.has(normal(form))
}

/** A gazetteer entry by id ("US", "WTO"). */
export function knownById(id: string): Known | undefined {
  return KNOWN.find((k) => k.id === id)
}
