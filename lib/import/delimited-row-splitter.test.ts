import { describe, expect, test } from "vitest";

import { DelimitedRowSplitter, detectDelimiter, MAX_QUOTED_LINES, readDelimitedRows } from "./delimited-row-splitter";

function split(text: string, chunkSize = text.length) {
  const splitter = new DelimitedRowSplitter();
  const rows = [];
  for (let i = 0; i < text.length; i += chunkSize) rows.push(...splitter.push(text.slice(i, i + chunkSize)));
  return [...rows, ...splitter.end()];
}

describe("DelimitedRowSplitter", () => {
  test("detects tabs and semicolons from the header", () => {
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a,b")).toBe(",");
    expect(split("x\ty\n1\t2,5\n")).toEqual([
      { line: 1, fields: ["x", "y"] },
      { line: 2, fields: ["1", "2,5"] },
    ]);
  });

  test("numbers rows by the line they start on, across quoted line breaks, CRLF and chunk edges", () => {
    const text = 'id,text\r\n1,"two\r\nlines"\r\n\r\n2,"a ""quote"", and a comma"\r\n3,plain';
    const expected = [
      { line: 1, fields: ["id", "text"] },
      { line: 2, fields: ["1", "two\nlines"] },
      { line: 5, fields: ["2", 'a "quote", and a comma'] },
      { line: 6, fields: ["3", "plain"] },
    ];
    expect(split(text)).toEqual(expected);
    expect(split(text, 3)).toEqual(expected);
  });

  test("a quote never closed is reported on its line, and the lines after it are read as rows", () => {
    const rows = split('id,text\n1,"never closed\n2,fine\n3,also fine\n');
    expect(rows).toEqual([
      { line: 1, fields: ["id", "text"] },
      { line: 2, error: expect.stringContaining("never closed") },
      { line: 3, fields: ["2", "fine"] },
      { line: 4, fields: ["3", "also fine"] },
    ]);
  });

  test("a broken quote early in a long file gives up after MAX_QUOTED_LINES and resumes on the next line", () => {
    const body = Array.from({ length: MAX_QUOTED_LINES + 50 }, (_, i) => `${i + 3},ok`);
    const rows = split(['id,text', '1,"broken', ...body, '999,"closed', 'later"'].join("\n"));
    expect(rows[1]).toEqual({ line: 2, error: expect.stringContaining("never closed") });
    expect(rows.slice(2, -1)).toEqual(body.map((line, i) => ({ line: i + 3, fields: line.split(",") })));
    expect(rows.at(-1)).toEqual({ line: body.length + 3, fields: ["999", "closed\nlater"] });
  });

  test("a quote in the middle of a field is text, not the start of a quoted field", () => {
    expect(split('a,b\n5" screen,x\n2,y')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ['5" screen', "x"] },
      { line: 3, fields: ["2", "y"] },
    ]);
  });

  test("reads an async stream of chunks", async () => {
    async function* chunks() {
      yield "a,b\n1,";
      yield "2\n";
    }
    const all = [];
    for await (const rows of readDelimitedRows(chunks())) all.push(...rows);
    expect(all).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
    ]);
  });
});
