import Papa from "papaparse";

export type DelimitedRow = { line: number; fields: string[] } | { line: number; error: string };

/**
 * A quoted field may run over this many lines (a ticket description with paragraphs); a quote
 * still open after them is taken as broken. Without a bound an unterminated quote would swallow
 * the rest of the file into one giant field, and a streaming reader would hold it all in memory.
 */
export const MAX_QUOTED_LINES = 200;

const DELIMITERS = [",", "\t", ";", "|"] as const;

/** Whether a quoted field is still open at the end of `text`, given whether it was at the start. */
function quoteOpenAfter(text: string, delimiter: string, open: boolean): boolean {
  let atFieldStart = !open;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (open) {
      if (char === '"') {
        if (text[i + 1] === '"') i += 1;
        else open = false;
      }
    } else if (char === '"' && atFieldStart) {
      open = true;
    } else {
      atFieldStart = char === delimiter;
      continue;
    }
    atFieldStart = false;
  }
  return open;
}

/** The delimiter of a header line: the candidate that splits it into the most fields. */
export function detectDelimiter(headerLine: string): string {
  let best: string = ",";
  let most = 0;
  for (const delimiter of DELIMITERS) {
    const count = headerLine.split(delimiter).length;
    if (count > most) [best, most] = [delimiter, count];
  }
  return best;
}

/**
 * Cuts text, fed in chunks of any size, into rows numbered by the file line they start on (the
 * header is line 1). Record boundaries are found here so that a broken quote can be reported at
 * the line it starts and reading resumes on the next line; Papa Parse splits each record's fields.
 * Blank lines are not rows.
 */
export class DelimitedRowSplitter {
  delimiter: string | null = null;
  /** The header's number of fields. */
  private width: number | null = null;
  private rest = "";
  private lineNumber = 0;
  /** The lines of a record whose quoted field is still open, with the line it starts on. */
  private pending: { start: number; lines: string[] } | null = null;

  push(text: string): DelimitedRow[] {
    const rows: DelimitedRow[] = [];
    const lines = (this.rest + text).split("\n");
    this.rest = lines.pop()!;
    for (const line of lines) this.take(line, rows);
    return rows;
  }

  end(): DelimitedRow[] {
    const rows: DelimitedRow[] = [];
    if (this.rest !== "") this.take(this.rest, rows);
    this.rest = "";
    while (this.pending) this.breakPending(rows);
    return rows;
  }

  private take(rawLine: string, rows: DelimitedRow[]) {
    this.lineNumber += 1;
    this.feed(this.lineNumber, rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine, rows);
  }

  private feed(number: number, line: string, rows: DelimitedRow[]) {
    if (this.pending) {
      this.pending.lines.push(line);
      if (!quoteOpenAfter(line, this.delimiter!, true)) {
        const row = this.split(this.pending.start, this.pending.lines.join("\n"));
        // A quote left open pairs with the next quote in the file, lines later. The record that
        // makes is kept only if it reads cleanly with as many fields as the header.
        if ("error" in row || (this.width !== null && row.fields.length !== this.width)) this.breakPending(rows);
        else {
          this.pending = null;
          rows.push(row);
        }
      } else if (this.pending.lines.length > MAX_QUOTED_LINES) {
        this.breakPending(rows);
      }
      return;
    }
    if (line.trim() === "") return;
    this.delimiter ??= detectDelimiter(line);
    if (quoteOpenAfter(line, this.delimiter, false)) this.pending = { start: number, lines: [line] };
    else rows.push(this.split(number, line));
    const first = rows[0];
    if (this.width === null && first && "fields" in first) this.width = first.fields.length;
  }

  /** The pending record's first line is reported; the lines after it are read again as rows. */
  private breakPending(rows: DelimitedRow[]) {
    const { start, lines } = this.pending!;
    this.pending = null;
    rows.push({ line: start, error: `a quoted field opened on this line is never closed (within ${MAX_QUOTED_LINES} lines); the lines after it were read on their own` });
    lines.slice(1).forEach((line, i) => this.feed(start + 1 + i, line, rows));
  }

  private split(line: number, text: string): DelimitedRow {
    const parsed = Papa.parse<string[]>(text, { delimiter: this.delimiter!, header: false });
    const [first] = parsed.errors;
    if (first) return { line, error: `${first.message.replace(/\.$/, "")} (${first.code})` };
    return { line, fields: parsed.data[0] ?? [] };
  }
}

/** Rows of a file read as a stream of text chunks; `onProgress` is the source's business. */
export async function* readDelimitedRows(chunks: AsyncIterable<string>): AsyncGenerator<DelimitedRow[]> {
  const splitter = new DelimitedRowSplitter();
  for await (const chunk of chunks) {
    const rows = splitter.push(chunk);
    if (rows.length) yield rows;
  }
  const rows = splitter.end();
  if (rows.length) yield rows;
}
