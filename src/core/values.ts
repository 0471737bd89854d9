// Reading a value that a person typed (an option, a query string, a scenario field): one rule for each
// kind, so that the CLI, the API and the scenario schema accept the same values. Each caller words its
// own message, naming where the value came from.

/** Whether `s` is a calendar day written YYYY-MM-DD that exists (2025-02-30 does not). */
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const time = Date.parse(`${s}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === s
}

/** `raw` as a whole number from `min` to `max`, written in digits only ("12", not "1.2e1"); else undefined. */
export function wholeNumber(raw: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(raw)) return undefined
  const n = Number(raw)
  return n >= min && n <= max ? n : undefined
}
