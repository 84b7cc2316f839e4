import { expect, test } from "vitest";

import { guessDateFormat, suggestMapping } from "./suggest-mapping";

test("suggests fields from header names and transforms from sample values", () => {
  const header = ["Ticket #", "Created at", "requester", "Status", "Via", "Assignee", "Id"];
  const rows = [
    ["", "03/02/2026 09:15", "a@b.c", "Solved", "Email", "ann", "17"],
    ["", "04/02/2026 10:00", "d@e.f", "Open", "Chat", "bob", "18"],
  ];
  const mapping = suggestMapping("tickets", header, rows, "Europe/Berlin");
  expect(mapping.fields).toEqual({
    externalId: { from: "column", column: "Id", transform: { type: "text" } },
    channel: { from: "column", column: "Via", transform: { type: "map", values: { Email: "email", Chat: "chat" } } },
    assignee: { from: "column", column: "Assignee", transform: { type: "text" } },
    status: { from: "column", column: "Status", transform: { type: "map", values: { Solved: "solved", Open: "open" } } },
    createdAt: { from: "column", column: "Created at", transform: { type: "date", format: "dd/MM/yyyy HH:mm", timeZone: "Europe/Berlin" } },
  });
});

test("guesses date formats that read every sample", () => {
  expect(guessDateFormat(["991001", "991002"])).toBe("yyMMdd");
  expect(guessDateFormat(["2026-01-02T10:00:00+01:00", ""])).toBe("iso");
  expect(guessDateFormat(["2026-01-02", "tomorrow"])).toBeNull();
});
