import type { Metadata } from "next";

import { CreateSecretForm } from "@/components/settings/create-secret-form";
import { CredentialCells } from "@/components/settings/credential-cells";
import { SettingsPage, SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { requirePage } from "@/lib/auth/guards";
import { keysPage } from "@/lib/views/settings/keys-page";

import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API keys" };

export default async function KeysPage() {
  const { keys, timeZone } = await keysPage(await requirePage("keys:manage"));
  return (
    <SettingsPage
      title="API keys"
      intro="Ingest keys let your help desk and phone system push records in; KPI read keys let other tools read numbers out. Each key is shown once."
    >
      <SettingsSection title="Create a key">
        <CreateSecretForm
          action={createApiKeyAction}
          submitLabel="Create key"
          secretLabel="Send it as Authorization: Bearer <key>."
          inputs={[
            { kind: "text", name: "name", label: "Name (who uses it)", required: true },
            { kind: "select", name: "kind", label: "Kind", options: [{ value: "ingest", label: "Ingest (write)" }, { value: "kpi", label: "KPI read" }] },
          ]}
        />
      </SettingsSection>
      <SettingsSection title="Keys" testId="keys-list">
        {keys.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No keys yet. Create one above to connect your help desk or phone system.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className={TABLE}>
              <thead>
                <tr>
                  <th className={TH}>Name</th>
                  <th className={TH}>Kind</th>
                  <th className={TH}>Starts with</th>
                  <th className={TH}>Created</th>
                  <th className={TH}>Last used</th>
                  <th className={TH}>Status</th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.id}>
                    <td className={`${TD} font-medium`}>{key.name}</td>
                    <td className={TD}>{key.kind}</td>
                    <td className={`${TD} font-mono text-slate-600 dark:text-slate-300`}>{key.prefix}…</td>
                    <CredentialCells
                      cellClass={TD}
                      createdAt={key.createdAt}
                      lastUsedAt={key.lastUsedAt}
                      revokedAt={key.revokedAt}
                      timeZone={timeZone}
                      revokedWord="Revoked"
                      buttonLabel="Revoke"
                      question={`Revoke “${key.name}”? Anything using it stops working at once.`}
                      revoke={revokeApiKeyAction.bind(null, key.id)}
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
