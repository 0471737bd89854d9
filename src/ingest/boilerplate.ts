// Lines of site chrome that scraped article text carries: navigation, share buttons, comment
// widgets, related links, newsletter and font-size widgets. A line is removed only when the whole
// line is chrome, so article sentences that mention these words stay.

const CHROME: readonly RegExp[] = [
  /^connect with us$/i,
  /^(published|updated|posted)( on)?:?$/i,
  /^on$/i, // the lone "on" of a split "Published / on / <date>" widget
  /^(share|share this( article| story| post)?|share on \w+|tweet|e-?mail|print|copy link|save)$/i,
  /^(facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|threads|bluesky)$/i,
  /^(whatsapp|telegram|facebook) (group|channel) join now$/i,
  /^join now$/i,
  /^back to top( button)?$/i,
  /^(comments?|\d+ comments?|view comments|show comments|leave a (reply|comment))$/i,
  /^there are no comments (for|on) this (story|article|post)\.?$/i,
  /^be the first to (respond|comment)\b.*$/i,
  /^(related|related (articles|posts|stories|news|content|coverage)|recommended( for you)?|you may (also )?like|more (stories|news)|trending( now)?)\s*:?$/i,
  /^(read more|also read|read also|see also|related|more)\s*[:|–—-]\s*\S.*$/i,
  /^(read more|also read|read also|see also)$/i,
  /^(advertisement|sponsored( content)?|ad|promoted)$/i,
  /^(follow us( on .*)?|subscribe( now| to .*)?|sign up( for .*)?|newsletter|get the newsletter)$/i,
  /^(font size|text size|a\+|a-|a−|reset)$/i,
  /^(supplement|addition)$/i,
  /^(tags?|filed under|categories?|topics?)\s*:.*$/i,
  /^skip to (main )?content$/i,
  /^(this (post|article) (may contain|contains) affiliate links|affiliate disclosure)\b.*$/i,
  /^(©|copyright\b).*$/i,
  /^(listen to (this )?(article|story)|\d+ min(ute)?s? read)$/i,
]

export function isChrome(line: string): boolean {
  const trimmed = line.trim()
  if (trimmed === '') return false
  return CHROME.some((pattern) => pattern.test(trimmed))
}

/** The text without chrome lines, runs of blank lines collapsed to one; kept lines are unchanged. */
export function removeChrome(text: string): { text: string; removed: string[] } {
  const kept: string[] = []
  const removed: string[] = []
  for (const line of text.split(/\r?\n/)) {
    if (isChrome(line)) {
      removed.push(line.trim())
      continue
    }
    const blank = line.trim() === ''
    if (blank && (kept.length === 0 || kept[kept.length - 1] === '')) continue
    kept.push(blank ? '' : line.trimEnd())
  }
  while (kept[kept.length - 1] === '') kept.pop()
  return { text: kept.join('\n'), removed }
}
