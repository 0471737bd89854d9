// A large realistic corpus for the scale benchmark: articles made by recombining the sentences of
// the bundled real ones into paragraphs, each with its own date in 2025 and its outlet. A third are HTML pages with
// the outlet's navigation, share links and footer around the article; the rest are text files with
// TITLE/DATE/SOURCE header lines. Written at bench time into a temporary directory, never committed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { mulberry32 } from '../src/analysis/sensitivity/index.ts'
import { cleanPlainText } from '../src/ingest/index.ts'
import { defaultCorpus } from '../src/paths.ts'
import { escapeHtml } from '../test/helpers/html.ts'

const OUTLETS = [
  'daily-ledger',
  'world-desk',
  'eastern-wire',
  'capital-post',
  'the-observer-review',
  'continental-times',
  'global-monitor',
  'news-digest',
  'evening-herald',
  'policy-brief',
  'front-line-report',
  'diplomatic-courier',
].map((name) => ({ name, host: `${name}.example` }))

/** Writes `count` articles under `dir` (1,000 per subdirectory); calls `onProgress` every 5,000. */
export function writeScaleCorpus(
  dir: string,
  count: number,
  seed = 2025,
  onProgress?: (n: number) => void,
): void {
  // Sentences of the real paragraphs, recombined two or three to a paragraph: two articles of a
  // 100,000 share whole paragraphs rarely, as in a year of real news, yet every sentence is real.
  const sentences = readdirSync(defaultCorpus)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => cleanPlainText(readFileSync(join(defaultCorpus, f), 'utf8')).text.split('\n'))
    .filter((p) => p.split(' ').length >= 12)
    .flatMap((p) => p.split(/(?<=[a-z0-9][.!?]["”’]?)\s+(?=["“A-Z])/))
    .map((x) => x.trim())
    .filter((x) => x.split(' ').length >= 6)
  const random = mulberry32(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T
  const start = Date.UTC(2025, 0, 1)
  for (let i = 0; i < count; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'))
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true })
    const outlet = pick(OUTLETS)
    const date = new Date(start + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10)
    const body = Array.from({ length: 4 + Math.floor(random() * 6) }, () =>
      Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(sentences)).join(' '),
    )
    const lead = body[0]?.split(' ').slice(0, 9).join(' ') ?? 'Talks'
    const title = `${lead.replace(/[.,;:]+$/, '')} (report ${i})`
    const url = `https://${outlet.host}/2025/${date.slice(5, 7)}/article-${i}`
    if (random() < 1 / 3) {
      const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | ${outlet.name}</title>
<meta property="og:title" content="${escapeHtml(title)}"><link rel="canonical" href="${url}">
<meta property="article:published_time" content="${date}T08:00:00Z"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article><h1>${escapeHtml(title)}</h1><p class="byline">By Staff Reporter, ${outlet.name}</p>
${body.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article><aside><h2>Most read</h2><ul><li><a href="/a">Markets close higher</a></li><li><a href="/b">Weather warning issued</a></li></ul></aside></main>
<footer><p>© 2025 ${outlet.name}. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>`
      writeFileSync(join(sub, `a${i}.html`), page)
    } else {
      writeFileSync(
        join(sub, `a${i}.txt`),
        `TITLE: ${title}\nDATE: ${date}\nSOURCE: ${url}\n\n${body.join('\n\n')}\n`,
      )
    }
    if ((i + 1) % 5000 === 0) onProgress?.(i + 1)
  }
}
