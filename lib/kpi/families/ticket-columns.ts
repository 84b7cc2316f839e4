import { Prisma } from "@/lib/generated/prisma/client";

/** The dimensions of a ticket (`tickets t`), as the ticket and SLA families filter and group on them. */
export const TICKET_COLUMNS = { team: Prisma.sql`t.team_id`, agent: Prisma.sql`t.assignee_id`, channel: Prisma.sql`t.channel`, priority: Prisma.sql`t.priority` };
