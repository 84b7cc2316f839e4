import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { listScreens } from "@/lib/auth/screen-tokens";
import { listDashboards } from "@/lib/directory/directory";
import { listCompetitions } from "@/lib/motivation/competitions";
import { getOrgSettings } from "@/lib/org/get-org-settings";

export interface ScreensPage {
  timeZone: string;
  /** A new screen's checkboxes, by name; the screen rotates in this order, whatever order they are ticked in. */
  dashboards: { value: string; label: string }[];
  /** A new screen's competition checkboxes, newest end first; each becomes one full-screen slide after the dashboards. */
  competitions: { value: string; label: string }[];
  screens: {
    id: number;
    name: string;
    /** The playlist in rotation order: each slide's place (what a move names) and what it shows. */
    dashboards: { position: number; name: string; kind: "dashboard" | "competition" }[];
    rotateSeconds: number;
    createdAt: Date;
    lastSeenAt: Date | null;
    revokedAt: Date | null;
  }[];
}

export async function screensPage({ prisma }: UserContext): Promise<ScreensPage> {
  const [screens, dashboards, competitions, org] = await Promise.all([listScreens(prisma), listDashboards(prisma), listCompetitions(prisma), getOrgSettings(prisma)]);
  return {
    timeZone: org.timeZone,
    dashboards: dashboards.toSorted((a, b) => a.name.localeCompare(b.name)).map((d) => ({ value: d.slug, label: d.name })),
    competitions: competitions.map((c) => ({ value: String(c.id), label: c.name })),
    screens: screens.map((screen) => ({
      ...screen,
      dashboards: screen.dashboards.map((d) =>
        d.dashboard ? { position: d.position, name: d.dashboard.name, kind: "dashboard" as const } : { position: d.position, name: d.competition!.name, kind: "competition" as const },
      ),
    })),
  };
}
