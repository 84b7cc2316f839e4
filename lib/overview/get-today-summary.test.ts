import { expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";

import { getTodaySummary, todayWindow } from "./get-today-summary";

test("today's window follows the time zone's midnight, including a 23-hour DST day", () => {
  expect(todayWindow(new Date("2026-03-29T10:00:00Z"), "Europe/Berlin")).toEqual({
    from: new Date("2026-03-28T23:00:00Z"),
    to: new Date("2026-03-29T22:00:00Z"),
  });
  expect(todayWindow(new Date("2026-01-10T02:00:00Z"), "America/New_York").from).toEqual(new Date("2026-01-09T05:00:00Z"));
});

describeEachDatabase("today's summary", ({ db }) => {
  test("counts arrivals and resolutions in [from, to) and the backlog at `to`", async () => {
    const { prisma } = db();
    const now = new Date("2026-05-06T12:00:00Z");
    const { from, to } = todayWindow(now, "UTC");
    const at = (ms: number) => new Date(ms);
    const rows = [
      { externalId: "before", createdAt: at(from.getTime() - 1), resolvedAt: null },
      { externalId: "at-from", createdAt: from, resolvedAt: at(from.getTime() + 1000) },
      { externalId: "open-today", createdAt: at(from.getTime() + 5000), resolvedAt: null },
      { externalId: "resolved-at-to", createdAt: at(from.getTime() + 6000), resolvedAt: to },
      { externalId: "at-to", createdAt: to, resolvedAt: null },
    ];
    await prisma.ticket.createMany({ data: rows.map((r) => ({ ...r, channel: "email", status: "open" })) });
    const summary = await getTodaySummary(prisma, "UTC", now);
    expect(summary.ticketVolume).toBe(3); // at-from, open-today, resolved-at-to
    expect(summary.ticketsSolved).toBe(1); // at-from; a resolution exactly at `to` belongs to tomorrow
    expect(summary.openBacklog).toBe(3); // before, open-today, resolved-at-to (not resolved by `to`)
  });
});
