import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { canSeeTicket, scopeOf } from "@/lib/auth/scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import { FORBIDDEN, NOT_FOUND, type PageView } from "./page-view";
import { pathSegment } from "./path-segment";

function findTicket(prisma: PrismaClient, externalId: string) {
  return prisma.ticket.findUnique({
    where: { externalId },
    include: {
      team: { select: { externalId: true, name: true } },
      assignee: { select: { externalId: true, name: true } },
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { agent: { select: { externalId: true, name: true } } } },
      surveys: { orderBy: { respondedAt: "asc" } },
    },
  });
}

export interface TicketPageView {
  ticket: NonNullable<Awaited<ReturnType<typeof findTicket>>>;
  timeZone: string;
}

/** One ticket: its timestamps, messages and survey, for a viewer whose scope covers it. */
export async function ticketPageView(context: UserContext, rawId: string): Promise<PageView<TicketPageView>> {
  const externalId = pathSegment(rawId);
  if (externalId === null) return NOT_FOUND;
  const scope = scopeOf(context.principal);
  const ticket = await findTicket(context.prisma, externalId);
  // Out of scope and missing look the same to someone who may not see every ticket.
  if (!ticket || !canSeeTicket(scope, { team: ticket.team?.externalId ?? null, assignee: ticket.assignee?.externalId ?? null })) {
    return scope.kind === "all" ? NOT_FOUND : FORBIDDEN;
  }
  const org = await getOrgSettings(context.prisma);
  return { ok: true, view: { ticket, timeZone: org.timeZone } };
}
