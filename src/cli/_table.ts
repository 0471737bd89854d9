/** Left-aligned text columns; a column is right-aligned when `right[i]` is set. */
export function table(rows: readonly (readonly string[])[], right: readonly boolean[] = []): string {
  const widths: number[] = []
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, [...cell].length)
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length)
          return right[i] ? pad + cell : i === row.length - 1 ? cell : cell + pad
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

/** A position or a share with one decimal, or '–' when there is none. */
export function fixed(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '–' : value.toFixed(digits)
}

/** A line naming the issues whose forecast only echoes a single known stance, or '' when there are none. */
export function singleStanceNote(issues: readonly { id: string; parties: readonly string[] }[]): string {
  const lone = issues.filter((i) => i.parties.length === 1).map((i) => i.id)
  const none = issues.filter((i) => i.parties.length === 0).map((i) => i.id)
  const lines: string[] = []
  if (lone.length > 0)
    lines.push(`Only one party's stance is known on ${lone.join(', ')}: the forecast there only echoes it.`)
  if (none.length > 0) lines.push(`No stance is known on ${none.join(', ')}.`)
  return lines.join('\n')
}
