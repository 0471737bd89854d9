/** The little of SQL access the store needs; PGlite and pg both provide it with the same SQL. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  /** Runs `fn` in one transaction: all of it is committed, or none of it. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>
  close(): Promise<void>
  /** Throws a clear error when the store cannot safely take more writes (the embedded store: disk space). */
  checkSpace?(): void
}
