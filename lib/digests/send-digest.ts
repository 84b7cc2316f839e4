import { TZDate } from "@date-fns/tz";
import { formatISO } from "date-fns";

import type { SessionUser } from "@/lib/auth/access";
import { loadSessionUser } from "@/lib/auth/principal";
import { scopeOf, type KpiScope } from "@/lib/auth/scope";
import { readLockedFilters } from "@/lib/auth/share-links";
import { describeFiltersWindow, filtersToSearch, type DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { getDashboard, loadDashboardSnapshot, type Dashboard } from "@/lib/dashboards/load-dashboard";
import { listTeams } from "@/lib/directory/directory";
import { getEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CHANNELS, ENUM_LABELS } from "@/lib/ingest/record-schemas";
import { enqueueNotification } from "@/lib/notifications/enqueue-notification";
import type { NotificationMessage } from "@/lib/notifications/notification-message";
import { getOrgSettings } from "@/lib/org/get-org-settings";
import { describeLockedFilters } from "@/lib/share/locked-filters";

import { buildDigestMessage } from "./build-digest-message";

// One send of a digest: its channels get the digest's filters in the organisation's scope (a
// Slack channel has no single reader to narrow for); each chosen person gets a copy computed in
// their own scope, by email, so a team lead's shows their teams and nothing of any other.

export type DigestFrequencyName = "daily" | "weekly";

/**
 * The period a digest sent at `at` reports: the local day before it (daily) or the seven local
 * days before it (weekly), complete periods rather than a day that has only begun; the previous
 * period, as on the dashboard, is the day or seven days before that.
 */
export function digestPeriod(frequency: DigestFrequencyName, at: Date, timeZone: string): { from: string; to: string } {
  const local = new TZDate(at.getTime(), timeZone);
  const day = (offset: number) => formatISO(new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + offset, 12, 0, 0, timeZone), { representation: "date" });
  return { from: day(frequency === "daily" ? -1 : -7), to: day(-1) };
}

/** What the stored filters select, over the digest's period; null when they no longer parse. */
export function digestFilters(stored: string, frequency: DigestFrequencyName, at: Date, timeZone: string): DashboardFilters | null {
  const filters = readLockedFilters(stored);
  return filters && { ...filters, preset: null, range: digestPeriod(frequency, at, timeZone) };
}

interface DigestToSend {
  id: number;
  name: string;
  frequency: DigestFrequencyName;
  filters: string;
  dashboardSlug: string;
  channels: { id: number; kind: string }[];
  recipientIds: number[];
}

async function loadDigest(prisma: PrismaClient, id: number): Promise<DigestToSend | null> {
  const row = await prisma.digest.findUnique({
    where: { id },
    select: {
      id: true, name: true, frequency: true, filters: true,
      dashboard: { select: { slug: true } },
      channels: { select: { channel: { select: { id: true, kind: true } } }, orderBy: { channelId: "asc" } },
      recipients: { select: { userId: true }, orderBy: { userId: "asc" } },
    },
  });
  return row && {
    id: row.id, name: row.name, frequency: row.frequency, filters: row.filters, dashboardSlug: row.dashboard.slug,
    channels: row.channels.map((c) => c.channel), recipientIds: row.recipients.map((r) => r.userId),
  };
}

/** People are emailed through the digest's first email channel, else the organisation's first one. */
async function emailChannelFor(prisma: PrismaClient, digest: DigestToSend): Promise<number | null> {
  const own = digest.channels.find((c) => c.kind === "email");
  if (own) return own.id;
  const any = await prisma.notificationChannel.findFirst({ where: { kind: "email" }, orderBy: { id: "asc" }, select: { id: true } });
  return any?.id ?? null;
}

interface Composer {
  /** The message for one scope, or why that scope cannot have one. */
  compose(scope: KpiScope, who: SessionUser | null): Promise<{ ok: true; message: NotificationMessage } | { ok: false; reason: string }>;
}

