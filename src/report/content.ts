// A report as a list of blocks, rendered to HTML (html.ts) or Markdown (markdown.ts): the same
// content, every figure next to its evidence. Each section is one function of the report's data;
// this file only puts them in order.
import {
  conditionBlocks,
  forecastBlocks,
  packageBlocks,
  sensitivityBlocks,
  summaryBlocks,
  zopaBlocks,
} from './_analysis-sections.ts'
import type { Block } from './_blocks.ts'
import {
  itemBlocks,
  partyBlocks,
  positionBlocks,
  sourceBlocks,
  timelineBlocks,
  titleBlocks,
} from './_scenario-sections.ts'
import type { ReportData } from './data.ts'

export { type Basis, type Block, basisOf } from './_blocks.ts'

/** A section of the report; `document` makes its charts' elements. */
type Section = (report: ReportData, document: Document) => Block[]

/** The sections, in the order the report shows them; a section with nothing to show returns no blocks. */
const SECTIONS: readonly Section[] = [
  titleBlocks,
  summaryBlocks,
  partyBlocks,
  positionBlocks,
  forecastBlocks,
  sensitivityBlocks,
  zopaBlocks,
  packageBlocks,
  conditionBlocks,
  itemBlocks,
  timelineBlocks,
  sourceBlocks,
]

export function reportBlocks(report: ReportData, document: Document): Block[] {
  return SECTIONS.flatMap((section) => section(report, document))
}
