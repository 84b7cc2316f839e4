import { createApiKey } from "@/lib/auth/api-keys";
import { getAuth } from "@/lib/auth/get-auth";
import { createScreen } from "@/lib/auth/screen-tokens";
import { createShareLink } from "@/lib/auth/share-links";
import { createUser, type NewUser } from "@/lib/auth/users";
import { ensureDefaultDashboard } from "@/lib/dashboards/default-dashboard";
import type { Database } from "@/lib/db/open-database";

/** The signed-in callers of the access matrix, each with the session cookie a real sign-in gave them. */
export type SignedInCaller = "agent" | "leadOwnTeam" | "manager" | "admin";

export interface AccessMatrixFixtures {
  cookies: Record<SignedInCaller, string>;
  ingestKey: string;
  kpiKey: string;
  screenToken: string;
  shareToken: string;
}

const PASSWORD = "correct-horse-battery";

const USERS: Record<SignedInCaller, Omit<NewUser, "password">> = {
  agent: { email: "agent@example.com", role: "agent", agent: "a1" },
  leadOwnTeam: { email: "lead@example.com", role: "team_lead", teams: ["alpha"] },
  manager: { email: "manager@example.com", role: "manager" },
  admin: { email: "admin@example.com", role: "admin" },
};

/**
 * Two teams (a team lead leads Alpha, so Beta is another team's), an agent, the default dashboard,
 * one user per role signed in through better-auth, an ingest key, a KPI key, a screen and a
 * view-only link to the default dashboard.
 */
export async function seedAccessMatrix({ prisma }: Database): Promise<AccessMatrixFixtures> {
  await prisma.team.createMany({ data: [{ externalId: "alpha", name: "Alpha" }, { externalId: "beta", name: "Beta" }] });
  const alpha = await prisma.team.findUniqueOrThrow({ where: { externalId: "alpha" } });
  await prisma.agent.create({ data: { externalId: "a1", name: "Ann", teamId: alpha.id } });
  await ensureDefaultDashboard(prisma);
  const auth = await getAuth();
  const cookies = {} as Record<SignedInCaller, string>;
  for (const [caller, user] of Object.entries(USERS) as [SignedInCaller, Omit<NewUser, "password">][]) {
    await createUser(prisma, { ...user, password: PASSWORD });
    const response = await auth.handler(
      new Request("http://localhost/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost" },
        body: JSON.stringify({ email: user.email, password: PASSWORD }),
      }),
    );
    if (response.status !== 200) throw new Error(`signing in ${user.email} answered ${response.status}`);
    cookies[caller] = response.headers.get("set-cookie")!.split(";")[0]!;
  }
  return {
    cookies,
    ingestKey: (await createApiKey(prisma, { kind: "ingest", name: "i" })).key,
    kpiKey: (await createApiKey(prisma, { kind: "kpi", name: "k" })).key,
    screenToken: (await createScreen(prisma, { name: "Wall", dashboards: ["service-overview"], rotateSeconds: 30 })).token,
    shareToken: (await createShareLink(prisma, { dashboard: "service-overview", label: "Board", expiresInDays: 0, period: "", team: "", channel: "", createdById: null })).token,
  };
}
