import { describe, expect, test } from "vitest";

import { ZImportMapping, type ImportMapping } from "./import-mapping";
import { mappedRowReader } from "./mapped-row-reader";
import { transformValue } from "./transform-value";

describe("transformValue", () => {
  test("reads dates in a format and a zone, keeping an offset the value has", () => {
    expect(transformValue({ type: "date", format: "yyMMdd", timeZone: "Asia/Jerusalem" }, "991001")).toEqual({ ok: true, value: "1999-10-01T00:00:00.000+02:00" });
    expect(transformValue({ type: "date", format: "dd/MM/yyyy HH:mm", timeZone: "Europe/Berlin" }, "08/03/2026 09:15")).toEqual({ ok: true, value: "2026-03-08T09:15:00.000+01:00" });
    expect(transformValue({ type: "date", format: "iso", timeZone: "Europe/Berlin" }, "2026-07-01 10:00")).toEqual({ ok: true, value: "2026-07-01T10:00:00.000+02:00" });
    expect(transformValue({ type: "date", format: "iso", timeZone: "Europe/Berlin" }, "2026-07-01T10:00:00Z")).toEqual({ ok: true, value: "2026-07-01T12:00:00.000+02:00" });
    expect(transformValue({ type: "date", format: "yyMMdd", timeZone: "UTC" }, "99-10-01")).toEqual({ ok: false, message: '"99-10-01" is not a date in the format yyMMdd' });
  });

  test("reads durations as whole seconds", () => {
    expect(transformValue({ type: "duration", unit: "h:mm:ss" }, "1:02:03")).toEqual({ ok: true, value: 3723 });
    expect(transformValue({ type: "duration", unit: "minutes" }, "1,5")).toEqual({ ok: true, value: 90 });
    expect(transformValue({ type: "duration", unit: "seconds" }, "62")).toEqual({ ok: true, value: 62 });
    expect(transformValue({ type: "duration", unit: "h:mm:ss" }, "soon").ok).toBe(false);
  });

  test("maps values without regard to case, leaving others for the schema to judge", () => {
    const map = { type: "map", values: { Solved: "solved", "E-mail": "email" } } as const;
    expect(transformValue(map, "SOLVED")).toEqual({ ok: true, value: "solved" });
    expect(transformValue(map, "fax")).toEqual({ ok: true, value: "fax" });
  });
});

describe("mappedRowReader", () => {
  const mapping: ImportMapping = {
    kind: "calls",
    fields: {
      externalId: { from: "template", template: "x-{day}-{Id}" },
      direction: { from: "constant", value: "inbound" },
      queuedAt: { from: "dateTime", dateColumn: "day", timeColumn: "queued", format: "yyyy-MM-dd H:mm:ss", timeZone: "UTC", blanks: ["0:00:00"] },
      talkSeconds: { from: "column", column: "talk", transform: { type: "duration", unit: "h:mm:ss" } },
      agent: { from: "column", column: "who", transform: { type: "text" }, blanks: ["NO_SERVER"] },
    },
    skip: { column: "outcome", values: ["PHANTOM"] },
  };
  const header = ["Id", "day", "queued", "talk", "who", "outcome"];

  test("builds a record from columns, a date and a time, constants and templates", () => {
    const reader = mappedRowReader(mapping, header);
    if (!reader.ok) throw new Error("unexpected");
    expect(reader.read(["7", "2026-01-02", "9:05:00", "0:01:30", "ann", "AGENT"])).toEqual({
      status: "record",
      record: { externalId: "x-2026-01-02-7", direction: "inbound", queuedAt: "2026-01-02T09:05:00.000+00:00", talkSeconds: 90, agent: "ann" },
    });
    expect(reader.read(["8", "2026-01-02", "0:00:00", "", "NO_SERVER", "HANG"])).toEqual({
      status: "record",
      record: { externalId: "x-2026-01-02-8", direction: "inbound" },
    });
    expect(reader.read(["9", "", "", "", "", "PHANTOM"])).toEqual({ status: "skipped" });
    expect(reader.read(["10", "2026-01-02", "9:05:00", "long", "ann", "AGENT"])).toEqual({
      status: "error",
      errors: [{ field: "talkSeconds", message: 'talk: "long" is not a duration as h:mm:ss' }],
    });
  });

  test("names the columns a file lacks, once", () => {
    expect(mappedRowReader(mapping, ["Id", "day"])).toEqual({ ok: false, missing: ["queued", "talk", "who", "outcome"] });
  });

  test("a saved mapping is validated when read: unknown fields and zones are refused", () => {
    const bad = ZImportMapping.safeParse({
      kind: "tickets",
      fields: { nonsense: { from: "constant", value: "x" }, createdAt: { from: "column", column: "c", transform: { type: "date", format: "iso", timeZone: "Mars/Olympus" } } },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(["fields.createdAt.transform.timeZone", "fields.nonsense"]);
  });
});
