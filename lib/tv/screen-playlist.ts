import fs from "node:fs";
import path from "node:path";

import { checkScreenToken } from "@/lib/auth/screen-tokens";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDashboard, type Dashboard } from "@/lib/dashboards/load-dashboard";
import { getOrgSettings } from "@/lib/org/get-org-settings";

/** What a screen's browser gets of its playlist (the page's first render and `GET /api/v1/tv/<token>`). */
export interface TvPlaylist {
  name: string;
  rotateSeconds: number;
  timeZone: string;
  dashboards: Pick<Dashboard, "slug" | "name" | "pollSeconds" | "widgets">[];
  /** The deployed build: a screen reloads itself when it changes. */
  buildId: string;
}

/** The server's side of a playlist: the screen's id and its dashboards in full. */
export interface ScreenPlaylist extends TvPlaylist {
  id: number;
  dashboards: Dashboard[];
}

let buildId: string | undefined;

/** The id of the running production build (`next build` writes it), or "development". */
export function currentBuildId(): string {
  buildId ??= (() => {
    try {
      return fs.readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
    } catch {
      return "development";
    }
  })();
  return buildId;
}

/** The slugs a screen rotates through, in order; a screen with none shows the default dashboard. */
export async function screenDashboardSlugs(prisma: PrismaClient, screenId: number): Promise<string[]> {
  const rows = await prisma.screenDashboard.findMany({ where: { screenId }, orderBy: { position: "asc" }, select: { dashboard: { select: { slug: true } } } });
  if (rows.length > 0) return rows.map((r) => r.dashboard.slug);
  const fallback = await prisma.dashboard.findFirst({ orderBy: [{ isDefault: "desc" }, { id: "asc" }], select: { slug: true } });
  return fallback ? [fallback.slug] : [];
}

/** What a TV token opens: its screen and the dashboards it rotates through, or null once revoked. */
export async function getScreenPlaylist(prisma: PrismaClient, token: string): Promise<ScreenPlaylist | null> {
  const screen = await checkScreenToken(prisma, token);
  return screen && loadScreenPlaylist(prisma, screen.id);
}

/** The playlist of a screen whose token has been checked already. */
export async function loadScreenPlaylist(prisma: PrismaClient, screenId: number): Promise<ScreenPlaylist> {
  const [row, slugs, org] = await Promise.all([
    prisma.screen.findUniqueOrThrow({ where: { id: screenId }, select: { id: true, name: true, rotateSeconds: true } }),
    screenDashboardSlugs(prisma, screenId),
    getOrgSettings(prisma),
  ]);
  const dashboards = (await Promise.all(slugs.map((slug) => getDashboard(prisma, slug)))).filter((d): d is Dashboard => d !== null);
  return { ...row, timeZone: org.timeZone, dashboards, buildId: currentBuildId() };
}
