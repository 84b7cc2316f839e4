import fs from "node:fs";
import path from "node:path";

import { checkScreenToken } from "@/lib/auth/screen-tokens";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDashboard, type Dashboard } from "@/lib/dashboards/load-dashboard";
import { getOrgSettings } from "@/lib/org/get-org-settings";

export interface ScreenPlaylist {
  id: number;
  name: string;
  rotateSeconds: number;
  timeZone: string;
  dashboards: Dashboard[];
  /** The deployed build: a screen reloads itself when it changes. */
  buildId: string;
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

/** What a TV token opens: its screen and the dashboards it rotates through, or null once revoked. */
export async function getScreenPlaylist(prisma: PrismaClient, token: string): Promise<ScreenPlaylist | null> {
  const screen = await checkScreenToken(prisma, token);
  if (!screen) return null;
  const row = await prisma.screen.findUniqueOrThrow({
    where: { id: screen.id },
    select: { id: true, name: true, rotateSeconds: true, dashboards: { orderBy: { position: "asc" }, select: { dashboard: { select: { slug: true } } } } },
  });
  const dashboards = (await Promise.all(row.dashboards.map((d) => getDashboard(prisma, d.dashboard.slug)))).filter((d): d is Dashboard => d !== null);
  // A screen with no dashboards shows the default one rather than nothing.
  if (dashboards.length === 0) {
    const fallback = await prisma.dashboard.findFirst({ orderBy: [{ isDefault: "desc" }, { id: "asc" }], select: { slug: true } });
    const dashboard = fallback && (await getDashboard(prisma, fallback.slug));
    if (dashboard) dashboards.push(dashboard);
  }
  const org = await getOrgSettings(prisma);
  return { id: row.id, name: row.name, rotateSeconds: row.rotateSeconds, timeZone: org.timeZone, dashboards, buildId: currentBuildId() };
}
