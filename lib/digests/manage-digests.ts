import { z } from "zod";

import { UserInputError } from "@/lib/auth/users";
import { filtersToSearch, ZDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import { nextDigestRun } from "./next-digest-run";
import { runDigest } from "./run-due-digests";

export const DIGEST_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

const ids = (message: string) =>
  z
    .array(z.coerce.number({ error: message }).int(message).positive(message))
    .default([])
    .transform((list) => [...new Set(list)]);

/** The settings form's fields; each problem names its field. */
export const ZDigestInput = z
  .object({
    dashboard: z.string().trim().min(1, "choose a dashboard"),
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    frequency: z.enum(["daily", "weekly"], "choose daily or weekly"),
    weekday: z
      .string()
      .trim()
      .default("")
      .transform((day) => (day === "" ? null : Number(day)))
      .pipe(z.number().int().min(1, "choose a weekday").max(7, "choose a weekday").nullable()),
    time: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "write a time such as 08:00 (24-hour clock)"),
    team: z.string().trim().default(""),
    channel: z.string().trim().default(""),
    channels: ids("choose channels from the list"),
    people: ids("choose people from the list"),
  })
  .refine((d) => d.frequency === "daily" || d.weekday !== null, { message: "choose the weekday of a weekly digest", path: ["weekday"] })
  .refine((d) => d.channels.length + d.people.length > 0, { message: "choose at least one channel or person", path: ["channels"] });
export type DigestInput = z.output<typeof ZDigestInput>;

/** A new digest, first due at the next occurrence of its time. Unknown dashboards, teams, channels or people are refused by field. */
export async function createDigest(prisma: PrismaClient, input: DigestInput & { createdById: number | null }, now = new Date()): Promise<number> {
  const dashboard = await prisma.dashboard.findUnique({ where: { slug: input.dashboard }, select: { id: true } });
  if (!dashboard) throw new UserInputError("dashboard", `unknown dashboard ${input.dashboard}`);
  if (input.team && !(await prisma.team.findUnique({ where: { externalId: input.team }, select: { id: true } }))) throw new UserInputError("team", `unknown team ${input.team}`);
  const filters = ZDashboardFilters.safeParse({ team: input.team || undefined, channel: input.channel || undefined });
  if (!filters.success) throw new UserInputError(String(filters.error.issues[0]!.path[0] ?? "form"), filters.error.issues[0]!.message);
  if ((await prisma.notificationChannel.count({ where: { id: { in: input.channels } } })) !== input.channels.length) throw new UserInputError("channels", "choose channels from the list");
  if ((await prisma.user.count({ where: { id: { in: input.people } } })) !== input.people.length) throw new UserInputError("people", "choose people from the list");
  const schedule = { frequency: input.frequency, weekday: input.frequency === "weekly" ? input.weekday : null, localTime: input.time };
  const { timeZone } = await getOrgSettings(prisma);
  const row = await prisma.digest.create({
    data: {
      dashboardId: dashboard.id,
      name: input.name,
      ...schedule,
      filters: filtersToSearch(filters.data).replace(/^\?/, ""),
      createdById: input.createdById,
      nextRunAt: nextDigestRun(schedule, now, timeZone),
      channels: { create: input.channels.map((channelId) => ({ channelId })) },
      recipients: { create: input.people.map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
  return row.id;
}

/** Paused digests keep their settings; resuming schedules the next occurrence from now, never a missed one. */
export async function setDigestEnabled(prisma: PrismaClient, id: number, enabled: boolean, now = new Date()): Promise<void> {
  const digest = await prisma.digest.findUnique({ where: { id }, select: { frequency: true, weekday: true, localTime: true } });
  if (!digest) return;
  const { timeZone } = await getOrgSettings(prisma);
  await prisma.digest.update({ where: { id }, data: { enabled, ...(enabled ? { nextRunAt: nextDigestRun(digest, now, timeZone) } : {}) } });
}

export async function deleteDigest(prisma: PrismaClient, id: number): Promise<void> {
  await prisma.digest.deleteMany({ where: { id } });
}

/** "Send now": queues one send at once, outside the schedule (which stays as it was). */
export async function sendDigestNow(prisma: PrismaClient, id: number, now = new Date()): Promise<string | null> {
  if (!(await prisma.digest.findUnique({ where: { id }, select: { id: true } }))) return null;
  return runDigest(prisma, id, now);
}

export function listDigests(prisma: PrismaClient) {
  return prisma.digest.findMany({
    select: {
      id: true, name: true, frequency: true, weekday: true, localTime: true, filters: true, enabled: true, nextRunAt: true, lastRunAt: true, lastResult: true,
      dashboard: { select: { name: true } },
      createdBy: { select: { name: true } },
      channels: { select: { channel: { select: { name: true, kind: true } } } },
      recipients: { select: { user: { select: { name: true, email: true } } } },
    },
    orderBy: [{ dashboard: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
  });
}
