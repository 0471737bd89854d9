// A synthetic corpus for tests and benchmarks: new articles made by recombining the paragraphs of
// the bundled real ones, so the text is real news prose. Written at run time, never committed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { mulberry32 } from '../../src/analysis/sensitivity/index.ts'
import { cleanPlainText } from '../../src/ingest/index.ts'
import { defaultCorpus } from '../../src/paths.ts'

/** The seeded generator of the analyses, so a corpus is the same on every run. */
export const rng = mulberry32

export function writeSyntheticCorpus(dir: string, count: number, seed = 1): string[] {
  mkdirSync(dir, { recursive: true })
  const paragraphs = readdirSync(defaultCorpus)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => cleanPlainText(readFileSync(join(defaultCorpus, f), 'utf8')).text.split('\n'))
    .filter((p) => p.split(' ').length >= 12)
  const random = rng(seed)
  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const n = 4 + Math.floor(random() * 5)
    const picked = Array.from({ length: n }, () => paragraphs[Math.floor(random() * paragraphs.length)] ?? '')
    const file = join(dir, `article-${String(i).padStart(5, '0')}.txt`)
    writeFileSync(file, `Synthetic article ${i} on the peace talks\n\n${picked.join('\n\n')}\n`)
    files.push(file)
  }
  return files
}
