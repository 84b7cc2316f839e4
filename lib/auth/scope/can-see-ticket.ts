import type { KpiScope } from "./scope-of";

/** The ticket's team and assignee, by external id: what decides who may open it. */
export interface TicketOwners {
  team: string | null;
  assignee: string | null;
}

/** A team lead opens their teams' tickets, an agent the tickets assigned to them. */
export function canSeeTicket(scope: KpiScope, ticket: TicketOwners): boolean {
  switch (scope.kind) {
    case "all":
      return true;
    case "teams":
      return ticket.team !== null && scope.teams.includes(ticket.team);
    case "agent":
      return ticket.assignee === scope.agent;
    case "none":
      return false;
  }
}
