import { visibleControls } from './_terminal.ts'

/** Where a command writes. Tests pass their own; the binary passes the process streams. */
export interface Io {
  out(text: string): void
  err(text: string): void
}

/** `io` with every control character but newline and tab shown as `\uXXXX` first (_terminal.ts). */
export const terminalIo = (io: Io): Io => ({
  out: (text) => io.out(visibleControls(text)),
  err: (text) => io.err(visibleControls(text)),
})

/** The process's streams; no control character from a scenario or an article reaches the terminal. */
export const processIo: Io = terminalIo({
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
})

// A reader that stops early (`parley forecast … | head`) closes the pipe: stop quietly, as Unix tools
// do, instead of dying on EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
}
