import { DelimitedRowSplitter } from "./delimited-row-splitter";

const HEAD_BYTES = 256 * 1024;

/** The header and first rows of a file, read from its first bytes only, for the mapping step. */
export async function sampleRows(blob: Blob, count = 20): Promise<{ header: string[]; rows: string[][] } | { error: string }> {
  const text = new TextDecoder("utf-8").decode(await blob.slice(0, HEAD_BYTES).arrayBuffer()).replace(/^\uFEFF/, "");
  const splitter = new DelimitedRowSplitter();
  // Without `end()`: the last line of the slice may be cut short.
  const rows = blob.size <= HEAD_BYTES ? [...splitter.push(text), ...splitter.end()] : splitter.push(text);
  const [header, ...data] = rows;
  if (!header) return { error: "The file is empty." };
  if ("error" in header) return { error: `The header line cannot be read: ${header.error}` };
  return { header: header.fields.map((name) => name.trim()), rows: data.flatMap((row) => ("fields" in row ? [row.fields] : [])).slice(0, count) };
}
