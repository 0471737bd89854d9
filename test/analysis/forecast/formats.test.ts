import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectFormat, parseBdmCsv, parseDecide, parseDeu } from '../../../src/analysis/forecast/index.ts'
import { LocatedInputError } from '../../../src/core/index.ts'
import { packageRoot } from '../../../src/paths.ts'

const v = join(packageRoot, 'test/fixtures/validation')
const read = (p: string) => readFileSync(join(v, p), 'utf8')
const problems = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    if (e instanceof LocatedInputError) return e.problems.map((p) => [p.line, p.message])
    throw e
  }
  throw new Error('expected an error')
}

describe('forecast input formats', () => {
  it('detects each format from its content', () => {
    expect(detectFormat(read('eum/ExampleActors.csv'))).toBe('bdm')
    expect(detectFormat(read('exchange/sample_data.txt'))).toBe('decide')
    expect(detectFormat(read('exchange/cop21.csv'))).toBe('decide')
    expect(detectFormat(read('deu/deu3.csv'))).toBe('deu')
  })

  it('DECIDE: sample_data has 10 actors on 6 issues, tol-hoogte on 0.5–7, actors in #A order', () => {
    const p = parseDecide(read('exchange/sample_data.txt'), 'sample_data.txt')
    expect(p.issues.map((i) => i.id)).toEqual([
      'tolheffing-binnenstad',
      'tol-hoogte',
      'wanneer-tol',
      'woonwerkverkeer',
      'extra-investering',
      'kleine-of-grote-ring',
    ])
    expect(p.issues[1]).toMatchObject({ min: 0.5, max: 7 })
    expect(p.issues[0]?.actors.map((a) => a.party)).toEqual([
      'Willems',
      'PvdA',
      'GL',
      'VVDs',
      'SP',
      'CDA',
      'D66',
      'CU',
      'KvK',
      'Wcentr',
    ])
  })

  it('DECIDE: COP21 has 181 actor-issue records over 15 actors and 13 issues', () => {
    const p = parseDecide(read('exchange/cop21.csv'), 'cop21.csv')
    expect(p.issues).toHaveLength(13)
    expect(p.issues.reduce((n, i) => n + i.actors.length, 0)).toBe(181)
  })

  it('DEU: 351 scorable issues, GDP row as capability on request', () => {
    expect(parseDeu(read('deu/deu3.csv'), 'deu3.csv').issues).toHaveLength(351)
    const gdp = parseDeu(read('deu/deu3.csv'), 'deu3.csv', { capability: 'gdp' })
    expect(gdp.issues[0]?.actors.find((a) => a.party === 'de')?.capability).toBe(4.1)
  })

  it('names the line of every bad record', () => {
    expect(
      problems(() =>
        parseBdmCsv('Actor,Capability,Position,Salience\nA,0.5,4,0.8\nB,x,7,0.4\nC,0.2,5,1.5\n', 'bad.csv'),
      ),
    ).toEqual([
      [3, 'expected a number, got "x"'],
      [4, 'expected a number from 0 to 1, got "1.5"'],
    ])
    expect(problems(() => parseBdmCsv('Name,Power\n', 'bad.csv'))).toEqual([
      [1, 'expected the header Actor,Capability,Position,Salience'],
    ])
    const decide =
      "'#A'\t'a'\t'a'\t''\n'#P'\t'p'\t'p'\t''\n'#D'\t'b'\t'p'\t50\t0.5\t1\n'#D'\t'a'\t'q'\t50\t0.5\t1\n'#D'\t'a'\t'p'\t50\t2\t1\n"
    expect(problems(() => parseDecide(decide, 'bad.txt'))).toEqual([
      [3, `'#D' names an unknown actor "b"`],
      [4, `'#D' names an unknown issue "q"`],
      [5, `'#D' expects position, salience (0–1) and power (≥ 0) as numbers, got "50", "2", "1"`],
    ])
  })
})
