import type { UserContext } from "@/lib/auth/guards";
import { removeTeamSchedule, saveSchedule, type ScheduleOwner } from "@/lib/business-hours/save-schedule";
import type { ScheduleInput } from "@/lib/business-hours/schedule";
import { snapshotCache } from "@/lib/dashboards/load-dashboard";

import { saveSlaPolicies, type SlaPolicy } from "./sla-policies";

// The settings page's changes to business hours and SLA targets. Business-time and SLA KPIs are
// computed from these, so each change drops the cached dashboard snapshots: the next poll uses
// the new hours or targets, not one computed before the change.

/** The organisation's or a team's weekly hours and holidays; an unknown team throws UnknownTeamError. */
export async function changeSchedule({ prisma }: Pick<UserContext, "prisma">, owner: ScheduleOwner, input: ScheduleInput): Promise<void> {
  await saveSchedule(prisma, owner, input);
  snapshotCache.clear();
}

/** The team goes back to the organisation's hours. */
export async function resetTeamSchedule({ prisma }: Pick<UserContext, "prisma">, team: string): Promise<void> {
  await removeTeamSchedule(prisma, team);
  snapshotCache.clear();
}

export async function changeSlaPolicies({ prisma }: Pick<UserContext, "prisma">, policies: SlaPolicy[]): Promise<void> {
  await saveSlaPolicies(prisma, policies);
  snapshotCache.clear();
}
