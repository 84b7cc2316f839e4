import { createHash } from "node:crypto";

import { leaderboardFiltersFor, narrowFilters, visibleSubjects, type KpiScope } from "@/lib/auth/scope";
import { sharedShortLivedCache, sourceKeyOf } from "@/lib/cache/short-lived-cache";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { onRecordsIngested } from "@/lib/ingest/ingest-events";
import { getOrgSettings } from "@/lib/org/get-org-settings";
import { listTargets } from "@/lib/targets/targets";

import { computeDashboardData } from "./compute-dashboard-data";
import type { DashboardData } from "./dashboard-data";
import { filtersWindow, kpiFiltersOf, type DashboardFilters } from "./dashboard-filters";
import { SnapshotCache } from "./snapshot-cache";
import { toDashboardWidget, type DashboardWidget } from "./widget-config";

export interface Dashboard {
  id: number;
  slug: string;
  name: string;
  pollSeconds: number;
  isDefault: boolean;
  updatedAt: Date;
  widgets: DashboardWidget[];
}

export const MIN_POLL_SECONDS = 5;

const dashboardsBySlug = sharedShortLivedCache<Dashboard | null>("dashboards-by-slug");

/** A dashboard and its widgets, remembered for a few seconds: every poll needs it, edits are rare. */
export function getDashboard(prisma: PrismaClient, slug: string): Promise<Dashboard | null> {
  return dashboardsBySlug.get(prisma, slug, async () => {
    const row = await prisma.dashboard.findUnique({ where: { slug }, include: { widgets: { orderBy: [{ y: "asc" }, { x: "asc" }, { id: "asc" }] } } });
    return row && { ...row, widgets: row.widgets.map(toDashboardWidget) };
  });
}

/** Called by every change to a dashboard or its widgets (manage-dashboards.ts): the next poll reads them again. */
export function forgetDashboards(): void {
  dashboardsBySlug.clear();
}

/** The dashboard `/` shows: the one marked default, else the oldest. */
export async function getDefaultDashboard(prisma: PrismaClient): Promise<Dashboard | null> {
  const row = await prisma.dashboard.findFirst({ orderBy: [{ isDefault: "desc" }, { id: "asc" }], select: { slug: true } });
  return row && getDashboard(prisma, row.slug);
}

export interface Snapshot {
  data: DashboardData;
  /** Changes only when a number does, not with the time of computation: an unchanged poll is a 304. */
  etag: string;
}

export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; parameter: string; message: string };

/** A snapshot served after its interval because the fresh one is late: flagged, and tagged apart so a 304 cannot hide the flag. */
export function markSnapshotStale({ data, etag }: Snapshot): Snapshot {
  return { data: { ...data, stale: true }, etag: etag.replace(/"$/, '-stale"') };
}

const holder = globalThis as typeof globalThis & { __deskpulseSnapshots?: SnapshotCache<Snapshot> };
export const snapshotCache = (holder.__deskpulseSnapshots ??= new SnapshotCache<Snapshot>({ markStale: markSnapshotStale }));

// Every accepted batch (API, connector, import, live demo) may change any dashboard's numbers: the
// next poll of each recomputes, so a screen shows a new ticket at its next poll.
onRecordsIngested("snapshots", () => snapshotCache.clear());

/**
 * A dashboard's numbers for one viewer's filters, narrowed to what the viewer may see. Viewers
 * with the same effective filters share one computation per polling interval; when the process
 * is busy it throws SnapshotBusyError (snapshot-cache.ts).
 */
export async function loadDashboardSnapshot(
  prisma: PrismaClient,
  dashboard: Dashboard,
  filters: DashboardFilters,
  scope: KpiScope,
  cache: SnapshotCache<Snapshot> = snapshotCache,
): Promise<SnapshotResult> {
  const scoped = await narrowFilters(prisma, scope, kpiFiltersOf(filters));
  if (!scoped.ok) return scoped;
  const leaderboardFilters = leaderboardFiltersFor(scope, scoped.filters);
  const key = JSON.stringify([sourceKeyOf(prisma), dashboard.id, dashboard.updatedAt, filters.preset, filters.range, scoped.filters, leaderboardFilters]);
  const snapshot = await cache.get(key, Math.max(MIN_POLL_SECONDS, dashboard.pollSeconds) * 1000, async () => {
    const now = new Date();
    const [org, targets, targetScope] = await Promise.all([getOrgSettings(prisma), listTargets(prisma), targetScopeOf(prisma, scoped.filters)]);
    const data = await computeDashboardData(prisma, {
      widgets: dashboard.widgets,
      filters: scoped.filters,
      leaderboardFilters,
      window: filtersWindow(filters, now, org.timeZone),
      timeZone: org.timeZone,
      now,
      serviceLevelSeconds: org.serviceLevelSeconds,
      minSampleSize: org.minSampleSize,
      targets,
      targetScope,
      canSee: await visibleSubjects(prisma, scope),
    });
    const numbers = JSON.stringify({ ...data, computedAt: undefined });
    return { data, etag: `W/"${createHash("sha256").update(numbers).digest("base64url").slice(0, 27)}"` };
  });
  return { ok: true, snapshot };
}

/** One team or one agent in view: their targets take precedence over the organisation's. */
export async function targetScopeOf(prisma: PrismaClient, filters: { team: string[]; agent: string[] }) {
  const [team, agent] = await Promise.all([
    filters.team.length === 1 ? prisma.team.findUnique({ where: { externalId: filters.team[0] }, select: { id: true } }) : null,
    filters.agent.length === 1 ? prisma.agent.findUnique({ where: { externalId: filters.agent[0] }, select: { id: true, teamId: true } }) : null,
  ]);
  return { teamId: team?.id ?? agent?.teamId ?? null, agentId: agent?.id ?? null };
}
