import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { listSchedules } from "@/lib/business-hours/save-schedule";
import { OFFICE_HOURS, type ScheduleInput } from "@/lib/business-hours/schedule";
import { loadHoursRecompute, type HoursRecompute } from "@/lib/kpi/rollups/load-hours-recompute";
import { getOrgSettings } from "@/lib/org/get-org-settings";
import { listSlaPolicies, type SlaPolicy } from "@/lib/sla/sla-policies";

export interface ServiceLevelsPage {
  policies: SlaPolicy[];
  /** False until someone saves the organisation's hours: business time equals calendar time until then. */
  orgHoursSaved: boolean;
  /** The saved hours, or what the form starts from: Monday to Friday 09:00-17:00 in the organisation's zone. */
  orgHours: ScheduleInput;
  teams: { externalId: string; name: string; schedule: ScheduleInput | null }[];
  /** The background recompute of the precomputed business-hours and SLA numbers after a change. */
  recompute: Pick<HoursRecompute, "current" | "progress">;
}

export async function serviceLevelsPage({ prisma }: UserContext): Promise<ServiceLevelsPage> {
  const [org, schedules, policies, recompute] = await Promise.all([
    getOrgSettings(prisma), listSchedules(prisma), listSlaPolicies(prisma), loadHoursRecompute(prisma),
  ]);
  return {
    policies,
    orgHoursSaved: schedules.org !== null,
    orgHours: schedules.org ?? { timeZone: org.timeZone, weeklyHours: OFFICE_HOURS, holidays: [] },
    teams: schedules.teams,
    recompute: { current: recompute.current, progress: recompute.progress },
  };
}
