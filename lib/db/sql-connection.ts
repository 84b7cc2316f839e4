/**
 * The one raw connection the migration runner needs: parameterised queries, and multi-statement
 * scripts (a migration file) that Prisma's `$executeRaw` cannot run. Both drivers provide it.
 */
export interface SqlConnection {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  exec(script: string): Promise<void>;
}

export type DatabaseKind = "pglite" | "postgres";
