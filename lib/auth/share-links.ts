import { z } from "zod";

import { filtersToSearch, parseDashboardFilters, ZDashboardFilters, type DashboardFilters } from "@/lib/dashboards/dashboard-filters";
import type { DbContext } from "@/lib/db/db-context";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { searchParamsRecord } from "@/lib/http/search-params-record";
import { WINDOW_PRESETS } from "@/lib/kpi/time-windows";

import type { SessionUser } from "./access";
import { forgetPrincipals, shareLinkRows } from "./principal-cache";
import { hashToken, isLastUseStale, newSecretToken } from "./secret-tokens";

export const SHARE_LINK_PREFIX = "dpv_";

/** What a valid view-only link opens: one dashboard, with the filters its viewer cannot change. */
export interface ShareLinkGrant {
  id: number;
  dashboardSlug: string;
  /** Locked dimensions are the non-empty ones (a preset or range locks the period). */
  locked: DashboardFilters;
}

export class ShareLinkInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Locked filters as stored: the dashboard filter query string without its "?" ("" locks nothing). */
export function readLockedFilters(stored: string): DashboardFilters | null {
  const parsed = parseDashboardFilters(searchParamsRecord(new URLSearchParams(stored)));
  return parsed.ok ? parsed.filters : null;
}

/**
 * The one check of a view-only link's token, made by the share page and the route wrapper's
 * path-token mode: the link it names, or null when the token is unknown, revoked or expired. The
 * row is remembered for a few seconds (principal-cache.ts) but expiry is compared on every call,
 * so a link stops at its expiry to the second. A share token is never a bearer credential.
 */
export async function checkShareLinkToken(prisma: PrismaClient, token: string, now = new Date()): Promise<ShareLinkGrant | null> {
  if (!token.startsWith(SHARE_LINK_PREFIX)) return null;
  const link = await shareLinkRows.get(prisma, token, async () => {
    const row = await prisma.shareLink.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, lockedFilters: true, expiresAt: true, revokedAt: true, lastSeenAt: true, dashboard: { select: { slug: true } } },
    });
    return row && { id: row.id, dashboardSlug: row.dashboard.slug, lockedFilters: row.lockedFilters, expiresAt: row.expiresAt, revokedAt: row.revokedAt, lastSeenAt: row.lastSeenAt };
  });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= now)) return null;
  // Locks that cannot be read must not fall back to showing everything.
  const locked = readLockedFilters(link.lockedFilters);
  if (!locked) return null;
  if (isLastUseStale(link.lastSeenAt, now.getTime())) {
    // Noted on the cached row first, so the polls that share it write once, not each.
    link.lastSeenAt = now;
    await prisma.shareLink.update({ where: { id: link.id }, data: { lastSeenAt: now } });
  }
  return { id: link.id, dashboardSlug: link.dashboardSlug, locked };
}

/** How long a new link lives, in days; 0 is until revoked. The settings form offers these. */
export const SHARE_LINK_EXPIRY_DAYS = [0, 1, 7, 30, 90] as const;

const optional = z.string().trim().default("");

export const ZShareLinkInput = z.object({
  dashboard: z.string().trim().min(1, "choose a dashboard"),
  label: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  expiresInDays: z.coerce
    .number({ error: "choose when the link expires" })
    .refine((days) => (SHARE_LINK_EXPIRY_DAYS as readonly number[]).includes(days), "choose when the link expires")
    .default(0),
  period: optional.pipe(z.enum(["", ...WINDOW_PRESETS], "must be a period the filter bar offers")),
  team: optional,
  channel: optional,
});

/**
 * A new view-only link to one dashboard; the token is 256 random bits, stored as its SHA-256 and
 * in the answer only. Unknown dashboards, teams and channels are ShareLinkInputErrors naming the field.
 */
export async function createShareLink(
  prisma: PrismaClient,
  input: z.output<typeof ZShareLinkInput> & { createdById: number | null },
  now = new Date(),
): Promise<{ id: number; token: string; path: string }> {
  const dashboard = await prisma.dashboard.findUnique({ where: { slug: input.dashboard }, select: { id: true } });
  if (!dashboard) throw new ShareLinkInputError("dashboard", `Unknown dashboard ${input.dashboard}.`);
  if (input.team && !(await prisma.team.findUnique({ where: { externalId: input.team }, select: { id: true } }))) {
    throw new ShareLinkInputError("team", `Unknown team ${input.team}.`);
  }
  const locked = ZDashboardFilters.safeParse({ preset: input.period || undefined, team: input.team || undefined, channel: input.channel || undefined });
  if (!locked.success) throw new ShareLinkInputError(String(locked.error.issues[0]!.path[0] ?? "form"), locked.error.issues[0]!.message);
  const token = newSecretToken(SHARE_LINK_PREFIX);
  const row = await prisma.shareLink.create({
    data: {
      dashboardId: dashboard.id,
      label: input.label,
      tokenHash: hashToken(token),
      lockedFilters: filtersToSearch(locked.data).replace(/^\?/, ""),
      createdById: input.createdById,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    },
  });
  // A token tried before it existed was remembered as unknown.
  forgetPrincipals();
  return { id: row.id, token, path: `/share/${token}` };
}

/** The settings page's "Create a link", made by the signed-in user. */
export function addShareLink({ prisma, user }: DbContext & { user: Pick<SessionUser, "id"> }, input: z.output<typeof ZShareLinkInput>) {
  return createShareLink(prisma, { ...input, createdById: user.id });
}

export function listShareLinks(prisma: PrismaClient) {
  return prisma.shareLink.findMany({
    select: {
      id: true,
      label: true,
      lockedFilters: true,
      createdAt: true,
      expiresAt: true,
      lastSeenAt: true,
      revokedAt: true,
      dashboard: { select: { name: true } },
      createdBy: { select: { name: true } },
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/** The open page says the link no longer works at its next poll; the row stays for the list. */
export async function revokeShareLink({ prisma }: DbContext, id: number): Promise<void> {
  await prisma.shareLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  forgetPrincipals();
}
