import type { Metadata } from "next";

import { CreateSecretForm } from "@/components/settings/create-secret-form";
import { CredentialCells } from "@/components/settings/credential-cells";
import { Moment, SettingsPage, SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { requirePage } from "@/lib/auth/guards";
import { shareLinksPage } from "@/lib/views/settings/share-links-page";

import { createShareLinkAction, revokeShareLinkAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "View-only links" };

export default async function ShareLinksPage() {
  const { links, options, timeZone } = await shareLinksPage(await requirePage("share-links:manage"));
  return (
    <SettingsPage
      title="View-only links"
      intro="A view-only link shows one dashboard in any browser without signing in: the whole organisation's numbers, narrowed by the filters you lock. It opens nothing else. Revoke it to end it at once."
    >
      <SettingsSection title="Create a link">
        <CreateSecretForm
          action={createShareLinkAction}
          submitLabel="Create link"
          secretLabel="Anyone with this address sees the dashboard, so share it like a password."
          inputs={[
            { kind: "select", name: "dashboard", label: "Dashboard", options: options.dashboards },
            { kind: "text", name: "label", label: "Label (who it is for)", required: true },
            { kind: "select", name: "expiresInDays", label: "Expires", options: options.expiry },
            { kind: "select", name: "period", label: "Locked period", options: options.period },
            { kind: "select", name: "team", label: "Locked team", options: options.team },
            { kind: "select", name: "channel", label: "Locked channel", options: options.channel },
          ]}
        />
      </SettingsSection>
      <SettingsSection title="Links" testId="share-links-list">
        {links.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No view-only links yet. Create one above and send its address to whoever should see the dashboard.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className={TABLE}>
              <thead>
                <tr>
                  <th className={TH}>Label</th>
                  <th className={TH}>Dashboard</th>
                  <th className={TH}>Locked filters</th>
                  <th className={TH}>Expires</th>
                  <th className={TH}>Created</th>
                  <th className={TH}>Last used</th>
                  <th className={TH}>Status</th>
                </tr>
              </thead>
              <tbody>
                {links.map((link) => (
                  <tr key={link.id}>
                    <td className={`${TD} font-medium`}>
                      {link.label}
                      {link.createdBy && <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">by {link.createdBy}</span>}
                    </td>
                    <td className={TD}>{link.dashboard}</td>
                    <td className={`${TD} text-slate-600 dark:text-slate-300`}>{link.locked ?? <span className="text-slate-500 dark:text-slate-400">None</span>}</td>
                    <td className={`${TD} text-slate-600 dark:text-slate-300`}>
                      {link.expired ? (
                        <span className="font-medium text-amber-800 dark:text-amber-300">
                          Expired <Moment at={link.expiresAt} timeZone={timeZone} />
                        </span>
                      ) : (
                        <Moment at={link.expiresAt} timeZone={timeZone} never="Never" />
                      )}
                    </td>
                    <CredentialCells
                      cellClass={TD}
                      createdAt={link.createdAt}
                      lastUsedAt={link.lastSeenAt}
                      revokedAt={link.revokedAt}
                      timeZone={timeZone}
                      revokedWord="Revoked"
                      buttonLabel="Revoke"
                      question={`Revoke “${link.label}”? Anyone viewing it sees that the link no longer works at their next refresh.`}
                      revoke={revokeShareLinkAction.bind(null, link.id)}
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
