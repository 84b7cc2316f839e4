import type { Metadata } from "next";

import { CreateSecretForm } from "@/components/settings/create-secret-form";
import { CredentialCells } from "@/components/settings/credential-cells";
import { SettingsPage, SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { requirePage } from "@/lib/auth/guards";
import { screensPage } from "@/lib/views/settings/screens-page";

import { createScreenAction, moveScreenSlideAction, revokeScreenAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "TV screens" };

export default async function ScreensPage() {
  const { screens, dashboards, competitions, timeZone } = await screensPage(await requirePage("screens:manage"));
  return (
    <SettingsPage
      title="TV screens"
      intro="A screen is a secret address a wall TV opens: it rotates through its dashboards and competitions and can read nothing else. Revoke it to disconnect the TV."
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
            {
              kind: "checkboxes",
              name: "competitions",
              label: "Competitions, each full screen after the dashboards",
              options: competitions,
              empty: "No competitions yet.",
            },
          ]}
        />
      </SettingsSection>
      <SettingsSection title="Screens" testId="screens-list">
        {screens.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No screens yet. Add one above, then open its address on the TV&apos;s browser.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className={TABLE}>
              <thead>
                <tr>
                  <th className={TH}>Name</th>
                  <th className={TH}>Slides</th>
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
                    <td className={`${TD} text-slate-600 dark:text-slate-300`}>
                      {screen.dashboards.length === 0 ? (
                        "None yet"
                      ) : (
                        <ol className="space-y-1" aria-label={`Rotation order of ${screen.name}`} data-testid="screen-playlist">
                          {screen.dashboards.map((slide, i) => (
                            <li key={slide.position} className="flex items-center gap-2" data-testid="screen-slide">
                              <span className="w-5 text-right tabular-nums text-slate-500 dark:text-slate-400">{i + 1}.</span>
                              <span className="min-w-0 flex-1">
                                {slide.name}
                                {slide.kind === "competition" && <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">(competition)</span>}
                              </span>
                              {!screen.revokedAt && (
                                <span className="flex gap-1">
                                  <MoveButton label={`Move ${slide.name} earlier`} symbol="↑" disabled={i === 0} action={moveScreenSlideAction.bind(null, screen.id, slide.position, "earlier")} />
                                  <MoveButton
                                    label={`Move ${slide.name} later`}
                                    symbol="↓"
                                    disabled={i === screen.dashboards.length - 1}
                                    action={moveScreenSlideAction.bind(null, screen.id, slide.position, "later")}
                                  />
                                </span>
                              )}
                            </li>
                          ))}
                        </ol>
                      )}
                    </td>
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

/** A playlist arrow: a real button in a form, so it works from the keyboard and without script. */
function MoveButton({ label, symbol, disabled, action }: { label: string; symbol: string; disabled: boolean; action: () => Promise<void> }) {
  return (
    <form action={action}>
      <button
        type="submit"
        aria-label={label}
        title={label}
        disabled={disabled}
        className="grid size-8 place-items-center rounded-lg border border-slate-300 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-30 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <span aria-hidden>{symbol}</span>
      </button>
    </form>
  );
}
