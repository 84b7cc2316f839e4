import { ALWAYS_OPEN, OFFICE_HOURS, type WeeklyHours } from "@/lib/business-hours/schedule";
import { saveSchedule } from "@/lib/business-hours/save-schedule";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { saveSlaPolicies } from "@/lib/sla/sla-policies";

const MINUTE = 60;
const HOUR = 3600;

/** Weekdays 08:00-18:00, when the demo's email and web queues are worked. */
const DEMO_OFFICE: WeeklyHours = Object.fromEntries(
  Object.entries(OFFICE_HOURS).map(([day, hours]) => [day, hours.length ? [["08:00", "18:00"]] : []]),
) as WeeklyHours;
/** Social Care answers every day, 08:00-22:00. */
const DEMO_SOCIAL: WeeklyHours = Object.fromEntries(Object.keys(ALWAYS_OPEN).map((day) => [day, [["08:00", "22:00"]]])) as WeeklyHours;

const DEMO_HOLIDAYS = [
  { date: "2026-12-24", name: "Christmas Eve" },
  { date: "2026-12-25", name: "Christmas Day" },
  { date: "2026-12-26", name: "Second Christmas Day" },
  { date: "2027-01-01", name: "New Year's Day" },
];

/** The demo's business hours and SLA targets, so the "Service levels" dashboard has something to say. */
export async function insertDemoServiceLevels(prisma: PrismaClient, timeZone: string): Promise<void> {
  await saveSchedule(prisma, { kind: "org" }, { timeZone, weeklyHours: DEMO_OFFICE, holidays: DEMO_HOLIDAYS });
  await saveSchedule(prisma, { kind: "team", team: "social" }, { timeZone, weeklyHours: DEMO_SOCIAL, holidays: [] });
  await saveSlaPolicies(prisma, [
    { priority: "urgent", firstResponseSeconds: 30 * MINUTE, firstResponseHours: "calendar", resolutionSeconds: 8 * HOUR, resolutionHours: "business" },
    { priority: "high", firstResponseSeconds: 1 * HOUR, firstResponseHours: "business", resolutionSeconds: 16 * HOUR, resolutionHours: "business" },
    { priority: "normal", firstResponseSeconds: 4 * HOUR, firstResponseHours: "business", resolutionSeconds: 40 * HOUR, resolutionHours: "business" },
    { priority: "low", firstResponseSeconds: 8 * HOUR, firstResponseHours: "business", resolutionSeconds: 80 * HOUR, resolutionHours: "business" },
  ]);
}
