import type { PrismaClient } from "@/lib/generated/prisma/client";

import { openChannel } from "./channels";
import { ZNotificationMessage } from "./notification-message";
import { sendToChannel } from "./send-to-channel";

// The outbox's worker: it claims due deliveries (so two servers, or a tick and a "Send test",
// never send one twice), sends each, and on failure tries again later: after 1, 5 and 15 minutes,
// 1 and 3 hours. The sixth failure is final; the channel shows the last error either way.

export const RETRY_DELAYS_SECONDS = [60, 300, 900, 3_600, 10_800] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
/** A claimed delivery is someone's for this long; a process that died holding it frees it then. */
const CLAIM_SECONDS = 120;
/** Deliveries one pass claims: a tick keeps passing while they come full. */
export const DELIVERY_BATCH = 20;

export type DeliveryOutcome = { id: number; status: "sent" } | { id: number; status: "retrying" | "failed"; error: string };

/** Claims deliveries (due ones, or the given ids whatever their time) by moving their next attempt past the claim. */
async function claim(prisma: PrismaClient, now: Date, ids: number[] | null): Promise<number[]> {
  const until = new Date(now.getTime() + CLAIM_SECONDS * 1000);
  const rows = ids
    ? await prisma.$queryRaw<{ id: number }[]>`
        UPDATE notification_deliveries SET next_attempt_at = ${until}
        WHERE id IN (SELECT id FROM notification_deliveries WHERE status = 'pending' AND id = ANY(${ids}) FOR UPDATE SKIP LOCKED)
        RETURNING id`
    : await prisma.$queryRaw<{ id: number }[]>`
        UPDATE notification_deliveries SET next_attempt_at = ${until}
        WHERE id IN (
          SELECT id FROM notification_deliveries WHERE status = 'pending' AND next_attempt_at <= ${now}
          ORDER BY next_attempt_at, id LIMIT ${DELIVERY_BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING id`;
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

async function attempt(prisma: PrismaClient, id: number, now: Date): Promise<DeliveryOutcome> {
  const delivery = await prisma.notificationDelivery.findUniqueOrThrow({ where: { id }, include: { channel: true } });
  const attempts = delivery.attempts + 1;
  try {
    const channel = await openChannel(prisma, delivery.channel);
    await sendToChannel(channel, ZNotificationMessage.parse(delivery.message), { deliveryId: id, source: delivery.source, emailTo: delivery.emailTo, now });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const final = attempts >= MAX_ATTEMPTS;
    await prisma.$transaction([
      prisma.notificationDelivery.update({
        where: { id },
        data: final
          ? { attempts, status: "failed", lastError: message }
          : { attempts, lastError: message, nextAttemptAt: new Date(now.getTime() + RETRY_DELAYS_SECONDS[attempts - 1]! * 1000) },
      }),
      prisma.notificationChannel.update({ where: { id: delivery.channelId }, data: { lastError: message, lastErrorAt: now } }),
    ]);
    return { id, status: final ? "failed" : "retrying", error: message };
  }
  await prisma.$transaction([
    prisma.notificationDelivery.update({ where: { id }, data: { attempts, status: "sent", sentAt: now, lastError: null } }),
    prisma.notificationChannel.update({ where: { id: delivery.channelId }, data: { lastSentAt: now } }),
  ]);
  return { id, status: "sent" };
}

/** Sends what is due; with `ids`, those deliveries now (a "Send test"), if no one else holds them. */
export async function runDueDeliveries(prisma: PrismaClient, options: { now?: Date; ids?: number[] } = {}): Promise<DeliveryOutcome[]> {
  const now = options.now ?? new Date();
  const outcomes: DeliveryOutcome[] = [];
  for (const id of await claim(prisma, now, options.ids ?? null)) outcomes.push(await attempt(prisma, id, now));
  return outcomes;
}
