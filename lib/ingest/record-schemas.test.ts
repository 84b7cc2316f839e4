import { describe, expect, test } from "vitest";

import { CLOCK_SKEW_TOLERANCE_MS, parseIngestBatch, RECORD_KINDS, RECORD_SCHEMAS, type IngestBatch, type RecordError } from "./record-schemas";

test("the list of record kinds names every schema", () => {
  expect([...RECORD_KINDS].sort()).toEqual(Object.keys(RECORD_SCHEMAS).sort());
});

const T0 = "2026-04-01T09:00:00.000Z";
/** T0 moved by `seconds`, normalised as stored. */
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

function accepted(body: unknown): IngestBatch {
  const parsed = parseIngestBatch(body);
  if (!parsed.ok) throw new Error(`expected the batch to be valid: ${JSON.stringify(parsed.errors)}`);
  return parsed.batch;
}
function rejected(body: unknown): RecordError[] {
  const parsed = parseIngestBatch(body);
  if (parsed.ok) throw new Error("expected the batch to be refused");
  return parsed.errors;
}

const ticket = (fields: Record<string, unknown>) => ({ externalId: "T-1", channel: "email", status: "solved", createdAt: T0, ...fields });
const call = (fields: Record<string, unknown>) => ({ externalId: "C-1", ...fields });

test("the tolerance is a few seconds", () => {
  expect(CLOCK_SKEW_TOLERANCE_MS).toBe(5_000);
});

describe.each([
  { kind: "tickets", field: "firstResponseAt", record: (s: number) => ticket({ firstResponseAt: at(s) }) },
  { kind: "tickets", field: "resolvedAt", record: (s: number) => ticket({ resolvedAt: at(s) }) },
  { kind: "calls", field: "answeredAt", record: (s: number) => call({ queuedAt: T0, answeredAt: at(s) }) },
  { kind: "calls", field: "endedAt", record: (s: number) => call({ answeredAt: T0, endedAt: at(s) }) },
  { kind: "calls", field: "endedAt", record: (s: number) => call({ queuedAt: T0, endedAt: at(s) }) },
])("$kind.$field before the event it follows", ({ kind, field, record }) => {
  test("more than the tolerance earlier is refused, naming kind, index and field", () => {
    const errors = rejected({ [kind]: [record(60), record(-5.001)] });
    expect(errors).toEqual([{ kind, index: 1, field, message: expect.stringMatching(/must not be before .*5 s of clock skew/) }]);
    expect(rejected({ [kind]: [record(-86_400 * 3)] })[0]!.message).toContain("3 days earlier");
  });

  test("up to the tolerance earlier is accepted and stored at the earlier instant", () => {
    for (const skew of [-5, -1.5, -0.001]) {
      const stored = accepted({ [kind]: [record(skew)] })[kind as "calls"]![0] as unknown as Record<string, string>;
      expect(stored[field]).toBe(T0);
    }
  });

  test("later is stored as it came", () => {
    const stored = accepted({ [kind]: [record(42)] })[kind as "calls"]![0] as unknown as Record<string, string>;
    expect(stored[field]).toBe(at(42));
  });
});

test("a call's clamps never leave a negative duration: the end follows the clamped answer", () => {
  // Answered 2 s before it was queued, ended 1 s before that clamped answer.
  const [stored] = accepted({ calls: [call({ queuedAt: at(5), answeredAt: at(3), endedAt: at(4) })] }).calls!;
  expect(stored).toMatchObject({ queuedAt: at(5), answeredAt: at(5), endedAt: at(5) });
});

test("an end before the queue entry by more than the tolerance is refused although the answer is missing", () => {
  expect(rejected({ calls: [call({ queuedAt: at(10), endedAt: at(0) })] })).toEqual([
    expect.objectContaining({ kind: "calls", index: 0, field: "endedAt" }),
  ]);
});

test("a timestamp without an offset is one problem, not also an order problem for the fields after it", () => {
  const ticket = { externalId: "T-1", channel: "email", status: "open", createdAt: "2026-05-04T09:00:00", firstResponseAt: "2026-05-04T09:20:00+02:00" };
  expect(rejected({ tickets: [ticket] })).toEqual([expect.objectContaining({ kind: "tickets", index: 0, field: "createdAt" })]);
});

describe("instants are between 1970 and 2100 (UTC)", () => {
  test.each(["1970-01-01T00:00:00Z", "2100-12-31T23:59:59.999Z", "1970-01-01T01:00:00+01:00", "2100-12-31T20:00:00-03:59"])("%s is accepted", (instant) => {
    expect(accepted({ kbViews: [{ article: "a", visitor: "v", viewedAt: instant }] }).kbViews).toHaveLength(1);
  });
  test.each(["0000-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:59:59+01:00", "2101-01-01T00:00:00Z", "2100-12-31T23:00:00-01:00"])(
    "%s is refused",
    (instant) => {
      expect(rejected({ kbViews: [{ article: "a", visitor: "v", viewedAt: instant }] })).toEqual([
        { kind: "kbViews", index: 0, field: "viewedAt", message: "must be between 1970 and 2100 (UTC)" },
      ]);
    },
  );
});

describe("strings are valid Unicode", () => {
  test.each([
    ["a lone high surrogate", "T-\ud83d"],
    ["a lone low surrogate", "\ude00T"],
    ["a pair in the wrong order", "\ude00\ud83d"],
    ["a high surrogate before a letter", "\ud83dx"],
  ])("%s is refused, not replaced", (_, externalId) => {
    expect(rejected({ teams: [{ externalId, name: "x" }] })).toEqual([
      { kind: "teams", index: 0, field: "externalId", message: "must be valid Unicode (it contains a lone surrogate)" },
    ]);
  });
  test("a surrogate pair (an emoji) and other scripts are kept", () => {
    expect(accepted({ teams: [{ externalId: "support-\ud83d\ude00", name: "Soporte técnico 支持" }] }).teams).toEqual([
      { externalId: "support-😀", name: "Soporte técnico 支持" },
    ]);
  });
});

test("negative talk, hold and wrap-up seconds are refused", () => {
  const errors = rejected({ calls: [call({ talkSeconds: -1, holdSeconds: -2, wrapUpSeconds: -3 })] });
  expect(errors.map((e) => e.field).sort()).toEqual(["holdSeconds", "talkSeconds", "wrapUpSeconds"]);
});

test("an object's inherited names are not record kinds", () => {
  for (const key of ["__proto__", "constructor", "hasOwnProperty"]) {
    expect(rejected(JSON.parse(`{"${key}": []}`))).toEqual([expect.objectContaining({ kind: "batch", field: key })]);
  }
});
