import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InputError } from '../../src/core/index.ts'
import { findQuote, llmConfigFromEnv, llmExtractor, loadLexicon } from '../../src/extract/index.ts'
import { cleanPlainText } from '../../src/ingest/index.ts'
import { defaultCorpus, defaultLexicon, packageRoot } from '../../src/paths.ts'
import { runExtractorContract } from './contract.ts'

const reply = readFileSync(join(packageRoot, 'test/fixtures/llm/reply-001.json'), 'utf8')
const text = cleanPlainText(readFileSync(join(defaultCorpus, '001_fe0d15e1fe376c9e.txt'), 'utf8')).text
const requests: {
  url: string
  auth: string | undefined
  body: { model: string; messages: { role: string; content: string }[] }
}[] = []
let status = 200
let server: Server
let url = ''

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    requests.push({ url: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(body) })
    const isEmpty = requests.at(-1)?.body.messages.at(-1)?.content.startsWith('The weather')
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(
      isEmpty
        ? JSON.stringify({ choices: [{ message: { content: '{"claims": [], "events": []}' } }] })
        : reply,
    )
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

runExtractorContract('llm (local fake endpoint, recorded reply)', async () => {
  const lexicon = await loadLexicon(defaultLexicon)
  return { extractor: llmExtractor({ url, model: 'test-model' }, lexicon), lexicon, texts: [text] }
})

describe('the LLM extractor', () => {
  it('keeps verbatim quotes with their offsets, and drops and counts paraphrases and unknown ids', async () => {
    const ex = llmExtractor({ url, model: 'test-model', apiKey: 'k' }, await loadLexicon(defaultLexicon))
    const r = await ex.extract({ text })
    expect(r.claims.map((c) => `${c.actor} ${c.act} ${c.issue}`)).toEqual([
      'RU accept energy_strikes',
      'UA reject territory',
      'UA condition territory',
      'US propose ceasefire',
    ])
    expect(r.claims[1]?.quote).toBe('Ukraine, meanwhile, has rejected any territorial concessions')
    expect(r.events.map((e) => `${e.type} ${e.participants.join(',')}`)).toEqual(['call RU,US'])
    expect(r.dropped).toEqual({ quote: 2, vocabulary: 1 })
    const last = requests.at(-1)
    expect(last?.url).toBe('/v1/chat/completions')
    expect(last?.auth).toBe('Bearer k')
    expect(last?.body.model).toBe('test-model')
  })

  it('fails the article, not the run, on an HTTP error', async () => {
    status = 503
    try {
      const ex = llmExtractor({ url, model: 'm' }, await loadLexicon(defaultLexicon))
      await expect(ex.extract({ text })).rejects.toThrow('the LLM endpoint answered HTTP 503')
    } finally {
      status = 200
    }
  })

  it('is configured from the environment, and says what is missing', () => {
    expect(() => llmConfigFromEnv({})).toThrow(InputError)
    expect(() => llmConfigFromEnv({ PARLEY_LLM_URL: 'http://x' })).toThrow(/PARLEY_LLM_MODEL/)
    expect(
      llmConfigFromEnv({ PARLEY_LLM_URL: 'http://x', PARLEY_LLM_MODEL: 'm', PARLEY_LLM_KEY: 'k' }),
    ).toEqual({ url: 'http://x', model: 'm', apiKey: 'k' })
  })

  it('findQuote(text, quote) matches across any whitespace and gives the span as written', () => {
    expect(findQuote('a  b\nc d', 'b c')).toEqual({ quote: 'b\nc', start: 3, end: 6 })
    expect(findQuote('abc', 'x')).toBeUndefined()
  })
})
