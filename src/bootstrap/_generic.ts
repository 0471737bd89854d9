// Words that are never an issue on their own, and the few synonyms that every negotiation shares.
// General English of news reporting, written for Parley; lemmas, lower case.

const words = (s: string) => new Set(s.split(/\s+/).filter((w) => w !== ''))

/**
 * Nouns that name no issue on their own: people and bodies, time, quantity, speech, and the words of
 * the negotiation's own acts ("deal", "proposal", "demand"). They may end a longer phrase ("tariff
 * rate", "fishing deal"), which is then a candidate.
 */
export const GENERIC_NOUNS = words(`
  side country nation state part way time year month week day today tomorrow yesterday morning evening
  night hour minute thing issue matter problem question point step move measure action effort attempt
  statement comment remark report news story interview briefing post message letter document text
  word people person official leader government administration president minister spokesman
  spokeswoman spokesperson party member group number percent cent level amount lot kind sort term
  condition detail progress course view position stance interest right world region area place end
  beginning start result outcome consequence situation case fact reason basis process framework
  agreement deal accord arrangement understanding plan proposal offer demand call commitment promise
  pledge relationship relation tie cooperation support pressure concern attention voice community
  approach direction track footing need ability opportunity role chance hope risk difference dispute
  conflict solution manner sense sign signal goal head leadership team delegation negotiator envoy
  counterpart economy market business company firm industry sector million billion trillion ton
  dollar figure data analyst expert observer source reporter journalist everything something
  anything nothing everyone someone anyone other others lot series range set list kind type form
  version side status context history future past present wake effect impact order rate price cost
  round sideline
`)

/** Groups of lemmas that name one issue in any negotiation: the talks themselves, a ceasefire. */
export const SYNONYMS: readonly (readonly string[])[] = [
  // wink's lemma of "dialogue" is "dialog".
  ['talk', 'negotiation', 'dialog', 'dialogue', 'discussion', 'consultation', 'meeting', 'summit'],
  ['ceasefire', 'cease fire', 'truce', 'armistice'],
]

const SYNONYM_OF = new Map<string, readonly string[]>()
for (const group of SYNONYMS) for (const lemma of group) SYNONYM_OF.set(lemma, group)

/** The synonyms of a lemma, itself included, or just itself. */
export function synonymsOf(lemma: string): readonly string[] {
  return SYNONYM_OF.get(lemma) ?? [lemma]
}
