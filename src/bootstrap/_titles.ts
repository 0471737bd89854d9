// The words around a name that say who the name is and whom it speaks for: titles ("Vice Premier",
// "foreign minister", "spokesman"), the heads of organisation names ("Ministry", "Council"), and the
// nouns after which a name is a party ("Hamas officials", "the Freedonian delegation"). General English
// of news reporting, for any negotiation.

const words = (s: string) => new Set(s.split(/\s+/).filter((w) => w !== ''))

/** The last word of a title: "U.S. Trade *Representative* Jamieson Greer". */
export const TITLE_HEADS = words(`
  president president-elect vice-president premier chancellor minister secretary secretary-general
  representative negotiator envoy spokesman spokeswoman spokesperson ambassador king queen prince
  princess emir sheikh sultan monarch leader chief adviser advisor aide official commander director
  head chairman chairwoman chair governor senator congressman congresswoman lawmaker mayor speaker
  mediator diplomat delegate commissioner czar tsar pope ayatollah cardinal colonel
  mr mr. mrs mrs. ms ms. dr dr. sir lord lady
`)

/** Words that stand before a title head inside the title: "*Vice* Premier", "*Treasury* Secretary". */
export const TITLE_MODIFIERS = words(`
  vice deputy assistant under acting former then interim senior top lead chief special principal
  prime crown supreme executive presidential royal national foreign defense defence trade commerce
  treasury finance economy economic interior justice energy health agriculture state homeland security
  intelligence military political press middle east peace fisheries environment transport education
  labour labor culture tourism industry infrastructure communications information immigration
  housing development planning science technology digital climate water mining oil petroleum
  maritime ocean affairs international european foreign-affairs human rights refugee refugees
  ports shipping customs revenue budget tax cabinet
`)

/** The head word of an organisation's name: "Commerce *Ministry*", "Ministry of *Commerce*". */
export const ORGANISATION_HEADS = words(`
  ministry department office council commission agency authority party movement front brigades
  brigade bank corporation company group forces army navy guard guards court parliament congress
  senate assembly cabinet government administration committee organization organisation union
  federation association institute foundation service bureau league alliance coalition secretariat
  chamber directorate house
`)

/** Nouns after a name or demonym that make it a party: "Hamas officials", "the Sylvanian side". */
export const AGENT_NOUNS = words(`
  official officials leader leaders leadership government administration authorities side delegation
  delegations negotiator negotiators envoy envoys spokesman spokeswoman spokesperson ministry minister
  forces troops military army fighters militants diplomats counterpart counterparts representatives
  team
`)

/** Lower-case words that may sit inside a name: "Ministry *of* Commerce", "Sheikh Mohammed *bin* Zayed". */
export const NAME_CONNECTORS = words('of the al al- bin ibn el de da di du van von der la le')

/** Prepositions after which a capital is a place, not its government: "talks *in* London". */
export const LOCATIVE = words('in at to near outside inside around across toward towards into via through')

/** Capitalised words that are never a name on their own. */
export const NOT_NAMES = words(`
  January February March April May June July August September October November December
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday
  The A An This That These Those It Its He She They We I You Our Their His Her
  But And Or If When While After Before As In On At For From With By Of To
  Mr Mrs Ms Dr Photo Photos File Updated Posted Published Read More Related
`)
