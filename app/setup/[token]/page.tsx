import type { Metadata } from "next";
import Link from "next/link";

import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { setupPage } from "@/lib/views/setup-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up" };

/** The one-time link printed at first start: whoever holds it creates the first admin. */
export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await setupPage(token)).tokenValid) {
    return (
      <AuthCard title="This setup link no longer works" subtitle="It was already used, has expired, or Deskpulse already has users.">
        <p className="text-sm text-slate-600 dark:text-slate-300">
          <Link href="/sign-in" className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline">
            Sign in
          </Link>{" "}
          instead, or restart the server with no users to print a fresh link. An admin can also be created with{" "}
          <code className="rounded bg-slate-100 px-1">npm run cli -- users create … --role admin</code>.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Create the first admin" subtitle="This account manages users, keys and everything else.">
      <SetupForm token={token} />
    </AuthCard>
  );
}
