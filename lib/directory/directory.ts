import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";

// Who and what exists, for pickers and labels: the one place pages and forms list teams, agents
// and dashboards from. Scope (which of them a viewer may see) is applied by the caller through
// lib/auth/scope; these list everything.

export interface TeamEntry {
  id: number;
  externalId: string;
  name: string;
}

export interface AgentEntry {
  id: number;
  externalId: string;
  name: string;
  email: string | null;
  team: { externalId: string; name: string } | null;
}

export interface DashboardEntry {
  slug: string;
  name: string;
  isDefault: boolean;
}

export function listTeams(prisma: PrismaClient): Promise<TeamEntry[]> {
  return prisma.team.findMany({ select: { id: true, externalId: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

export function listAgents(prisma: PrismaClient): Promise<AgentEntry[]> {
  return prisma.agent.findMany({
    select: { id: true, externalId: true, name: true, email: true, team: { select: { externalId: true, name: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export function findTeam(prisma: PrismaClient, externalId: string): Promise<TeamEntry | null> {
  return prisma.team.findUnique({ where: { externalId }, select: { id: true, externalId: true, name: true } });
}

export function findAgent(prisma: PrismaClient, externalId: string): Promise<AgentEntry | null> {
  return prisma.agent.findUnique({
    where: { externalId },
    select: { id: true, externalId: true, name: true, email: true, team: { select: { externalId: true, name: true } } },
  });
}

/** The default dashboard first, then by name: the order of the dashboard tabs. */
export function listDashboards(prisma: PrismaClient): Promise<DashboardEntry[]> {
  return prisma.dashboard.findMany({ select: { slug: true, name: true, isDefault: true }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] });
}
