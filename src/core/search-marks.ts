/** Marks around the matched words in a search snippet: control characters no cleaned article text holds. */
export const MATCH_START = '\u0002'
export const MATCH_END = '\u0003'
