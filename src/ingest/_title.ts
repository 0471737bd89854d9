// Titles without template markup. A page, feed or scrape saved before its template was rendered
// carries placeholders where its title should be (a title once came out as
// `{{dayPoint.date | date : 'd MMMM yyyy'}}`, issue 19). A title is never markup: placeholders are
// taken out, and a title with nothing else in it is no title, so the next candidate is used.

/**
 * Placeholders of the common template languages: Handlebars' triple and double braces (Angular,
 * Mustache, Jinja, Liquid expressions), Jinja/Liquid tags and comments, ERB/EJS tags, and JavaScript
 * template literals. `${…}` counts only around an expression that starts like a name, so "${5}"
 * stays text; a single pair of braces ("{1, 2}") is never markup.
 */
const PLACEHOLDER =
  /\{\{\{[\s\S]*?\}\}\}|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}|<%[\s\S]*?%>|\$\{\s*[A-Za-z_$][^{}]*\}/g

/** Half a placeholder, left when a title was cut inside one (`{{dayPoint.date`): the rest is broken too. */
const DELIMITER = /\{\{|\}\}|\{%|%\}|<%|%>|\$\{\s*[A-Za-z_$]/

/** Whether `text` holds template markup: a whole placeholder or half of one. */
export function hasTemplateMarkup(text: string): boolean {
  PLACEHOLDER.lastIndex = 0
  return PLACEHOLDER.test(text) || DELIMITER.test(text)
}

/**
 * `raw` with its placeholders taken out and the separators they leave tidied ("Talks resume {{ date }}"
 * → "Talks resume"); undefined when nothing with a letter or digit is left, or when half a placeholder
 * remains. A title without markup comes back trimmed and otherwise as it was.
 */
export function cleanTitle(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim()
  if (trimmed === undefined || trimmed === '') return undefined
  if (!hasTemplateMarkup(trimmed)) return trimmed
  const stripped = trimmed.replace(PLACEHOLDER, ' ')
  if (DELIMITER.test(stripped)) return undefined
  const tidy = stripped
    .replace(/\(\s*\)|\[\s*\]|""|''|“”|‘’|«\s*»/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/^[\s|:·•,;–—-]+|[\s|:·•,;–—-]+$/g, '')
  return /[\p{L}\p{N}]/u.test(tidy) ? tidy : undefined
}

/** The first candidate that is a title once its markup is taken out, or undefined. */
export function chooseTitle(...candidates: (string | undefined)[]): string | undefined {
  for (const candidate of candidates) {
    const title = cleanTitle(candidate)
    if (title !== undefined) return title
  }
  return undefined
}
