import type { PrismaClient } from "@/lib/generated/prisma/client";
import { problem } from "@/lib/http/problem";

import { connectorAdapters } from "./adapters";
import { openSecrets } from "@/lib/secrets/sealed-secrets";
import type { ConnectorAdapter } from "./connector";
import { ConnectorBatchRejectedError, storeConnectorBatch } from "./store-connector-batch";

/** A webhook names one or a few records; anything larger is not a vendor's delivery. */
export const MAX_WEBHOOK_BODY_BYTES = 256_000;
/** A delivery signed longer ago than this (or this far in the future) is refused as a replay. */
export const WEBHOOK_REPLAY_WINDOW_SECONDS = 300;

export interface WebhookOptions {
  adapters?: Record<string, ConnectorAdapter>;
  fetch?: typeof fetch;
  now?: Date;
}

/** The raw bytes as the vendor signed them, never more than `maxBytes` held. */
async function readRawBody(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * One webhook delivery: the signature is the authentication. A tampered body or a delivery signed
 * outside the replay window is 401; a delivery id seen before is 409 (the first one was stored).
 * The records go through the same validation and upsert as a scheduled sync, which still runs and
 * catches whatever a lost webhook missed.
 */
export async function handleWebhookDelivery(prisma: PrismaClient, connectionId: number, request: Request, options: WebhookOptions = {}): Promise<Response> {
  const connection = await prisma.connection.findUnique({ where: { id: connectionId } });
  const adapter = connection && (options.adapters ?? connectorAdapters)[connection.kind];
  if (!connection || !adapter?.webhook) return problem(404, "not_found", "No connection here takes webhooks.");
  if (connection.paused) return problem(409, "connection_paused", "This connection is paused; resume it in Settings → Connections.");

  const rawBody = await readRawBody(request, MAX_WEBHOOK_BODY_BYTES);
  if (rawBody === null) return problem(413, "payload_too_large", `The body is larger than ${MAX_WEBHOOK_BODY_BYTES / 1000} kB.`);
  const secrets = await openSecrets(prisma, connection.secretsSealed);
  const verdict = adapter.webhook.verify({ headers: request.headers, rawBody }, secrets);
  if (!verdict.ok) return problem(401, "invalid_signature", `The delivery was refused: ${verdict.reason}.`);
  const now = options.now ?? new Date();
  if (Math.abs(now.getTime() - verdict.signedAt.getTime()) > WEBHOOK_REPLAY_WINDOW_SECONDS * 1000) {
    return problem(401, "stale_signature", `The delivery was signed more than ${WEBHOOK_REPLAY_WINDOW_SECONDS / 60} minutes from now; it may be a replay.`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return problem(400, "invalid_json", "The body is not valid JSON.");
  }

  // Ids older than the window can go: a delivery that old is refused by its timestamp anyway.
  await prisma.$executeRaw`DELETE FROM webhook_deliveries WHERE received_at < now() - make_interval(secs => ${2 * WEBHOOK_REPLAY_WINDOW_SECONDS})`;
  const claimed = await prisma.$executeRaw`
    INSERT INTO webhook_deliveries (connection_id, delivery_id) VALUES (${connection.id}, ${verdict.deliveryId})
    ON CONFLICT DO NOTHING`;
  if (claimed === 0) return problem(409, "replayed_delivery", "This delivery was received before.");

  try {
    const context = { baseUrl: connection.baseUrl, secrets, since: connection.since, fetch: options.fetch ?? fetch, signal: AbortSignal.timeout(30_000) };
    const stored = await storeConnectorBatch(prisma, await adapter.webhook.toBatch(context, payload));
    return Response.json({ stored }, { status: 202 });
  } catch (error) {
    // Not stored: forget the id, so the vendor's retry of this delivery is accepted.
    await prisma.webhookDelivery.deleteMany({ where: { connectionId: connection.id, deliveryId: verdict.deliveryId } });
    if (error instanceof ConnectorBatchRejectedError) return problem(422, "invalid_records", error.message);
    const detail = error instanceof Error ? error.message : String(error);
    return problem(502, "vendor_unavailable", `The delivery's records could not be read from the vendor: ${detail}`, { headers: { "Retry-After": "60" } });
  }
}
