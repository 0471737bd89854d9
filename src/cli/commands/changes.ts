import { InputError, MOVE_KINDS, MOVE_LABELS } from '../../core/index.ts'
import { storedMoves } from '../../pipeline/index.ts'
import { openStore } from '../../store/index.ts'
import { caseOf } from '../_case.ts'
import { type ExtractionOptions, resolveLexicon } from '../_extraction.ts'
import type { Io } from '../_io.ts'
import { parseDay } from './_options.ts'

export interface ChangesCommandOptions extends Pick<ExtractionOptions, 'case' | 'lexicon'> {
  db?: string
  since?: string
  until?: string
  kind?: string
  json?: boolean
}

export async function run(opts: ChangesCommandOptions, io: Io): Promise<void> {
  const since = parseDay('--since', opts.since)
  if (since === undefined) throw new InputError('--since: a date YYYY-MM-DD is required')
  const until = parseDay('--until', opts.until)
  const kinds = opts.kind?.split(',').map((k) => k.trim())
  const unknown = kinds?.filter((k) => !(MOVE_KINDS as readonly string[]).includes(k)) ?? []
  if (unknown.length > 0)
    throw new InputError(`--kind ${unknown.join(',')}: expected some of ${MOVE_KINDS.join(', ')}`)
  const inCase = await caseOf(opts)
  const lexicon = await resolveLexicon(opts, inCase, io)
  const store = await openStore(inCase.store)
  try {
    const report = await storedMoves(store, { since, until, lexicon, trajectories: opts.json === true })
    const moves = kinds === undefined ? report.moves : report.moves.filter((m) => kinds.includes(m.kind))
    if (opts.json) {
      io.out(JSON.stringify({ ...report, moves }, null, 2))
      return
    }
    io.out(
      `${moves.length} move${moves.length === 1 ? '' : 's'} since ${since}${until ? ` until ${until}` : ''} in ${store.location}` +
        (report.undated > 0 ? ` (${report.undated} claims of undated articles left out)` : '') +
        (report.truncated ? ' (the window holds more claims than were read: narrow it with --until)' : ''),
    )
    for (const m of moves) {
      io.out(`${m.dateEstimated ? '~' : ''}${m.date}  ${MOVE_LABELS[m.kind].padEnd(13)} ${m.summary}`)
      io.out(`    “${m.claim.quote}”  (#${m.claim.documentId} ${m.claim.title ?? ''})`)
      if (m.from?.quote) io.out(`    before, ${m.from.date ?? 'undated'}: “${m.from.quote}”`)
    }
  } finally {
    await store.close()
  }
}