async function composer(prisma: PrismaClient, digest: DigestToSend, dashboard: Dashboard, at: Date): Promise<Composer | { error: string }> {
  const org = await getOrgSettings(prisma);
  const filters = digestFilters(digest.filters, digest.frequency, at, org.timeZone);
  if (!filters) return { error: "Its filters no longer read; edit or recreate the digest." };
  const teams = new Map((await listTeams(prisma)).map((t) => [t.externalId, t.name]));
  const names = { team: teams, channel: new Map(CHANNELS.map((c) => [c, ENUM_LABELS.channel[c]])) };
  const { span } = describeFiltersWindow(filters, at, org.timeZone);
  const period = digest.frequency === "daily" ? `Yesterday, ${span}` : `The last 7 days, ${span}`;
  const origin = getEnv().DESKPULSE_PUBLIC_URL;
  return {
    async compose(scope, who) {
      const result = await loadDashboardSnapshot(prisma, dashboard, filters, scope);
      if (!result.ok) return { ok: false, reason: `${result.parameter}: ${result.message}` };
      // Whose numbers, in the words of the recipient's own scope: a lead reads their teams' names only.
      const named = (ids: string[]) => ids.map((t) => teams.get(t) ?? t);
      const whose =
        scope.kind === "agent" ? [who?.agent?.name ?? "Your numbers"]
        : scope.kind === "teams" ? named(filters.team.length ? filters.team : scope.teams)
        : filters.team.length ? named(filters.team) : ["All teams"];
      const intro = [period, ...whose, ...describeLockedFilters({ ...filters, range: null, team: [] }, names)].join(" · ");
      const message = buildDigestMessage({
        title: `${digest.name}: ${dashboard.name} · ${span}`,
        intro: `${intro}. Changes are against the ${digest.frequency === "daily" ? "day" : "7 days"} before.`,
        link: origin && new URL(`/dashboards/${dashboard.slug}${filtersToSearch(filters)}`, origin).toString(),
        widgets: dashboard.widgets,
        data: result.snapshot.data,
      });
      return { ok: true, message };
    },
  };
}

/**
 * Computes and queues one send of a digest (scheduled or "Send now") and answers what happened in
 * words, for the digest's "last result". Deliveries are the outbox's to send and retry.
 */
export async function sendDigest(prisma: PrismaClient, digestId: number, at = new Date()): Promise<string> {
  const digest = await loadDigest(prisma, digestId);
  if (!digest) return "The digest no longer exists.";
  const dashboard = await getDashboard(prisma, digest.dashboardSlug);
  if (!dashboard) return "Its dashboard no longer exists.";
  const made = await composer(prisma, digest, dashboard, at);
  if ("error" in made) return made.error;
  const source = `digest:${digest.id}`;
  let queued = 0;
  const notes: string[] = [];
  if (digest.channels.length) {
    const result = await made.compose({ kind: "all" }, null);
    if (result.ok) queued += (await enqueueNotification(prisma, { channelIds: digest.channels.map((c) => c.id), message: result.message, source })).length;
    else notes.push(`channels: ${result.reason}`);
  }
  if (digest.recipientIds.length) {
    const channelId = await emailChannelFor(prisma, digest);
    if (channelId === null) notes.push("No email channel to reach people; an admin adds one in Settings → Notifications");
    else {
      for (const userId of digest.recipientIds) {
        const user = await loadSessionUser(prisma, userId);
        if (!user) continue;
        const result = await made.compose(scopeOf({ kind: "user", user }), user);
        if (!result.ok) {
          notes.push(`${user.email} skipped (${result.reason})`);
          continue;
        }
        queued += (await enqueueNotification(prisma, { channelIds: [channelId], message: result.message, source, emailTo: [user.email] })).length;
      }
    }
  }
  return [`Queued ${queued} message${queued === 1 ? "" : "s"}`, ...notes].join("; ") + ".";
}
