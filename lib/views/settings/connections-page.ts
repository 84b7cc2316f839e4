import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { connectorAdapters } from "@/lib/connectors/adapters";
import { backfillProgress } from "@/lib/connectors/backfill-progress";
import { getOrgSettings } from "@/lib/org/get-org-settings";

const STATUS_LABELS = { syncing: "Syncing", idle: "Up to date", backing_off: "Backing off", stopped: "Stopped" } as const;

export interface ConnectionRow {
  id: number;
  name: string;
  kindLabel: string;
  baseUrl: string;
  status: string;
  statusMessage: string | null;
  paused: boolean;
  lastSyncAt: Date | null;
  recordsSynced: number;
  lastError: string | null;
  lastErrorAt: Date | null;
  webhookPath: string;
  progress: ReturnType<typeof backfillProgress>;
}

export interface ConnectionsPage {
  timeZone: string;
  /** A month back: enough history for the month's KPIs without a long first backfill. */
  defaultSince: string;
  kinds: { value: string; label: string; secretFields: { name: string; label: string }[] }[];
  connections: ConnectionRow[];
}

/** Connections without their secrets: those are sealed and never read back for display. */
export async function connectionsPage({ prisma }: UserContext, now = new Date()): Promise<ConnectionsPage> {
  const [rows, org] = await Promise.all([
    prisma.connection.findMany({ orderBy: { id: "asc" }, omit: { secretsSealed: true, cursor: true } }),
    getOrgSettings(prisma),
  ]);
  return {
    timeZone: org.timeZone,
    defaultSince: new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10),
    kinds: Object.values(connectorAdapters).map((a) => ({ value: a.kind, label: a.label, secretFields: a.secretFields ?? [] })),
    connections: rows.map((row) => ({
      id: row.id,
      name: row.name,
      kindLabel: connectorAdapters[row.kind]?.label ?? row.kind,
      baseUrl: row.baseUrl,
      status: row.paused ? "Paused" : STATUS_LABELS[row.status],
      statusMessage: row.statusMessage,
      paused: row.paused,
      lastSyncAt: row.lastSyncAt,
      recordsSynced: Number(row.recordsSynced),
      lastError: row.lastError,
      lastErrorAt: row.lastErrorAt,
      webhookPath: `/api/v1/webhooks/${row.id}`,
      progress: backfillProgress(row, now),
    })),
  };
}
