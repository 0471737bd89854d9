// A second case folder for the tests, on a fictional negotiation written for them: parley.yaml, a
// lexicon, two articles and a scenario whose quotes are verbatim in them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const FISHING = { id: 'fish-2026', name: 'Freedonia–Sylvania fishing talks' }

/** The case's extraction lexicon. */
export const FISHING_LEXICON = [
  'schema: parley-lexicon/1',
  'actors:',
  '  FR: { name: Freedonia, aliases: [Freedonia, Fredville], adjectives: [Freedonian] }',
  '  SY: { name: Sylvania, aliases: [Sylvania], adjectives: [Sylvanian] }',
  'issues:',
  '  quotas: { name: Fishing quotas, description: the annual catch quotas, terms: [quota*, catch limit*] }',
  '  patrol: { name: Joint patrol, description: a shared patrol of the bay, terms: [patrol*] }',
  '',
].join('\n')

const ARTICLES: Record<string, string> = {
  '01.txt':
    'TITLE: Fishing talks resume\nDATE: 2026-03-02\n\nFreedonia demanded lower catch limits, and Sylvania rejected the new quotas on Monday.\n',
  '02.txt':
    'TITLE: Ministers meet in Port Alba\nDATE: 2026-03-09\n\nFreedonia and Sylvania held talks in Port Alba. Sylvania proposed a shared patrol of the bay.\n',
}

/** Writes the case into a new temporary folder and returns the folder. */
export function fishingCase(options: { scenario?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-case-'))
  mkdirSync(join(dir, 'articles'))
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, 'articles', name), text)
  writeFileSync(
    join(dir, 'parley.yaml'),
    [
      'schema: parley-case/1',
      `id: ${FISHING.id}`,
      `name: ${FISHING.name}`,
      'corpus: [articles]',
      'lexicon: lexicon.yaml',
      ...(options.scenario === false ? [] : ['scenario: scenario.yaml']),
      '',
    ].join('\n'),
  )
  writeFileSync(join(dir, 'lexicon.yaml'), FISHING_LEXICON)
  writeFileSync(join(dir, 'scenario.yaml'), SCENARIO)
  return dir
}

const SCENARIO = `meta: { id: fish-2026, title: Fishing quotas in the bay, as_of: "2026-03-10" }
sources:
  - { id: a1, file: articles/01.txt, title: Fishing talks resume, date: "2026-03-02" }
  - { id: a2, file: articles/02.txt, title: Ministers meet in Port Alba, date: "2026-03-09" }
parties:
  - { id: FR, name: Freedonia, capability: { value: 60, assumption: Test assumption. } }
  - { id: SY, name: Sylvania, capability: { value: 40, assumption: Test assumption. } }
issues:
  - id: quotas
    name: Fishing quotas
    description: The annual catch quotas in the bay.
    options: [{ label: cut, position: 0 }, { label: keep, position: 50 }, { label: raise, position: 100 }]
  - id: patrol
    name: Joint patrol
    description: A shared patrol of the bay.
    options: [{ label: none, position: 0 }, { label: shared patrol, position: 100 }]
stances:
  - party: FR
    issue: quotas
    position: { value: 0, evidence: [{ source: a1, quote: Freedonia demanded lower catch limits }] }
    salience: { value: 80, assumption: Test assumption. }
  - party: SY
    issue: quotas
    position: { value: 100, evidence: [{ source: a1, quote: Sylvania rejected the new quotas }] }
    salience: { value: 60, assumption: Test assumption. }
  - party: SY
    issue: patrol
    position: { value: 100, evidence: [{ source: a2, quote: Sylvania proposed a shared patrol of the bay. }] }
    salience: { value: 40, assumption: Test assumption. }
events:
  - id: e1
    date: "2026-03-09"
    type: talks
    participants: [FR, SY]
    evidence: [{ source: a2, quote: Freedonia and Sylvania held talks in Port Alba. }]
`
