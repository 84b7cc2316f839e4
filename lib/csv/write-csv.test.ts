import Papa from "papaparse";
import { describe, expect, test } from "vitest";

import { writeCsv } from "./write-csv";

const cellsOf = (csv: string) => Papa.parse<string[]>(csv, { header: false }).data;

describe("writeCsv", () => {
  test("writes a header and rows, quoting what needs quoting (RFC 4180)", () => {
    const csv = writeCsv(["line", "field", "message"], [[2, "subject", 'says "hi", twice'], [3, null, "a\nb"]]);
    expect(csv).toBe('line,field,message\r\n2,subject,"says ""hi"", twice"\r\n3,,"a\nb"');
    expect(cellsOf(csv)).toEqual([["line", "field", "message"], ["2", "subject", 'says "hi", twice'], ["3", "", "a\nb"]]);
  });

  test.each([
    ["=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"],
    ["+1+2", "'+1+2"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["=1+1\nsecond line", "'=1+1\nsecond line"],
    ["-", "'-"],
  ])("neutralises a cell that starts a formula: %j", (cell, written) => {
    const csv = writeCsv(["value"], [[cell]]);
    expect(cellsOf(csv)[1]).toEqual([written]);
  });

  test.each(["plain", " =leading space", "a=b", "2026-04-01T09:00:00Z", "x-y", ""])("leaves other text as it is: %j", (cell) => {
    expect(cellsOf(writeCsv(["value"], [[cell]]))[1]).toEqual([cell]);
  });

  test("numbers, booleans and dates are written as values, a negative number unprefixed", () => {
    const csv = writeCsv(["n", "b", "d"], [[-5, true, new Date("2026-04-01T09:00:00Z")]]);
    expect(cellsOf(csv)[1]).toEqual(["-5", "true", "2026-04-01T09:00:00.000Z"]);
  });

  test("header cells are neutralised too", () => {
    expect(cellsOf(writeCsv(["=cmd"], []))[0]).toEqual(["'=cmd"]);
  });
});
