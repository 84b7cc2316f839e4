"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { resolveClient } from "@/lib/auth/resolve-client";
import { addShareLink, revokeShareLink, ShareLinkInputError, ZShareLinkInput } from "@/lib/auth/share-links";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";

export async function createShareLinkAction(_state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("share-links:manage");
  const parsed = ZShareLinkInput.safeParse({
    dashboard: form.get("dashboard") ?? "",
    label: form.get("label") ?? "",
    expiresInDays: form.get("expiresInDays") || undefined,
    period: form.get("period") ?? undefined,
    team: form.get("team") ?? undefined,
    channel: form.get("channel") ?? undefined,
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  try {
    const link = await addShareLink(ctx, parsed.data);
    revalidatePath("/settings/share-links");
    // The whole address, at the origin the manager is on, so it can be pasted anywhere as it is.
    const origin = resolveClient(await headers()).origin;
    return { secret: `${origin ?? ""}${link.path}`, notice: `Created the link “${parsed.data.label}”.` };
  } catch (error) {
    if (error instanceof ShareLinkInputError) return { errors: { [error.field]: error.message }, values: resubmittable(form) };
    throw error;
  }
}

export async function revokeShareLinkAction(id: number): Promise<void> {
  const ctx = await requireAction("share-links:manage");
  await revokeShareLink(ctx, z.number().int().positive().parse(id));
  revalidatePath("/settings/share-links");
}
