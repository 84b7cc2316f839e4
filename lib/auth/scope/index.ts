// Who may see what, beyond the role's permissions (lib/auth/access.ts): which teams, agents,
// tickets, competition rows and leaderboards a viewer's numbers cover. Every page, route and
// action asks these functions; none decides scope itself.

export { canSeeTicket, type TicketOwners } from "./can-see-ticket";
export { leaderboardFiltersFor } from "./leaderboard-filters-for";
export { narrowFilters, type ScopedFilters } from "./narrow-filters";
export { scopeOf, type KpiScope } from "./scope-of";
export { visibleSubjects, type CanSee, type SubjectKind } from "./visible-subjects";
export { visibleTeams } from "./visible-teams";
