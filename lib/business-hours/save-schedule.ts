import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import { expandSchedule } from "./expand-schedule";
import { ZHoliday, ZWeeklyHours, type ScheduleInput } from "./schedule";

export type ScheduleOwner = { kind: "org" } | { kind: "team"; team: string };

export class UnknownTeamError extends Error {}

export interface StoredSchedule extends ScheduleInput {
  id: number;
  updatedAt: Date;
}

/**
 * Saves the organisation's or a team's schedule and re-expands its intervals, in one transaction:
 * a business-time query sees the old schedule or the new one, never a half-written one. Every
 * computation from then on uses the new hours, for past windows too (docs/business-hours.md).
 */
export async function saveSchedule(prisma: PrismaClient, owner: ScheduleOwner, input: ScheduleInput): Promise<number> {
  const expanded = expandSchedule(input);
  return prisma.$transaction(async (tx) => {
    const current = await currentScheduleId(tx as unknown as PrismaClient, owner);
    const data = { timeZone: input.timeZone, weeklyHours: input.weeklyHours, holidays: input.holidays };
    const id = current ? (await tx.businessSchedule.update({ where: { id: current }, data })).id : (await tx.businessSchedule.create({ data })).id;
    await tx.$executeRaw`DELETE FROM business_intervals WHERE schedule_id = ${id}`;
    await tx.$executeRaw`
      INSERT INTO business_intervals (schedule_id, start_at, end_at, seconds_before)
      SELECT ${id}, s, e, b FROM unnest(
        ${expanded.map((i) => i.startAt.toISOString())}::timestamptz[],
        ${expanded.map((i) => i.endAt.toISOString())}::timestamptz[],
        ${expanded.map((i) => i.secondsBefore)}::float8[]) AS x(s, e, b)`;
    if (!current) {
      if (owner.kind === "org") await tx.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, businessScheduleId: id }, update: { businessScheduleId: id } });
      else await tx.team.update({ where: { externalId: owner.team }, data: { businessScheduleId: id } });
    }
    return id;
  }, { timeout: 30_000 });
}

async function currentScheduleId(prisma: PrismaClient, owner: ScheduleOwner): Promise<number | null> {
  if (owner.kind === "org") return (await prisma.orgSettings.findUnique({ where: { id: 1 } }))?.businessScheduleId ?? null;
  const team = await prisma.team.findUnique({ where: { externalId: owner.team } });
  if (!team) throw new UnknownTeamError(`unknown team ${owner.team}`);
  return team.businessScheduleId;
}

/** A team goes back to the organisation's hours. */
export async function removeTeamSchedule(prisma: PrismaClient, team: string): Promise<void> {
  const row = await prisma.team.findUnique({ where: { externalId: team } });
  if (!row) throw new UnknownTeamError(`unknown team ${team}`);
  if (row.businessScheduleId !== null) await prisma.businessSchedule.delete({ where: { id: row.businessScheduleId } });
}

export interface Schedules {
  org: StoredSchedule | null;
  teams: { externalId: string; name: string; schedule: StoredSchedule | null }[];
}

export async function listSchedules(prisma: PrismaClient): Promise<Schedules> {
  const [org, teams] = await Promise.all([
    prisma.orgSettings.findUnique({ where: { id: 1 }, include: { businessSchedule: true } }),
    prisma.team.findMany({ include: { businessSchedule: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    org: stored(org?.businessSchedule ?? null),
    teams: teams.map((t) => ({ externalId: t.externalId, name: t.name, schedule: stored(t.businessSchedule) })),
  };
}

function stored(row: { id: number; timeZone: string; weeklyHours: Prisma.JsonValue; holidays: Prisma.JsonValue; updatedAt: Date } | null): StoredSchedule | null {
  if (!row) return null;
  return {
    id: row.id,
    timeZone: row.timeZone,
    weeklyHours: ZWeeklyHours.parse(row.weeklyHours),
    holidays: ZHoliday.array().parse(row.holidays),
    updatedAt: row.updatedAt,
  };
}
