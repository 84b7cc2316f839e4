import type { Metadata } from "next";

import { ConfirmButton } from "@/components/settings/confirm-button";
import { ScheduleForm } from "@/components/settings/schedule-form";
import { SettingsPage, SettingsSection } from "@/components/settings/settings-page";
import { SlaPolicyForm } from "@/components/settings/sla-policy-form";
import { requirePage } from "@/lib/auth/guards";
import { serviceLevelsPage } from "@/lib/views/settings/service-levels-page";

import { removeTeamScheduleAction, saveScheduleAction, saveSlaPoliciesAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Business hours and SLAs" };

export default async function ServiceLevelsPage() {
  const { policies, orgHoursSaved, orgHours, teams, recompute } = await serviceLevelsPage(await requirePage("settings:manage"));
  return (
    <SettingsPage
      title="Business hours and SLAs"
      intro="Response and resolution times can be measured in business hours only, and SLA targets per priority say how fast is fast enough. Changes apply to every number computed from now on, past periods included."
    >
      {!recompute.current && (
        <p role="status" className="mb-4 rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-100" data-testid="hours-recompute">
          Recomputing business-hours and SLA numbers for the new settings: {Math.floor(recompute.progress * 100)} % done. Until it
          finishes they are worked out from the records themselves, with the new settings: exact, only slower to load.
        </p>
      )}
      <SettingsSection title="SLA targets" testId="sla-policies">
        <SlaPolicyForm action={saveSlaPoliciesAction} policies={policies} />
      </SettingsSection>
      <SettingsSection title="Organisation hours" testId="org-hours">
        {!orgHoursSaved && (
          <p className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            No business hours yet: until you save some, business time equals calendar time. The form starts from Monday to Friday, 09:00 to 17:00.
          </p>
        )}
        <ScheduleForm action={saveScheduleAction.bind(null, "org")} schedule={orgHours} testId="schedule-org" />
      </SettingsSection>
      <SettingsSection title="Team hours" testId="team-hours">
        <p className="mb-4 text-sm text-slate-500 dark:text-slate-400">A team that works other hours (another country, a weekend shift) can have its own; the others use the organisation’s.</p>
        {teams.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No teams yet. Teams arrive with your data.</p>
        ) : (
          <div className="space-y-3">
            {teams.map((team) => (
              <details key={team.externalId} className="rounded-xl border border-slate-200 p-4 dark:border-slate-700" data-testid={`team-hours-${team.externalId}`}>
                <summary className="cursor-pointer font-medium">
                  {team.name}{" "}
                  <span className="font-normal text-slate-500 dark:text-slate-400">· {team.schedule ? `own hours (${team.schedule.timeZone})` : "organisation hours"}</span>
                </summary>
                <div className="mt-4 space-y-4">
                  <ScheduleForm action={saveScheduleAction.bind(null, `team:${team.externalId}`)} schedule={team.schedule ?? orgHours} testId={`schedule-team-${team.externalId}`} />
                  {team.schedule && (
                    <ConfirmButton
                      label="Use organisation hours"
                      question={`Give ${team.name} the organisation's hours again?`}
                      action={removeTeamScheduleAction.bind(null, team.externalId)}
                    />
                  )}
                </div>
              </details>
            ))}
          </div>
        )}
      </SettingsSection>
    </SettingsPage>
  );
}
