import type { PrismaClient } from "@/lib/generated/prisma/client";

import { ZNotificationMessage, type NotificationMessage } from "./notification-message";

export interface NotificationRequest {
  /** The channels to send to, one delivery each. */
  channelIds: number[];
  message: NotificationMessage;
  /** What sent it, shown in the channel's history: "test", "digest:<id>", "alert:<id>". */
  source: string;
  /** Addresses that replace an email channel's own recipients (a digest to chosen people). */
  emailTo?: string[];
}

/**
 * Queues a message for each channel: the delivery worker (run-due-deliveries.ts) sends it, retrying
 * with backoff, so a caller never waits on an SMTP server or a webhook. Returns the deliveries' ids.
 */
export async function enqueueNotification(prisma: PrismaClient, request: NotificationRequest): Promise<number[]> {
  const message = ZNotificationMessage.parse(request.message);
  const rows = await prisma.$transaction(
    request.channelIds.map((channelId) =>
      prisma.notificationDelivery.create({
        data: { channelId, source: request.source, message, emailTo: request.emailTo ?? [] },
        select: { id: true },
      }),
    ),
  );
  return rows.map((row) => row.id);
}
