export { bootstrapLexicon } from './bootstrap.ts'
export type {
  BootstrapArticle,
  BootstrapOptions,
  BootstrapResult,
  Example,
  ProposedIssue,
  ProposedParty,
} from './types.ts'
export { lexiconYaml } from './yaml.ts'
