import { ZodError } from "zod";

import { UserInputError } from "@/lib/auth/users";

/** What a form's server action answers: errors by field name (`form` for the whole form), or a notice. */
export interface FormState {
  errors?: Record<string, string>;
  notice?: string;
  /** A secret shown once (a new key or screen link). */
  secret?: string;
  /** What was submitted, so a refused form shows it again instead of emptying (never passwords). */
  values?: Record<string, string[]>;
}

/** The text fields of a submitted form to show again (every value of repeated ones), without any password. */
export function resubmittable(form: FormData): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !/password/i.test(name)) (values[name] ??= []).push(value);
  }
  return values;
}

/** Field errors from a validation failure, or null for any other error (which should propagate). */
export function fieldErrors(error: unknown): Record<string, string> | null {
  if (error instanceof UserInputError) return { [error.field]: sentence(error.message.slice(error.field.length + 2)) };
  if (error instanceof ZodError) {
    return Object.fromEntries(error.issues.map((issue) => [String(issue.path[0] ?? "form"), sentence(issue.message)]));
  }
  return null;
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1) + (message.endsWith(".") ? "" : ".");
}
