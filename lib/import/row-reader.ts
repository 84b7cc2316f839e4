/** What one data row of a file becomes: a record to validate and store, a row to leave out, or problems. */
export type RowOutcome =
  | { status: "record"; record: Record<string, unknown> }
  | { status: "skipped" }
  | { status: "error"; errors: { field: string | null; message: string }[] };

/** Turns the fields of one row (in header order) into a record; built once per file from its header. */
export type RowReader = (fields: string[]) => RowOutcome;
