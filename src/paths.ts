import { fileURLToPath } from 'node:url'

/** The package root, from src/ (tsx, vitest) or dist/ (the built CLI): both are one level down. */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url))

/** The bundled case folder (its parley.yaml names its corpus, lexicon and scenario). */
export const bundledCaseDir = fileURLToPath(new URL('../cases/ukraine-2025', import.meta.url))

/** The bundled default scenario. */
export const defaultScenario = fileURLToPath(new URL('../cases/ukraine-2025/scenario.yaml', import.meta.url))

/** The bundled corpus and its extraction lexicon. */
export const defaultCorpus = fileURLToPath(new URL('../cases/ukraine-2025/corpus', import.meta.url))
export const defaultLexicon = fileURLToPath(new URL('../cases/ukraine-2025/lexicon.yaml', import.meta.url))

/** The built dashboard (web/ compiled by Vite during npm ci). */
export const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url))
