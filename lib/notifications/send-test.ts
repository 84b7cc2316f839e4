import type { PrismaClient } from "@/lib/generated/prisma/client";

import { enqueueNotification } from "./enqueue-notification";
import { runDueDeliveries, type DeliveryOutcome } from "./run-due-deliveries";

/**
 * "Send test": a short message through the outbox, sent at once so the admin sees the outcome on
 * the form. A failure stays queued and is retried like any other delivery.
 */
export async function sendTestNotification(prisma: PrismaClient, channelId: number, origin: string): Promise<DeliveryOutcome | null> {
  const channel = await prisma.notificationChannel.findUnique({ where: { id: channelId }, select: { name: true } });
  if (!channel) return null;
  const [id] = await enqueueNotification(prisma, {
    channelIds: [channelId],
    source: "test",
    message: {
      title: `Deskpulse test message for “${channel.name}”`,
      link: new URL("/settings/notifications", origin).toString(),
      sections: [{ text: "If you can read this, digests and alerts sent to this channel will arrive here.", rows: [] }],
    },
  });
  const [outcome] = await runDueDeliveries(prisma, { ids: [id!] });
  return outcome ?? null;
}
