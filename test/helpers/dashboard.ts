// A store in a temporary directory with articles ingested, and the server over it: what the API and
// browser tests run against, the way `parley serve` runs.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lexiconExtractor, loadLexicon } from '../../src/extract/index.ts'
import { defaultLexicon, webRoot } from '../../src/paths.ts'
import { ingestPaths } from '../../src/pipeline/index.ts'
import { createApp, type Listening, listen, openWorkspace, type Workspace } from '../../src/server/index.ts'
import { openStore, type Store } from '../../src/store/index.ts'

/** The bundled case, as cases/ukraine-2025/parley.yaml names it. */
const BUNDLED = { id: 'ukraine-2025', name: 'US–Russia–Ukraine peace talks, 2025' }

export interface Served {
  store: Store
  workspace: Workspace
  app: ReturnType<typeof createApp>
  server?: Listening
  close(): Promise<void>
}

export async function serveFixture(
  scenario: string,
  articles: string[],
  {
    listen: shouldListen = false,
    token,
    lexicon = defaultLexicon,
    case: c = BUNDLED,
  }: { listen?: boolean; token?: string; lexicon?: string; case?: { id: string; name: string } } = {},
): Promise<Served> {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'parley-served-')), 'db'))
  try {
    await ingestPaths(articles, { store, extractor: lexiconExtractor(await loadLexicon(lexicon)) })
    const workspace = await openWorkspace(scenario, store, { lexicon, case: c })
    const app = createApp(workspace, { webRoot, token })
    const server = shouldListen ? await listen(app, { host: '127.0.0.1', port: 0 }) : undefined
    return {
      store,
      workspace,
      app,
      ...(server ? { server } : {}),
      close: async () => {
        await server?.close()
        await store.close()
      },
    }
  } catch (error) {
    await store.close()
    throw error
  }
}
