import { PRESET_LABELS, type DashboardFilters } from "@/lib/dashboards/dashboard-filters";

/** Which filters of a view-only link its viewer cannot change. */
export interface LockedDimensions {
  period: boolean;
  team: boolean;
  channel: boolean;
  queue: boolean;
}

export function lockedDimensions(locked: DashboardFilters): LockedDimensions {
  return {
    period: locked.preset !== null || locked.range !== null,
    team: locked.team.length > 0,
    channel: locked.channel.length > 0,
    queue: locked.queue.length > 0,
  };
}

/**
 * The filters a view-only link shows: what the viewer asked for, with every locked dimension
 * replaced by the link's own value. A query naming a locked filter is not refused, it is simply
 * not heard, so the page and its polls always agree on what the link allows.
 */
export function withLockedFilters(requested: DashboardFilters, locked: DashboardFilters): DashboardFilters {
  const is = lockedDimensions(locked);
  return {
    preset: is.period ? locked.preset : requested.preset,
    range: is.period ? locked.range : requested.range,
    team: is.team ? locked.team : requested.team,
    channel: is.channel ? locked.channel : requested.channel,
    queue: is.queue ? locked.queue : requested.queue,
  };
}

/** The filters the viewer chose themselves (the filter bar's state): the locked ones left out. */
export function unlockedFilters(requested: DashboardFilters, locked: DashboardFilters): DashboardFilters {
  const is = lockedDimensions(locked);
  return {
    preset: is.period ? null : requested.preset,
    range: is.period ? null : requested.range,
    team: is.team ? [] : requested.team,
    channel: is.channel ? [] : requested.channel,
    queue: is.queue ? [] : requested.queue,
  };
}

/** The locked filters in words ("Last 7 days", "Billing", "Email"), for the link's page and the settings list. */
export function describeLockedFilters(locked: DashboardFilters, names: { team: Map<string, string>; channel: Map<string, string> }): string[] {
  const period = locked.range ? `${locked.range.from} – ${locked.range.to}` : locked.preset ? PRESET_LABELS[locked.preset] : null;
  return [...(period ? [period] : []), ...locked.team.map((t) => names.team.get(t) ?? t), ...locked.channel.map((c) => names.channel.get(c) ?? c), ...locked.queue];
}
