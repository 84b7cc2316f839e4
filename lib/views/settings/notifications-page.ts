import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { CHANNEL_KIND_LABELS, CHANNEL_KINDS, listChannels, recentDeliveries } from "@/lib/notifications/channels";
import { getOrgSettings } from "@/lib/org/get-org-settings";

export interface NotificationsPage {
  timeZone: string;
  kinds: { value: (typeof CHANNEL_KINDS)[number]; label: string }[];
  channels: Awaited<ReturnType<typeof listChannels>>;
  deliveries: Awaited<ReturnType<typeof recentDeliveries>>;
}

export async function notificationsPage({ prisma }: UserContext): Promise<NotificationsPage> {
  const [org, channels, deliveries] = await Promise.all([getOrgSettings(prisma), listChannels(prisma), recentDeliveries(prisma)]);
  return { timeZone: org.timeZone, kinds: CHANNEL_KINDS.map((value) => ({ value, label: CHANNEL_KIND_LABELS[value] })), channels, deliveries };
}
