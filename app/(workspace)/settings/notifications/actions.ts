"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { resolveClient } from "@/lib/auth/resolve-client";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";
import { createChannel, deleteChannel, ZNewChannel } from "@/lib/notifications/channels";
import { sendTestNotification } from "@/lib/notifications/send-test";

const PERMISSION = "notifications:manage";
const ZId = z.number().int().positive();
/** Fields never sent back to refill a refused form. */
const SECRET_FIELDS = new Set(["password", "url", "signingSecret"]);

export async function createChannelAction(_state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction(PERMISSION);
  const values = Object.fromEntries(Object.entries(resubmittable(form)).filter(([name]) => !SECRET_FIELDS.has(name)));
  const parsed = ZNewChannel.safeParse(Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string")));
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values };
  await createChannel(ctx.prisma, parsed.data);
  revalidatePath("/settings/notifications");
  return { notice: `Added “${parsed.data.name}”. Its secrets are stored encrypted and not shown again; use Send test to check it.` };
}

export async function sendTestAction(id: number): Promise<FormState> {
  const ctx = await requireAction(PERMISSION);
  const origin = resolveClient(await headers()).origin ?? "http://localhost";
  const outcome = await sendTestNotification(ctx.prisma, ZId.parse(id), origin);
  revalidatePath("/settings/notifications");
  if (!outcome) return { errors: { form: "That channel no longer exists." } };
  return outcome.status === "sent"
    ? { notice: "Sent. Check that it arrived." }
    : { errors: { form: `Not delivered: ${outcome.error}. It will be retried; the channel shows the last error.` } };
}

export async function deleteChannelAction(id: number): Promise<void> {
  const ctx = await requireAction(PERMISSION);
  await deleteChannel(ctx.prisma, ZId.parse(id));
  revalidatePath("/settings/notifications");
}
