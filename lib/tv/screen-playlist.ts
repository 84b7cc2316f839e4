import fs from "node:fs";
import path from "node:path";

import { screenDashboardSlugSets } from "@/lib/auth/principal-cache";
import { checkScreenToken } from "@/lib/auth/screen-tokens";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDashboard, type Dashboard } from "@/lib/dashboards/load-dashboard";
import { getOrgSettings } from "@/lib/org/get-org-settings";

/** How often a screen polls a competition slide's standing (a dashboard carries its own). */
export const COMPETITION_SLIDE_POLL_SECONDS = 30;

/** One slide of the rotation: a dashboard (its widgets are in `dashboards` by slug) or a single competition. */
export type TvSlide = { kind: "dashboard"; slug: string } | { kind: "competition"; id: number; name: string; pollSeconds: number };

/** What a screen's browser gets of its playlist (the page's first render and `GET /api/v1/tv/<token>`). */
export interface TvPlaylist {
  name: string;
  rotateSeconds: number;
  timeZone: string;
  /** The rotation, in order. */
  slides: TvSlide[];
  /** The dashboards among the slides, in the same order. */
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

/** The slides a screen rotates through, in order; a screen with none shows the default dashboard. */
export async function screenSlides(prisma: PrismaClient, screenId: number): Promise<TvSlide[]> {
  const rows = await prisma.screenDashboard.findMany({
    where: { screenId },
    orderBy: { position: "asc" },
    select: { dashboard: { select: { slug: true } }, competition: { select: { id: true, name: true } } },
  });
  if (rows.length > 0) {
    return rows.map(({ dashboard, competition }): TvSlide =>
      dashboard ? { kind: "dashboard", slug: dashboard.slug } : { kind: "competition", id: competition!.id, name: competition!.name, pollSeconds: COMPETITION_SLIDE_POLL_SECONDS },
    );
  }
  const fallback = await prisma.dashboard.findFirst({ orderBy: [{ isDefault: "desc" }, { id: "asc" }], select: { slug: true } });
  return fallback ? [{ kind: "dashboard", slug: fallback.slug }] : [];
}

/** The slugs of the dashboards a screen rotates through, in order. */
export function screenDashboardSlugs(prisma: PrismaClient, screenId: number): Promise<string[]> {
  return screenDashboardSlugSets.get(prisma, String(screenId), async () =>
    (await screenSlides(prisma, screenId)).flatMap((slide) => (slide.kind === "dashboard" ? [slide.slug] : [])),
  );
}

/** What a TV token opens: its screen and the dashboards it rotates through, or null once revoked. */
export async function getScreenPlaylist(prisma: PrismaClient, token: string): Promise<ScreenPlaylist | null> {
  const screen = await checkScreenToken(prisma, token);
  return screen && loadScreenPlaylist(prisma, screen.id);
}

/** The playlist of a screen whose token has been checked already. */
export async function loadScreenPlaylist(prisma: PrismaClient, screenId: number): Promise<ScreenPlaylist> {
  const [row, listed, org] = await Promise.all([
    prisma.screen.findUniqueOrThrow({ where: { id: screenId }, select: { id: true, name: true, rotateSeconds: true } }),
    screenSlides(prisma, screenId),
    getOrgSettings(prisma),
  ]);
  const loaded = await Promise.all(listed.map((slide) => (slide.kind === "dashboard" ? getDashboard(prisma, slide.slug) : null)));
  const dashboards = loaded.filter((d): d is Dashboard => d !== null);
  // A dashboard that cannot be loaded leaves the rotation rather than showing an empty slide.
  const slides = listed.filter((slide) => slide.kind === "competition" || dashboards.some((d) => d.slug === slide.slug));
  return { ...row, timeZone: org.timeZone, slides, dashboards, buildId: currentBuildId() };
}
