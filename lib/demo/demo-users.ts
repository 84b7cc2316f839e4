import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

import { createUser } from "@/lib/auth/users";

/** Known only to demo installs; `npm run demo` prints them. Never created on a database with real data. */
export const DEMO_PASSWORD = "deskpulse-demo";

export const DEMO_USERS: { email: string; name: string; role: Role; teams?: string[]; agent?: string }[] = [
  { email: "admin@northwind.example", name: "Alex Admin", role: "admin" },
  { email: "manager@northwind.example", name: "Morgan Manager", role: "manager" },
  { email: "lead@northwind.example", name: "Billie Lead", role: "team_lead", teams: ["billing"] },
  { email: "agent@northwind.example", name: "Agent One", role: "agent", agent: "agent-001" },
];

export async function insertDemoUsers(prisma: PrismaClient): Promise<void> {
  for (const user of DEMO_USERS) await createUser(prisma, { ...user, password: DEMO_PASSWORD });
}

/** The demo sign-ins that exist in this database (none once an admin has changed them). */
export async function existingDemoUsers(prisma: PrismaClient) {
  const found = await prisma.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { email: true } });
  return DEMO_USERS.filter((u) => found.some((f) => f.email === u.email));
}
