"use server";

import { requireAction } from "@/lib/auth/guards";
import { markNotificationsRead } from "@/lib/motivation/notifications";

/** Opening the notifications marks them read, for the signed-in agent only. */
export async function markNotificationsReadAction(): Promise<void> {
  await markNotificationsRead(await requireAction("kpis:read"));
}
