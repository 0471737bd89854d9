// An optional extractor backed by any OpenAI-compatible chat endpoint (POST {url}/chat/completions).
// It is never needed: the lexicon extractor is the default. The model's output is untrusted: every
// quote must be found verbatim in the text (whitespace-insensitive) and every id must be in the
// lexicon, or the item is dropped and counted.
import { z } from 'zod'
import { ACTS, type Claim, type ExtractedEvent, InputError, type Span } from '../core/index.ts'
import { eventTypesFor } from './event-types.ts'
import type { Extractor } from './extractor.ts'
import type { Lexicon } from './lexicon.ts'
import type { ExtractInput, Extraction } from './types.ts'

export interface LlmConfig {
  /** Base URL, e.g. http://127.0.0.1:8080/v1 */
  url: string
  model: string
  apiKey?: string | undefined
  timeoutMs?: number
  fetch?: typeof fetch
}

/** PARLEY_LLM_URL, PARLEY_LLM_MODEL and PARLEY_LLM_KEY; a clear error when one that is needed is missing. */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LlmConfig {
  const url = env.PARLEY_LLM_URL
  const model = env.PARLEY_LLM_MODEL
  if (!url || !model) {
    throw new InputError(
      '--extractor llm needs PARLEY_LLM_URL (an OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/v1) and PARLEY_LLM_MODEL; PARLEY_LLM_KEY is optional',
    )
  }
  return { url, model, apiKey: env.PARLEY_LLM_KEY }
}

export interface LlmExtraction extends Extraction {
  dropped: { quote: number; vocabulary: number }
}

const Reply = z.object({
  claims: z
    .array(
      z.object({
        actor: z.string(),
        act: z.string(),
        issue: z.string(),
        condition_issue: z.string().nullish(),
        quote: z.string(),
      }),
    )
    .default([]),
  events: z
    .array(
      z.object({
        type: z.string(),
        participants: z.array(z.string()),
        date: z.string().nullish(),
        quote: z.string(),
      }),
    )
    .default([]),
})

export interface LlmExtractor extends Extractor {
  extract(input: ExtractInput): Promise<LlmExtraction>
}

/** The LLM extractor; `eventTypes`, the case's, are the event types it asks for (eventTypesFor). */
export function llmExtractor(
  config: LlmConfig,
  lexicon: Lexicon,
  options: { eventTypes?: readonly string[] } = {},
): LlmExtractor {
  const doFetch = config.fetch ?? fetch
  const eventTypes = eventTypesFor(lexicon, options.eventTypes)
  const actors = new Set(lexicon.actors.map((a) => a.id))
  const issues = new Set(lexicon.issues.map((i) => i.id))
  return {
    name: 'llm',
    version: 1,
    async extract(input) {
      const response = await doFetch(`${config.url.replace(/\/$/, '')}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: config.model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: systemPrompt(lexicon, eventTypes) },
            { role: 'user', content: input.text },
          ],
        }),
        signal: AbortSignal.timeout(config.timeoutMs ?? 120_000),
      })
      if (!response.ok) throw new Error(`the LLM endpoint answered HTTP ${response.status}`)
      const body = (await response.json()) as { choices?: { message?: { content?: string } }[] }
      const content = body.choices?.[0]?.message?.content ?? ''
      let json: unknown
      try {
        json = JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''))
      } catch {
        throw new Error('the LLM reply is not JSON')
      }
      const reply = Reply.safeParse(json)
      if (!reply.success)
        throw new Error(`the LLM reply does not have the expected shape: ${reply.error.issues[0]?.message}`)

      const out: LlmExtraction = { claims: [], events: [], dropped: { quote: 0, vocabulary: 0 } }
      for (const c of reply.data.claims) {
        const okIds =
          actors.has(c.actor) &&
          issues.has(c.issue) &&
          (ACTS as readonly string[]).includes(c.act) &&
          (c.act !== 'condition' || (c.condition_issue != null && issues.has(c.condition_issue)))
        if (!okIds) {
          out.dropped.vocabulary++
          continue
        }
        const span = findQuote(input.text, c.quote)
        if (span === undefined) {
          out.dropped.quote++
          continue
        }
        const claim: Claim = { actor: c.actor, act: c.act as Claim['act'], issue: c.issue, ...span }
        if (c.act === 'condition' && c.condition_issue) claim.condition_issue = c.condition_issue
        out.claims.push(claim)
      }
      for (const e of reply.data.events) {
        if (!eventTypes.includes(e.type) || !e.participants.every((p) => actors.has(p))) {
          out.dropped.vocabulary++
          continue
        }
        const span = findQuote(input.text, e.quote)
        if (span === undefined) {
          out.dropped.quote++
          continue
        }
        const event: ExtractedEvent = {
          type: e.type as ExtractedEvent['type'],
          participants: [...new Set(e.participants)].sort(),
          date: e.date && /^\d{4}-\d{2}-\d{2}$/.test(e.date) ? e.date : null,
          ...span,
        }
        out.events.push(event)
      }
      return out
    },
  }
}

/** The span of `quote` in `text`: exact, else with any run of whitespace matching any other. */
export function findQuote(text: string, quote: string): Span | undefined {
  const q = quote.trim()
  if (q === '') return undefined
  const exact = text.indexOf(q)
  if (exact >= 0) return { quote: q, start: exact, end: exact + q.length }
  const pattern = q
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+')
  const m = new RegExp(pattern).exec(text)
  if (m === null) return undefined
  return { quote: m[0], start: m.index, end: m.index + m[0].length }
}

function systemPrompt(lexicon: Lexicon, eventTypes: readonly string[]): string {
  const actors = lexicon.actors
    .map((a) => `${a.id} (${a.name}; also ${[...a.aliases, ...a.adjectives].slice(0, 8).join(', ')})`)
    .join('\n')
  const issues = lexicon.issues.map((i) => `${i.id}: ${i.description}`).join('\n')
  return [
    'You extract negotiation claims and events from one news article. Answer with one JSON object:',
    '{"claims": [{"actor", "act", "issue", "condition_issue", "quote"}], "events": [{"type", "participants", "date", "quote"}]}.',
    `A claim is a position an actor takes on an issue: act is ${ACTS.slice(0, -1).join(', ')}, or ${ACTS.at(-1)}`,
    '(the actor makes `issue` depend on `condition_issue` coming first). Journalists, analysts and unnamed sources are not actors.',
    `Events are ${eventTypes.join(', ')} that happened (not planned ones); participants are sorted actor ids;`,
    'date is YYYY-MM-DD only when the article fixes the day, else null.',
    'Every quote must be copied exactly from the article: one sentence or clause that shows the act. Use only these ids.',
    `Actors:\n${actors}`,
    `Issues:\n${issues}`,
  ].join('\n')
}
