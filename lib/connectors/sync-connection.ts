import { hostname } from "node:os";
import { randomBytes } from "node:crypto";

import { isDatabaseUnavailable } from "@/lib/db/database-errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { connectorAdapters } from "./adapters";
import { openSecrets } from "@/lib/secrets/sealed-secrets";
import type { ConnectorAdapter, SyncPage } from "./connector";
import { ConnectorBatchRejectedError, storeConnectorBatch } from "./store-connector-batch";
import { VendorPermanentError, VendorRateLimitedError } from "./vendor-errors";

/** This process's name on a lease: several servers may share one database. */
export const PROCESS_LEASE_OWNER = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

/** A rate limit asking for at most this long is waited out inside the run; longer ones end the run. */
const INLINE_RATE_LIMIT_WAIT_SECONDS = 10;
/** The longest a vendor's Retry-After is honoured before trying again anyway. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 3_600;
const BACKOFF_BASE_SECONDS = 5;
const MAX_BACKOFF_SECONDS = 900;

export interface SyncOptions {
  /** Who holds the lease while this run lasts. */
  owner?: string;
  /** Run even if not due, paused or stopped ("sync now"). */
  force?: boolean;
  /** A run ends after this many pages or milliseconds and continues next tick (a backfill does not hog the process). */
  maxPages?: number;
  maxMilliseconds?: number;
  leaseSeconds?: number;
  adapters?: Record<string, ConnectorAdapter>;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  /** Jitter in [0, 1), injected so tests know the backoff. */
  random?: () => number;
}

export type SyncOutcome =
  | { ran: false; reason: "not found" | "leased elsewhere or not due" }
  | { ran: true; stored: number; pages: number; status: "idle" | "syncing" | "backing_off" | "stopped"; message?: string };

interface LeasedRow {
  id: number;
  kind: string;
  base_url: string;
  secrets_sealed: string;
  interval_seconds: number;
  since: Date;
  cursor: string | null;
  failures: number;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The backoff after `failures` consecutive transient failures: exponential, capped, with jitter. */
export function backoffSeconds(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_SECONDS, BACKOFF_BASE_SECONDS * 2 ** Math.max(0, failures - 1));
  return Math.max(1, Math.round(ceiling * (0.5 + random() / 2)));
}

/**
 * One run of one connection: take the lease (one conditional UPDATE, so of several servers or
 * engines exactly one runs it), then read pages from the vendor, storing each before saving the
 * cursor after it: a run killed at any point resumes from the last stored page, and a page read
 * again is upserted to the same rows. Rate limits wait, transient failures back off, permanent
 * ones stop the connection with the vendor's message.
 */
