"use server";

import { requireAction } from "@/lib/auth/guards";
import { markNotificationsRead } from "@/lib/motivation/notifications";

/** Opening the notifications marks the signed-in user's read (their own and their agent's). */
export async function markNotificationsReadAction(): Promise<void> {
  await markNotificationsRead(await requireAction("kpis:read"));
}
