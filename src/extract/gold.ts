// The extraction file format shared with the gold annotations (parley-gold/1): one entry per article
// file, with claims and events; extra fields (offsets, hedges, durations) ride along and scorers ignore them.
import { basename } from 'node:path'
import { z } from 'zod'
import type { Claim, ExtractedEvent } from '../core/index.ts'

export interface GoldArticle {
  file: string
  claims: (Omit<Claim, 'condition_issue'> & { condition_issue?: string | null })[]
  events: ExtractedEvent[]
}

export interface GoldFile {
  schema: 'parley-gold/1'
  corpus: string
  articles: GoldArticle[]
}

export function toGoldFile(
  corpus: string,
  articles: { path: string; claims: Claim[]; events: ExtractedEvent[] }[],
): GoldFile {
  return {
    schema: 'parley-gold/1',
    corpus,
    articles: articles.map((a) => ({ file: basename(a.path), claims: a.claims, events: a.events })),
  }
}

/** What a gold (or predicted) file must hold to be scored; the message names the file and the field. */
export const GoldFileSchema = z.object({
  articles: z.array(
    z.object({
      file: z.string().min(1),
      claims: z
        .array(
          z.object({
            actor: z.string().min(1),
            act: z.string().min(1),
            issue: z.string().min(1),
            condition_issue: z.string().nullish(),
            quote: z.string().optional(),
          }),
        )
        .default([]),
      events: z
        .array(
          z.object({
            type: z.string().min(1),
            participants: z.array(z.string().min(1)),
            quote: z.string().optional(),
          }),
        )
        .default([]),
    }),
  ),
})
export type ScoredFile = z.infer<typeof GoldFileSchema>
