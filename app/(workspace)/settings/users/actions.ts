"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { addUser, changeUser, removeUser, ZNewUser, ZUserUpdate } from "@/lib/auth/users";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";

/** The membership fields as a form sends them: teams as repeated checkboxes, an empty agent as none. */
function membership(form: FormData) {
  const agent = String(form.get("agent") ?? "").trim();
  return { role: form.get("role"), teams: form.getAll("teams").map(String), agent: agent || undefined };
}

/** Runs the change; a rule it breaks comes back as the form's field errors, anything else propagates. */
async function attempt(run: () => Promise<unknown>, form?: FormData): Promise<FormState | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const errors = fieldErrors(error);
    if (errors) return { errors, values: form && resubmittable(form) };
    throw error;
  }
}

export async function createUserAction(_state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("users:manage");
  const parsed = ZNewUser.safeParse({
    email: form.get("email") ?? "",
    name: String(form.get("name") ?? "").trim() || undefined,
    password: form.get("password") ?? "",
    ...membership(form),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  const failed = await attempt(() => addUser(ctx, parsed.data), form);
  if (failed) return failed;
  revalidatePath("/settings/users");
  return { notice: `Created ${String(form.get("email"))}. They can sign in now.` };
}

const ZId = z.coerce.number().int().positive();

export async function updateUserAction(id: number, _state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("users:manage");
  const userId = ZId.safeParse(id);
  if (!userId.success) return { errors: { form: "No such user." } };
  const password = String(form.get("password") ?? "");
  const parsed = ZUserUpdate.safeParse({ name: form.get("name") ?? "", password: password || undefined, ...membership(form) });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  const failed = await attempt(() => changeUser(ctx, userId.data, parsed.data), form);
  if (failed) return failed;
  revalidatePath("/settings/users");
  return { notice: password ? "Saved. The new password ended their other sessions." : "Saved." };
}

export async function deleteUserAction(id: number): Promise<FormState> {
  const ctx = await requireAction("users:manage");
  const userId = ZId.safeParse(id);
  if (!userId.success) return { errors: { form: "No such user." } };
  const failed = await attempt(() => removeUser(ctx, userId.data));
  if (failed) return failed;
  revalidatePath("/settings/users");
  redirect("/settings/users");
}
