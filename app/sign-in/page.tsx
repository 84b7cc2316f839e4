import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";

import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthCard } from "@/components/auth/auth-card";
import { currentPrincipal } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

// Only same-site paths: `next` comes from the URL and must not become an open redirect.
const ZNext = z
  .string()
  .regex(/^\/(?![/\\])[^\s]*$/)
  .catch("/");

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; created?: string }> }) {
  const params = await searchParams;
  const next = ZNext.parse(params.next ?? "/");
  if ((await currentPrincipal()).kind === "user") redirect(next);
  return (
    <AuthCard title="Sign in to Deskpulse" subtitle="Use the email and password your admin gave you.">
      {params.created === "1" && (
        <p role="status" className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Your admin account is ready. Sign in with it to invite your team.
        </p>
      )}
      <SignInForm next={next} />
    </AuthCard>
  );
}
