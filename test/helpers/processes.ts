// `parley` in processes of their own, for tests and benchmarks that kill, time or load them; and a
// store's contents in a form two runs can be compared by.
import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { packageRoot } from '../../src/paths.ts'
import { openStore } from '../../src/store/index.ts'

const bin = join(packageRoot, 'bin/parley.js')

/** Starts `parley ARGS`; `exit` is created at once, so a run that ends before anyone waits is still seen. */
export function parleyProcess(args: string[]): {
  child: ChildProcess
  exit: Promise<{ code: number | null; stderr: string }>
} {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString()
  })
  return { child, exit: new Promise((r) => child.once('exit', (code) => r({ code, stderr }))) }
}

/** Starts `parley serve --db DB --port 0` and resolves with its URL once it listens. */
export function serveProcess(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /Dashboard: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)
      if (m) resolve({ url: m[1] as string, child })
    })
    child.once('exit', (code) => reject(new Error(`parley serve ended (exit ${code}): ${out}`)))
  })
}

/** The store's counts, and per content hash how many claims and events it holds. */
export async function storeSnapshot(db: string) {
  const store = await openStore(db)
  try {
    const perDocument = new Map<string, string>()
    for (const d of await store.listDocuments()) {
      const full = await store.getDocument(d.id)
      perDocument.set(full?.contentHash ?? '', `${d.claims}/${d.events}`)
    }
    return { counts: await store.counts(), perDocument }
  } finally {
    await store.close()
  }
}
