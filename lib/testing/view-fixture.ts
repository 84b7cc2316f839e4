import type { SessionUser } from "@/lib/auth/access";
import type { UserContext } from "@/lib/auth/guards";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { IngestBatch } from "@/lib/ingest/record-schemas";

// Records and viewers for the page-view tests: two teams, one agent each, tickets in a fixed
// two-day window (9 and 10 March 2026, UTC) and in the two days before it, so every number and
// its previous period are known without a clock.

export const WINDOW_PARAMS = { from: "2026-03-09", to: "2026-03-10" };
export const WINDOW = { from: new Date("2026-03-09T00:00:00Z"), to: new Date("2026-03-11T00:00:00Z") };
export const PREVIOUS_WINDOW = { from: new Date("2026-03-07T00:00:00Z"), to: new Date("2026-03-09T00:00:00Z") };

const ticket = (externalId: string, team: "alpha" | "beta", createdAt: string, resolvedAt?: string) => ({
  externalId,
  channel: "email" as const,
  status: resolvedAt ? ("solved" as const) : ("open" as const),
  team,
  assignee: team === "alpha" ? "a1" : "b1",
  createdAt,
  ...(resolvedAt ? { firstResponseAt: createdAt.replace(":00:00Z", ":10:00Z"), resolvedAt } : {}),
});

export const VIEW_FIXTURE: IngestBatch = {
  teams: [{ externalId: "alpha", name: "Alpha" }, { externalId: "beta", name: "Beta" }],
  agents: [{ externalId: "a1", name: "Ann", team: "alpha" }, { externalId: "b1", name: "Bo", team: "beta" }],
  tickets: [
    ticket("T1", "alpha", "2026-03-09T09:00:00Z", "2026-03-09T11:00:00Z"),
    ticket("T2", "alpha", "2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z"),
    ticket("T3", "alpha", "2026-03-10T13:00:00Z"),
    ticket("T4", "beta", "2026-03-09T15:00:00Z", "2026-03-10T15:00:00Z"),
    ticket("P1", "alpha", "2026-03-08T09:00:00Z", "2026-03-08T12:00:00Z"),
    ticket("P2", "beta", "2026-03-07T09:00:00Z", "2026-03-07T10:00:00Z"),
    ticket("P3", "beta", "2026-03-08T09:00:00Z", "2026-03-08T10:00:00Z"),
  ],
};

/** What `requirePage()` hands a page, for a user of `role`. */
export function userContext(prisma: PrismaClient, role: SessionUser["role"], extra: Partial<SessionUser> = {}): UserContext {
  const user: SessionUser = { id: 1, email: "viewer@example.com", name: "Viewer", role, agent: null, teams: [], ...extra };
  return { prisma, user, principal: { kind: "user", user } };
}

export const ALPHA_LEAD: Partial<SessionUser> = { teams: [{ id: 1, externalId: "alpha", name: "Alpha" }] };
