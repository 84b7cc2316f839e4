"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { createDigest, deleteDigest, sendDigestNow, setDigestEnabled, ZDigestInput } from "@/lib/digests/manage-digests";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";

const PERMISSION = "digests:manage";
const ZId = z.number().int().positive();

export async function createDigestAction(_state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction(PERMISSION);
  const parsed = ZDigestInput.safeParse({
    dashboard: form.get("dashboard") ?? "",
    name: form.get("name") ?? "",
    frequency: form.get("frequency") ?? "",
    weekday: form.get("weekday") ?? "",
    time: form.get("time") ?? "",
    team: form.get("team") ?? "",
    channel: form.get("channel") ?? "",
    channels: form.getAll("channels"),
    people: form.getAll("people"),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  try {
    await createDigest(ctx.prisma, { ...parsed.data, createdById: ctx.user.id });
  } catch (error) {
    const errors = fieldErrors(error);
    if (errors) return { errors, values: resubmittable(form) };
    throw error;
  }
  revalidatePath("/settings/digests");
  return { notice: `Created the digest “${parsed.data.name}”.` };
}

export async function setDigestEnabledAction(id: number, enabled: boolean): Promise<void> {
  const ctx = await requireAction(PERMISSION);
  await setDigestEnabled(ctx.prisma, ZId.parse(id), z.boolean().parse(enabled));
  revalidatePath("/settings/digests");
}

/** Queues one send now; its result shows in the list as the digest's last result. */
export async function sendDigestNowAction(id: number): Promise<void> {
  const ctx = await requireAction(PERMISSION);
  await sendDigestNow(ctx.prisma, ZId.parse(id));
  revalidatePath("/settings/digests");
}

export async function deleteDigestAction(id: number): Promise<void> {
  const ctx = await requireAction(PERMISSION);
  await deleteDigest(ctx.prisma, ZId.parse(id));
  revalidatePath("/settings/digests");
}
