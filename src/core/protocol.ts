// Names the server and the dashboard share, so that neither spells them alone.

/** The request header that names the case a dashboard shows (its id); absent, the server's default case. */
export const CASE_HEADER = 'x-parley-case'
