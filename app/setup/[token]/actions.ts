"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { completeSetup } from "@/lib/auth/first-admin";
import { getDb } from "@/lib/db/get-db";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";

const ZSetup = z.object({
  token: z.string().min(1),
  email: z.string(),
  name: z.string(),
  password: z.string(),
});

// Authorised by the one-time token itself (there are no users yet to sign in as); completeSetup
// refuses once any user exists, so this action is closed for good after the first admin.
export async function createFirstAdminAction(_state: FormState, form: FormData): Promise<FormState> {
  const parsed = ZSetup.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { errors: { form: "The form was incomplete." } };
  const { prisma } = await getDb();
  try {
    await completeSetup(prisma, parsed.data.token, parsed.data);
  } catch (error) {
    const errors = fieldErrors(error);
    if (errors) return { errors, values: resubmittable(form) };
    throw error;
  }
  redirect("/sign-in?created=1");
}
