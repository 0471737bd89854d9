import { fileURLToPath } from 'node:url'

/** The package root, from src/ (tsx, vitest) or dist/ (the built CLI): both are one level down. */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url))

/** The bundled default scenario. */
export const defaultScenario = fileURLToPath(new URL('../scenarios/ukraine-2025.yaml', import.meta.url))
