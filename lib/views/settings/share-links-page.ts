import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { listShareLinks, readLockedFilters, SHARE_LINK_EXPIRY_DAYS } from "@/lib/auth/share-links";
import { PRESET_LABELS, type DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { listDashboards, listTeams } from "@/lib/directory/directory";
import { CHANNELS, ENUM_LABELS } from "@/lib/ingest/record-schemas";
import { WINDOW_PRESETS } from "@/lib/kpi/time-windows";
import { getOrgSettings } from "@/lib/org/get-org-settings";
import { describeLockedFilters } from "@/lib/share/locked-filters";

type Option = { value: string; label: string };

export interface ShareLinksPage {
  timeZone: string;
  /** The create form's choices; an empty value leaves that filter for the viewer to choose. */
  options: { dashboards: Option[]; expiry: Option[]; period: Option[]; team: Option[]; channel: Option[] };
  links: {
    id: number;
    label: string;
    dashboard: string;
    /** "Last 7 days · Billing", or null when the viewer may change every filter. */
    locked: string | null;
    createdAt: Date;
    createdBy: string | null;
    expiresAt: Date | null;
    expired: boolean;
    lastSeenAt: Date | null;
    revokedAt: Date | null;
  }[];
}

function lockedText(locked: DashboardFilters | null, names: Parameters<typeof describeLockedFilters>[1]): string | null {
  const labels = locked ? describeLockedFilters(locked, names) : [];
  return labels.length ? labels.join(" · ") : null;
}

export async function shareLinksPage({ prisma }: UserContext, now = new Date()): Promise<ShareLinksPage> {
  const [links, dashboards, teams, org] = await Promise.all([listShareLinks(prisma), listDashboards(prisma), listTeams(prisma), getOrgSettings(prisma)]);
  const names = { team: new Map(teams.map((t) => [t.externalId, t.name])), channel: new Map(CHANNELS.map((c) => [c, ENUM_LABELS.channel[c]])) };
  const viewerChooses = { value: "", label: "Viewer chooses" };
  return {
    timeZone: org.timeZone,
    options: {
      dashboards: dashboards.map((d) => ({ value: d.slug, label: d.name })),
      expiry: SHARE_LINK_EXPIRY_DAYS.map((days) => ({ value: String(days), label: days === 0 ? "Never (until revoked)" : days === 1 ? "In 1 day" : `In ${days} days` })),
      period: [viewerChooses, ...WINDOW_PRESETS.map((p) => ({ value: p, label: PRESET_LABELS[p] }))],
      team: [{ value: "", label: "Viewer chooses (all teams at first)" }, ...teams.map((t) => ({ value: t.externalId, label: t.name }))],
      channel: [{ value: "", label: "Viewer chooses (all channels at first)" }, ...CHANNELS.map((c) => ({ value: c, label: ENUM_LABELS.channel[c] }))],
    },
    links: links.map((link) => ({
      id: link.id,
      label: link.label,
      dashboard: link.dashboard.name,
      locked: lockedText(readLockedFilters(link.lockedFilters), names),
      createdAt: link.createdAt,
      createdBy: link.createdBy?.name ?? null,
      expiresAt: link.expiresAt,
      expired: link.expiresAt !== null && link.expiresAt <= now,
      lastSeenAt: link.lastSeenAt,
      revokedAt: link.revokedAt,
    })),
  };
}
