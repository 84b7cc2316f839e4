import type { Metadata } from "next";

import { CreateSecretForm } from "@/components/settings/create-secret-form";
import { CredentialCells } from "@/components/settings/credential-cells";
import { SettingsPage, SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { requirePage } from "@/lib/auth/guards";
import { screensPage } from "@/lib/views/settings/screens-page";

import { createScreenAction, revokeScreenAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "TV screens" };

export default async function ScreensPage() {
  const { screens, dashboards, timeZone } = await screensPage(await requirePage("screens:manage"));
  return (
    <SettingsPage
      title="TV screens"
      intro="A screen is a secret address a wall TV opens: it rotates through its dashboards and can read nothing else. Revoke it to disconnect the TV."
    >
      <SettingsSection title="Add a screen">
        <CreateSecretForm
          action={createScreenAction}
          submitLabel="Create screen"
          secretLabel="Anyone with this address sees the screen, so treat it like a password."
          inputs={[
            { kind: "text", name: "name", label: "Name (where it hangs)", required: true },
            { kind: "number", name: "rotateSeconds", label: "Seconds per dashboard", defaultValue: "30" },
            {
              kind: "checkboxes",
              name: "dashboards",
              label: "Dashboards, in rotation order",
              options: dashboards,
              empty: "No dashboards yet; the screen can be given some later.",
            },
          ]}
        />
      </SettingsSection>
      <SettingsSection title="Screens" testId="screens-list">
        {screens.length === 0 ? (
          <p className="text-sm text-slate-500">No screens yet. Add one above, then open its address on the TV&apos;s browser.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className={TABLE}>
              <thead>
                <tr>
                  <th className={TH}>Name</th>
                  <th className={TH}>Dashboards</th>
                  <th className={TH}>Rotation</th>
                  <th className={TH}>Created</th>
                  <th className={TH}>Last seen</th>
                  <th className={TH}>Status</th>
                </tr>
              </thead>
              <tbody>
                {screens.map((screen) => (
                  <tr key={screen.id}>
                    <td className={`${TD} font-medium`}>{screen.name}</td>
                    <td className={`${TD} text-slate-600`}>{screen.dashboards.join(" → ") || "None yet"}</td>
                    <td className={TD}>{screen.rotateSeconds} s</td>
                    <CredentialCells
                      cellClass={TD}
                      createdAt={screen.createdAt}
                      lastUsedAt={screen.lastSeenAt}
                      revokedAt={screen.revokedAt}
                      timeZone={timeZone}
                      revokedWord="Disconnected"
                      buttonLabel="Disconnect"
                      question={`Disconnect “${screen.name}”? The TV shows a disconnected notice at its next refresh.`}
                      revoke={revokeScreenAction.bind(null, screen.id)}
                    />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </SettingsSection>
    </SettingsPage>
  );
}
