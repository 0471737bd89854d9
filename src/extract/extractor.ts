import type { ExtractInput, Extraction } from './types.ts'

/** One way of turning an article's text into claims and events. Every quote is a verbatim span of the text. */
export interface Extractor {
  readonly name: string
  /** Bumped when the extractor's output changes, so stored extractions can be redone. */
  readonly version: number
  extract(input: ExtractInput): Promise<Extraction>
}
