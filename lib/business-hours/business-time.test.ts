import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";

import { Prisma } from "@/lib/generated/prisma/client";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { businessDeadlineSql, businessSecondsSql } from "./business-time-sql";
import { ALWAYS_OPEN, OFFICE_HOURS, type ScheduleInput } from "./schedule";
import { saveSchedule } from "./save-schedule";

// Hand-computed business time. 2026-11-23 is a Monday; Berlin is UTC+1 in winter and UTC+2 from
// Sunday 2026-03-29 02:00 (a 23-hour day) until Sunday 2026-10-25 03:00 (a 25-hour day).

const BERLIN_OFFICE: ScheduleInput = { timeZone: "Europe/Berlin", weeklyHours: OFFICE_HOURS, holidays: [{ date: "2026-12-25", name: "Christmas Day" }] };
const LUNCH_BREAK: ScheduleInput = {
  timeZone: "Europe/Berlin",
  weeklyHours: { ...OFFICE_HOURS, "1": [["09:00", "12:00"], ["13:00", "17:00"]] },
  holidays: [],
};
const SUNDAY_NIGHTS: ScheduleInput = {
  timeZone: "Europe/Berlin",
  weeklyHours: { "1": [], "2": [], "3": [], "4": [], "5": [], "6": [], "7": [["00:00", "06:00"]] },
  holidays: [],
};
const AROUND_THE_CLOCK: ScheduleInput = { timeZone: "Asia/Kolkata", weeklyHours: ALWAYS_OPEN, holidays: [] };
const IRREGULAR: ScheduleInput = {
  timeZone: "America/New_York",
  weeklyHours: { "1": [["00:00", "03:30"], ["22:00", "24:00"]], "2": [["00:00", "01:00"]], "3": [], "4": [["12:15", "12:45"]], "5": [], "6": [["08:00", "20:00"]], "7": [] },
  holidays: [{ date: "2026-07-04", name: "Independence Day" }],
};

const H = 3600;

describeEachDatabase("business time", ({ db }) => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    const prisma = db().prisma;
    for (const [name, schedule] of Object.entries({ BERLIN_OFFICE, LUNCH_BREAK, SUNDAY_NIGHTS, AROUND_THE_CLOCK, IRREGULAR })) {
      const team = await prisma.team.create({ data: { externalId: name, name } });
      ids[name] = await saveSchedule(prisma, { kind: "team", team: team.externalId }, schedule);
    }
  }, 60_000);

  const seconds = async (schedule: string, from: string, to: string) => {
    const [row] = await db().prisma.$queryRaw<{ s: number | null }[]>`
      SELECT ${businessSecondsSql(Prisma.sql`${ids[schedule]!}::int`, Prisma.sql`${from}::timestamptz`, Prisma.sql`${to}::timestamptz`)} AS s`;
    return row!.s;
  };

  describe("against hand-computed cases", () => {
    test.each([
      ["inside one day", "BERLIN_OFFICE", "2026-11-23T10:00:00+01:00", "2026-11-23T12:30:00+01:00", 2.5 * H],
      ["across a night", "BERLIN_OFFICE", "2026-11-23T16:00:00+01:00", "2026-11-24T10:00:00+01:00", 2 * H],
      ["across a weekend", "BERLIN_OFFICE", "2026-11-27T16:30:00+01:00", "2026-11-30T09:45:00+01:00", 0.75 * H + 0.5 * H],
      ["across a holiday", "BERLIN_OFFICE", "2026-12-24T16:00:00+01:00", "2026-12-28T10:00:00+01:00", 2 * H],
      ["from before opening to after closing", "BERLIN_OFFICE", "2026-11-24T07:00:00+01:00", "2026-11-24T19:00:00+01:00", 8 * H],
      ["entirely outside business hours", "BERLIN_OFFICE", "2026-11-28T10:00:00+01:00", "2026-11-29T12:00:00+01:00", 0],
      ["opening in summer time after the spring change", "BERLIN_OFFICE", "2026-03-27T16:00:00+01:00", "2026-03-30T07:30:00Z", 1 * H + 0.5 * H],
      ["a night that loses an hour to DST", "SUNDAY_NIGHTS", "2026-03-28T12:00:00+01:00", "2026-03-30T12:00:00+02:00", 5 * H],
      ["a night that gains an hour from DST", "SUNDAY_NIGHTS", "2026-10-24T12:00:00+02:00", "2026-10-26T12:00:00+01:00", 7 * H],
      ["across a lunch break", "LUNCH_BREAK", "2026-11-23T11:00:00+01:00", "2026-11-23T14:00:00+01:00", 2 * H],
      ["starting inside the lunch break", "LUNCH_BREAK", "2026-11-23T12:20:00+01:00", "2026-11-23T13:10:00+01:00", 10 * 60],
      ["a zero-length interval", "BERLIN_OFFICE", "2026-11-23T10:00:00+01:00", "2026-11-23T10:00:00+01:00", 0],
      ["around the clock in a half-hour zone", "AROUND_THE_CLOCK", "2026-11-23T10:00:00+05:30", "2026-11-25T11:30:00+05:30", 49.5 * H],
    ])("%s", async (_name, schedule, from, to, expected) => {
      expect(await seconds(schedule, from, to)).toBeCloseTo(expected, 6);
    });

    test("a business-time deadline skips the night, the weekend and holidays", async () => {
      const deadline = async (schedule: string, from: string, s: number) => {
        const [row] = await db().prisma.$queryRaw<{ d: Date }[]>`
          SELECT ${businessDeadlineSql(Prisma.sql`${ids[schedule]!}::int`, Prisma.sql`${from}::timestamptz`, Prisma.sql`${s}::float8`)} AS d`;
        return row!.d.toISOString();
      };
      expect(await deadline("BERLIN_OFFICE", "2026-11-27T16:30:00+01:00", 2 * H)).toBe("2026-11-30T09:30:00.000Z");
      expect(await deadline("BERLIN_OFFICE", "2026-12-24T16:00:00+01:00", 2 * H)).toBe("2026-12-28T09:00:00.000Z");
      expect(await deadline("BERLIN_OFFICE", "2026-11-24T06:00:00+01:00", 8 * H)).toBe("2026-11-24T16:00:00.000Z");
      expect(await deadline("LUNCH_BREAK", "2026-11-23T11:30:00+01:00", 1 * H)).toBe("2026-11-23T12:30:00.000Z");
    });
  });

  test("property: business time never exceeds calendar time, and equals it around the clock", async () => {
    const instant = fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true });
    await fc.assert(
      fc.asyncProperty(instant, fc.integer({ min: 0, max: 40 * 24 * H }), async (from, length) => {
        const to = new Date(from.getTime() + length * 1000);
        for (const schedule of ["BERLIN_OFFICE", "LUNCH_BREAK", "SUNDAY_NIGHTS", "IRREGULAR"]) {
          const s = (await seconds(schedule, from.toISOString(), to.toISOString()))!;
          expect(s).toBeGreaterThanOrEqual(-1e-6);
          expect(s).toBeLessThanOrEqual(length + 1e-6);
        }
        expect(await seconds("AROUND_THE_CLOCK", from.toISOString(), to.toISOString())).toBeCloseTo(length, 6);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
