import type { z } from "zod";

import type { IngestBatch } from "@/lib/ingest/record-schemas";

/**
 * The contract between the sync engine (schedule, cursor, backfill, storage, Settings → Connections)
 * and one vendor. An adapter only talks HTTP to the vendor and translates what it reads into ingest
 * records; the engine stores every page through the same validation and atomic upsert as
 * `POST /api/v1/ingest`, so a page read twice changes nothing.
 */
export interface ConnectorContext {
  /** The vendor's API root as configured (a proxy or a local test peer in tests), without a trailing slash. */
  baseUrl: string;
  /** The decrypted secrets, already validated with the adapter's `secrets` schema. */
  secrets: Record<string, string>;
  /** Where a backfill starts when there is no cursor yet. */
  since: Date;
  /** Injected so tests and the engine control timeouts; defaults to the global fetch. */
  fetch: typeof fetch;
  signal?: AbortSignal;
}

export interface SyncPage {
  /** Records in the ingest API's shape; validated again before storing. */
  batch: IngestBatch;
  /** Opaque to the engine: stored only after this page's records are stored, so a restart resumes here. */
  cursor: string;
  /** The source has nothing newer than this page: the engine waits for the next scheduled run. */
  done: boolean;
  /** How far through the source's history this page reaches, for the backfill's progress bar and ETA. */
  reachedAt?: Date;
}

export interface WebhookDelivery {
  headers: Headers;
  /** The exact bytes the vendor signed. */
  rawBody: string;
}

export type WebhookVerdict =
  | {
      ok: true;
      /** Unique per delivery (vendor id or signature), so a replayed delivery is refused. */
      deliveryId: string;
      /** When the vendor says it signed it; deliveries older than the engine's window are refused. */
      signedAt: Date;
    }
  | { ok: false; reason: string };

export interface ConnectorAdapter {
  kind: string;
  /** The vendor's name as people know it ("Zendesk Support"). */
  label: string;
  /** The secrets a connection needs (for example `email` and `token`); messages name the secret. */
  secrets: z.ZodType<Record<string, string>>;
  /** The secrets as form fields (Settings → Connections, the CLI's --secret NAME=VALUE); all are write-only. */
  secretFields?: { name: string; label: string }[];
  /** The next page after `cursor` (`null`: start the backfill at `context.since`). */
  fetchPage(context: ConnectorContext, cursor: string | null): Promise<SyncPage>;
  webhook?: {
    /** Checks the vendor's signature with the connection's secrets; never throws on bad input. */
    verify(delivery: WebhookDelivery, secrets: Record<string, string>): WebhookVerdict;
    /** The records one verified delivery carries (may fetch more from the vendor, e.g. a ticket's metrics). */
    toBatch(context: ConnectorContext, payload: unknown): Promise<IngestBatch>;
  };
}
