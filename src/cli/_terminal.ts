// What the CLI prints goes to a terminal, which obeys control characters: ESC starts a sequence that can
// recolour, clear or retitle it (and, on some terminals, do worse), BEL rings. Scenario titles, party
// names, article titles, quotes, file names and queries are untrusted text, so every text the CLI prints
// shows each C0 control but newline and tab, DEL, and each C1 control (U+0080–U+009F) as a visible
// escape: `\u` and four hex digits, ESC as `\u001b` (issue 21).
//
// That form is JSON's own escape, so sanitising the final text keeps JSON output valid and exact:
// JSON.stringify already writes C0 controls inside strings as `\u00XX` and never writes one outside a
// string but the newline, while DEL and C1 characters, which it leaves raw inside strings, become the
// escape that parses back to the same character.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is replaced
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g

/** `text` with every control character but newline and tab shown as `\uXXXX`. */
export const visibleControls = (text: string): string =>
  text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
