import cliProgress from 'cli-progress'

/** A progress bar on a terminal; nothing at all when output is piped or logged. */
export function progressBar(total: number, label: string, stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY || total < 2) return { update: (_done: number) => {}, stop: () => {} }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {eta_formatted} left`,
      stream,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(total, 0)
  return { update: (done: number) => bar.update(Math.min(done, total)), stop: () => bar.stop() }
}
