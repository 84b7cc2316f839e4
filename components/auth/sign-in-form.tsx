"use client";

import { useState, type FormEvent } from "react";

import { BUTTON_PRIMARY, Field } from "@/components/ui/field";

function tooManyAttempts(seconds: number): string {
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many sign-in attempts from here or for this account. For safety, sign-in is paused: try again in ${wait}.`;
}

/**
 * Posts to better-auth's sign-in endpoint (app/api/auth), where the attempt is rate-limited, and
 * on success loads the page the visitor came for. Failures say nothing about which part was wrong.
 */
export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password"), rememberMe: true }),
      });
      if (response.ok) {
        window.location.assign(next);
        return;
      }
      if (response.status === 429) {
        setError(tooManyAttempts(Number(response.headers.get("retry-after")) || 60));
      } else if (response.status === 400 || response.status === 401) {
        setError("That email and password do not match an account.");
      } else {
        setError("Sign-in is unavailable right now. Try again in a moment.");
      }
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button type="submit" className={`${BUTTON_PRIMARY} w-full`} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
