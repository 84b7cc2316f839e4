"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { issueApiKey, revokeApiKey, ZApiKeyInput } from "@/lib/auth/api-keys";
import { requireAction } from "@/lib/auth/guards";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";

export async function createApiKeyAction(_state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("keys:manage");
  const parsed = ZApiKeyInput.safeParse({ kind: form.get("kind"), name: form.get("name") ?? "" });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  const { key } = await issueApiKey(ctx, parsed.data);
  revalidatePath("/settings/keys");
  return { secret: key, notice: `Created the ${parsed.data.kind === "ingest" ? "ingest" : "KPI read"} key “${parsed.data.name}”.` };
}

export async function revokeApiKeyAction(id: number): Promise<void> {
  const ctx = await requireAction("keys:manage");
  await revokeApiKey(ctx, z.number().int().positive().parse(id));
  revalidatePath("/settings/keys");
}
