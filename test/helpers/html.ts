/** Text as HTML text: the three characters markup would read. For pages written by tests and benchmarks. */
export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
