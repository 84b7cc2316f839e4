import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { readLockedFilters } from "@/lib/auth/share-links";
import { listUsers, ROLE_LABELS } from "@/lib/auth/users";
import { DIGEST_WEEKDAYS, listDigests } from "@/lib/digests/manage-digests";
import { listDashboards, listTeams } from "@/lib/directory/directory";
import { CHANNELS, ENUM_LABELS } from "@/lib/ingest/record-schemas";
import { getOrgSettings } from "@/lib/org/get-org-settings";
import { describeLockedFilters } from "@/lib/share/locked-filters";

type Option = { value: string; label: string };

export interface DigestsPage {
  timeZone: string;
  options: { dashboards: Option[]; weekdays: Option[]; team: Option[]; channel: Option[]; channels: Option[]; people: Option[] };
  digests: {
    id: number;
    name: string;
    dashboard: string;
    /** "Daily at 08:00", "Mondays at 09:00" */
    schedule: string;
    /** "Billing · Email", or null for the whole organisation. */
    filters: string | null;
    sendTo: string[];
    enabled: boolean;
    nextRunAt: Date;
    lastRunAt: Date | null;
    lastResult: string | null;
    createdBy: string | null;
  }[];
}

export async function digestsPage({ prisma }: UserContext): Promise<DigestsPage> {
  const [digests, dashboards, teams, channels, users, org] = await Promise.all([
    listDigests(prisma),
    listDashboards(prisma),
    listTeams(prisma),
    prisma.notificationChannel.findMany({ select: { id: true, name: true, kind: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    listUsers(prisma),
    getOrgSettings(prisma),
  ]);
  const names = { team: new Map(teams.map((t) => [t.externalId, t.name])), channel: new Map(CHANNELS.map((c) => [c, ENUM_LABELS.channel[c]])) };
  return {
    timeZone: org.timeZone,
    options: {
      dashboards: dashboards.map((d) => ({ value: d.slug, label: d.name })),
      weekdays: DIGEST_WEEKDAYS.map((day, i) => ({ value: String(i + 1), label: day })),
      team: [{ value: "", label: "All teams" }, ...teams.map((t) => ({ value: t.externalId, label: t.name }))],
      channel: [{ value: "", label: "All channels" }, ...CHANNELS.map((c) => ({ value: c, label: ENUM_LABELS.channel[c] }))],
      channels: channels.map((c) => ({ value: String(c.id), label: `${c.name} (${c.kind})` })),
      people: users.map((u) => ({ value: String(u.id), label: `${u.name} · ${ROLE_LABELS[u.role]}` })),
    },
    digests: digests.map((d) => {
      const filters = readLockedFilters(d.filters);
      const described = filters ? describeLockedFilters(filters, names) : ["(filters no longer read)"];
      return {
        id: d.id,
        name: d.name,
        dashboard: d.dashboard.name,
        schedule: d.frequency === "daily" ? `Daily at ${d.localTime}` : `${DIGEST_WEEKDAYS[(d.weekday ?? 1) - 1]}s at ${d.localTime}`,
        filters: described.length ? described.join(" · ") : null,
        sendTo: [...d.channels.map((c) => `${c.channel.name} (${c.channel.kind})`), ...d.recipients.map((r) => r.user.name)],
        enabled: d.enabled,
        nextRunAt: d.nextRunAt,
        lastRunAt: d.lastRunAt,
        lastResult: d.lastResult,
        createdBy: d.createdBy?.name ?? null,
      };
    }),
  };
}
