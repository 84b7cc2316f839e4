import { z } from "zod";

import type { DbContext } from "@/lib/db/db-context";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { forgetPrincipals, screenTokenRows } from "./principal-cache";
import { hashToken, isLastUseStale, newSecretToken } from "./secret-tokens";

export const SCREEN_TOKEN_PREFIX = "dps_";

export class UnknownDashboardError extends Error {
  constructor(readonly slugs: string[]) {
    super(`unknown dashboard ${slugs.join(", ")}`);
  }
}

export class UnknownCompetitionError extends Error {
  constructor(readonly ids: number[]) {
    super(`unknown competition ${ids.join(", ")}`);
  }
}

/**
 * A wall screen: a playlist of dashboards, then single competitions, opened at /tv/<token>. The
 * token is 256 random bits, stored as its SHA-256 and shown once; it never expires, only
 * revocation ends it.
 */
export async function createScreen(
  prisma: PrismaClient,
  input: { name: string; dashboards: string[]; competitions?: number[]; rotateSeconds: number },
): Promise<{ id: number; token: string; path: string }> {
  const token = newSecretToken(SCREEN_TOKEN_PREFIX);
  const competitionIds = input.competitions ?? [];
  const id = await prisma.$transaction(async (tx) => {
    const dashboards = await tx.dashboard.findMany({ where: { slug: { in: input.dashboards } }, select: { id: true, slug: true } });
    const missing = input.dashboards.filter((slug) => !dashboards.some((d) => d.slug === slug));
    if (missing.length) throw new UnknownDashboardError(missing);
    const competitions = await tx.competition.findMany({ where: { id: { in: competitionIds } }, select: { id: true } });
    const missingCompetitions = competitionIds.filter((cid) => !competitions.some((c) => c.id === cid));
    if (missingCompetitions.length) throw new UnknownCompetitionError(missingCompetitions);
    const slides = [
      ...input.dashboards.map((slug) => ({ dashboardId: dashboards.find((d) => d.slug === slug)!.id })),
      ...competitionIds.map((competitionId) => ({ competitionId })),
    ];
    const screen = await tx.screen.create({
      data: {
        name: input.name,
        tokenHash: hashToken(token),
        rotateSeconds: input.rotateSeconds,
        dashboards: { create: slides.map((slide, position) => ({ position, ...slide })) },
      },
    });
    return screen.id;
  });
  // A token tried before it existed was remembered as unknown.
  forgetPrincipals();
  return { id, token, path: `/tv/${token}` };
}

/**
 * The one check of a TV token, wherever it arrives: as `Authorization: Bearer dps_…` (principal.ts)
 * or in a `/api/v1/tv/<token>` path (the route wrapper's screen-token mode). The live screen it
 * opens, or null for anything that is not a known, unrevoked screen token.
 */
export async function checkScreenToken(prisma: PrismaClient, token: string): Promise<{ id: number } | null> {
  if (!token.startsWith(SCREEN_TOKEN_PREFIX)) return null;
  const screen = await screenTokenRows.get(prisma, token, () =>
    prisma.screen.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, revokedAt: true, lastSeenAt: true } }),
  );
  if (!screen || screen.revokedAt) return null;
  if (isLastUseStale(screen.lastSeenAt)) {
    // Noted on the cached row first, so the polls that share it write once, not each.
    screen.lastSeenAt = new Date();
    await prisma.screen.update({ where: { id: screen.id }, data: { lastSeenAt: screen.lastSeenAt } });
  }
  return { id: screen.id };
}

export const ZScreenInput = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  dashboards: z.array(z.string().trim().min(1)).default([]),
  competitions: z.array(z.coerce.number({ error: "must be a competition id" }).int("must be a competition id").positive("must be a competition id")).default([]),
  rotateSeconds: z.coerce.number().int("must be a whole number").min(10, "must be at least 10 seconds").max(3600, "must be at most an hour").default(30),
});

/** The settings page's "Add a screen"; unknown slides throw UnknownDashboardError or UnknownCompetitionError. */
export function addScreen({ prisma }: DbContext, input: z.output<typeof ZScreenInput>): Promise<{ id: number; token: string; path: string }> {
  return createScreen(prisma, input);
}

export function listScreens(prisma: PrismaClient) {
  return prisma.screen.findMany({
    select: {
      id: true,
      name: true,
      rotateSeconds: true,
      createdAt: true,
      lastSeenAt: true,
      revokedAt: true,
      dashboards: { select: { position: true, dashboard: { select: { name: true } }, competition: { select: { name: true } } }, orderBy: { position: "asc" } },
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

export const ZPlaylistMove = z.object({
  screenId: z.number().int().positive(),
  position: z.number().int().min(0),
  direction: z.enum(["earlier", "later"]),
});

/**
 * Moves one slide of a screen's playlist a place earlier or later, swapping it with its
 * neighbour; the TV takes the new order at its next playlist poll. A move past either end does
 * nothing. Positions are the playlist's key, so the swap parks one slide outside the range first.
 */
export async function moveScreenSlide({ prisma }: DbContext, move: z.output<typeof ZPlaylistMove>): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const slides = await tx.screenDashboard.findMany({ where: { screenId: move.screenId }, orderBy: { position: "asc" }, select: { position: true } });
    const at = slides.findIndex((s) => s.position === move.position);
    const other = slides[move.direction === "earlier" ? at - 1 : at + 1];
    if (at === -1 || !other) return;
    const key = (position: number) => ({ screenId_position: { screenId: move.screenId, position } });
    await tx.screenDashboard.update({ where: key(move.position), data: { position: -1 } });
    await tx.screenDashboard.update({ where: key(other.position), data: { position: move.position } });
    await tx.screenDashboard.update({ where: key(-1), data: { position: other.position } });
  });
  forgetPrincipals();
}

/** The screen shows "This screen was disconnected" at its next poll. */
export async function revokeScreen({ prisma }: DbContext, id: number): Promise<void> {
  await prisma.screen.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  forgetPrincipals();
}
