import type { PrismaClient } from "@/lib/generated/prisma/client";
import { refreshRollups } from "@/lib/kpi/rollups/refresh-rollups";

import { insertDemoCustomKpis } from "./demo-custom-kpis";
import { DEMO_TIME_ZONE } from "./demo-roster";
import { insertDemoServiceLevels } from "./demo-service-levels";
import { insertDemoUsers } from "./demo-users";
import { demoRoster, generateDemoDays, type DemoOptions } from "./generate-demo-data";
import { insertDemoDay, insertRoster, resetSequences } from "./insert-demo-data";

export const DEFAULT_DEMO_TICKETS = 30_000;
export const DEFAULT_DEMO_DAYS = 90;
export const DEFAULT_DEMO_SEED = 2026;

export interface SeedResult {
  seeded: boolean;
  tickets: number;
  messages: number;
  calls: number;
  surveys: number;
  kbViews: number;
  statuses: number;
}

/** The history ends at the start of the current minute, so re-running within a minute is identical. */
export function demoNow(): Date {
  const now = new Date();
  now.setUTCSeconds(0, 0);
  return now;
}

/**
 * Fills an empty database with demo history. A database that already holds tickets or teams is
 * left untouched (seeded: false): demo data never mixes with real data.
 */
export async function seedDemoIfEmpty(
  prisma: PrismaClient,
  options: Partial<DemoOptions> & { onDay?: (dayIndex: number, days: number) => void } = {},
): Promise<SeedResult> {
  const result: SeedResult = { seeded: false, tickets: 0, messages: 0, calls: 0, surveys: 0, kbViews: 0, statuses: 0 };
  const [tickets, teams] = await Promise.all([prisma.ticket.count(), prisma.team.count()]);
  if (tickets > 0 || teams > 0) return result;

  const full: DemoOptions = {
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    now: options.now ?? demoNow(),
    days: options.days ?? DEFAULT_DEMO_DAYS,
    tickets: options.tickets ?? DEFAULT_DEMO_TICKETS,
    timeZone: options.timeZone ?? DEMO_TIME_ZONE,
  };
  await prisma.orgSettings.upsert({
    where: { id: 1 },
    create: { id: 1, name: "Northwind Support", timeZone: full.timeZone },
    update: { timeZone: full.timeZone },
  });
  await insertRoster(prisma, demoRoster(full.seed));
  await insertDemoServiceLevels(prisma, full.timeZone);
  let index = 0;
  for (const day of generateDemoDays(full)) {
    await insertDemoDay(prisma, day);
    result.tickets += day.tickets.length;
    result.messages += day.messages.length;
    result.calls += day.calls.length;
    result.surveys += day.surveys.length;
    result.kbViews += day.kbViews.length;
    result.statuses += day.statuses.length;
    options.onDay?.(++index, full.days);
  }
  await resetSequences(prisma);
  // Only into a database without users: a real install's first admin is never joined by demo logins.
  if ((await prisma.user.count()) === 0) await insertDemoUsers(prisma);
  // Fresh statistics for the planner: without them a bulk-loaded table gets nested-loop plans.
  await prisma.$executeRaw`ANALYZE`;
  await refreshRollups(prisma);
  await insertDemoCustomKpis(prisma);
  result.seeded = true;
  return result;
}
