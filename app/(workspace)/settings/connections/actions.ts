"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { ConnectionInputError, createConnection, deleteConnection, requestConnectionSync, setConnectionPaused, ZNewConnection } from "@/lib/connectors/manage-connections";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";

const SECRET_PREFIX = "secret:";
const ZId = z.number().int().positive();

// Connections hold credentials to another system, so they are an admin's, like API keys.
const PERMISSION = "keys:manage";

export async function createConnectionAction(_state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction(PERMISSION);
  const secrets = Object.fromEntries(
    [...form.entries()].flatMap(([name, value]) => (name.startsWith(SECRET_PREFIX) && typeof value === "string" && value ? [[name.slice(SECRET_PREFIX.length), value]] : [])),
  );
  // Secrets are never sent back to the browser, not even to refill a refused form.
  const values = Object.fromEntries(Object.entries(resubmittable(form)).filter(([name]) => !name.startsWith(SECRET_PREFIX)));
  const parsed = ZNewConnection.safeParse({ kind: form.get("kind"), name: form.get("name"), baseUrl: form.get("baseUrl"), since: form.get("since"), secrets });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values };
  try {
    await createConnection(ctx.prisma, { ...parsed.data, since: String(form.get("since")) });
  } catch (error) {
    if (error instanceof ConnectionInputError) return { errors: { [error.field.startsWith("secret") ? "form" : error.field]: error.message }, values };
    throw error;
  }
  revalidatePath("/settings/connections");
  return { notice: `Connected “${parsed.data.name}”. The first sync starts within a few seconds; its secrets are stored encrypted and not shown again.` };
}

export async function syncConnectionNowAction(id: number): Promise<void> {
  const ctx = await requireAction(PERMISSION);
  await requestConnectionSync(ctx.prisma, ZId.parse(id));
  revalidatePath("/settings/connections");
}

export async function setConnectionPausedAction(id: number, paused: boolean): Promise<void> {
  const ctx = await requireAction(PERMISSION);
  await setConnectionPaused(ctx.prisma, ZId.parse(id), z.boolean().parse(paused));
  revalidatePath("/settings/connections");
}

export async function deleteConnectionAction(id: number): Promise<void> {
  const ctx = await requireAction(PERMISSION);
  await deleteConnection(ctx.prisma, ZId.parse(id));
  revalidatePath("/settings/connections");
}