export async function syncConnection(prisma: PrismaClient, connectionId: number, options: SyncOptions = {}): Promise<SyncOutcome> {
  const owner = options.owner ?? PROCESS_LEASE_OWNER;
  const leaseSeconds = options.leaseSeconds ?? 120;
  const force = options.force ?? false;
  const leased = await prisma.$queryRaw<LeasedRow[]>`
    UPDATE connections
       SET lease_owner = ${owner}, lease_until = now() + make_interval(secs => ${leaseSeconds}), status = 'syncing'
     WHERE id = ${connectionId}
       AND (lease_until IS NULL OR lease_until < now() OR lease_owner = ${owner})
       AND (${force} OR (NOT paused AND status <> 'stopped' AND next_run_at <= now()))
    RETURNING id, kind, base_url, secrets_sealed, interval_seconds, since, cursor, failures`;
  const row = leased[0];
  if (!row) {
    const exists = await prisma.connection.count({ where: { id: connectionId } });
    return { ran: false, reason: exists ? "leased elsewhere or not due" : "not found" };
  }

  let stored = 0;
  let pages = 0;
  const finish = async (
    status: "idle" | "syncing" | "backing_off" | "stopped",
    nextRunInSeconds: number,
    error?: { message: string; failures?: number },
  ): Promise<SyncOutcome> => {
    await prisma.$executeRaw`
      UPDATE connections
         SET status = ${status}::"ConnectionStatus",
             status_message = ${status === "stopped" || status === "backing_off" ? (error?.message ?? null) : null},
             next_run_at = now() + make_interval(secs => ${nextRunInSeconds}),
             failures = ${error?.failures ?? 0},
             last_error = COALESCE(${error?.message ?? null}, last_error),
             last_error_at = CASE WHEN ${error?.message ?? null}::text IS NULL THEN last_error_at ELSE now() END,
             lease_owner = NULL, lease_until = NULL
       WHERE id = ${row.id} AND lease_owner = ${owner}`;
    return { ran: true, stored, pages, status, ...(error && { message: error.message }) };
  };

  const adapter = (options.adapters ?? connectorAdapters)[row.kind];
  if (!adapter) return finish("stopped", 0, { message: `no connector for the kind "${row.kind}" in this version of Deskpulse` });
  let secrets: Record<string, string>;
  try {
    const parsed = adapter.secrets.safeParse(await openSecrets(prisma, row.secrets_sealed));
    if (!parsed.success) throw new Error(`the stored secrets are incomplete: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    secrets = parsed.data;
  } catch (error) {
    return finish("stopped", 0, { message: error instanceof Error ? error.message : String(error) });
  }

  const context = { baseUrl: row.base_url.replace(/\/+$/, ""), secrets, since: row.since, fetch: options.fetch ?? fetch, signal: options.signal };
  const sleep = options.sleep ?? sleepFor;
  const maxPages = options.maxPages ?? 50;
  const deadline = Date.now() + (options.maxMilliseconds ?? 20_000);
  let cursor = row.cursor;

  while (pages < maxPages && Date.now() < deadline && !options.signal?.aborted) {
    let page: SyncPage;
    try {
      page = await adapter.fetchPage(context, cursor);
    } catch (error) {
      if (error instanceof VendorRateLimitedError) {
        const wait = Math.min(MAX_RATE_LIMIT_WAIT_SECONDS, Math.max(0, error.retryAfterSeconds));
        if (wait <= INLINE_RATE_LIMIT_WAIT_SECONDS && Date.now() + wait * 1000 < deadline) {
          await sleep(wait * 1000);
          continue;
        }
        return finish("backing_off", wait, { message: error.message, failures: row.failures });
      }
      if (error instanceof VendorPermanentError) return finish("stopped", 0, { message: error.message });
      if (options.signal?.aborted) break;
      const failures = row.failures + 1;
      const message = error instanceof Error ? error.message : String(error);
      return finish("backing_off", backoffSeconds(failures, options.random), { message, failures });
    }
    let pageStored: number;
    try {
      pageStored = await storeConnectorBatch(prisma, page.batch);
    } catch (error) {
      if (error instanceof ConnectorBatchRejectedError) return finish("stopped", 0, { message: error.message });
      if (isDatabaseUnavailable(error)) throw error;
      return finish("backing_off", backoffSeconds(row.failures + 1, options.random), {
        message: error instanceof Error ? error.message : String(error),
        failures: row.failures + 1,
      });
    }
    pages += 1;
    stored += pageStored;
    cursor = page.cursor;
    // The cursor moves only after the page is stored, and only while this run still holds the lease.
    const saved = await prisma.$executeRaw`
      UPDATE connections
         SET cursor = ${cursor}, reached_at = COALESCE(${page.reachedAt ?? null}::timestamptz, reached_at),
             records_synced = records_synced + ${pageStored}, last_sync_at = now(), failures = 0,
             lease_until = now() + make_interval(secs => ${leaseSeconds})
       WHERE id = ${row.id} AND lease_owner = ${owner}`;
    if (saved === 0) return { ran: true, stored, pages, status: "syncing", message: "the lease was lost" };
    if (page.done) return finish("idle", row.interval_seconds);
  }
  // Out of budget (or aborted) mid-backfill: due again at once, so the next tick continues.
  return finish("syncing", 0);
}
