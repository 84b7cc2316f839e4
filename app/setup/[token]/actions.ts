"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { createFirstAdmin } from "@/lib/auth/create-first-admin";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";

const ZSetup = z.object({
  token: z.string().min(1),
  email: z.string(),
  name: z.string(),
  password: z.string(),
});

// Open to every caller: the one-time token in the form is the authorisation (lib/auth/create-first-admin.ts).
export async function createFirstAdminAction(_state: FormState, form: FormData): Promise<FormState> {
  const parsed = ZSetup.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { errors: { form: "The form was incomplete." } };
  try {
    await createFirstAdmin(parsed.data.token, parsed.data);
  } catch (error) {
    const errors = fieldErrors(error);
    if (errors) return { errors, values: resubmittable(form) };
    throw error;
  }
  redirect("/sign-in?created=1");
}
