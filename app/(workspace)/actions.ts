"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { getAuth } from "@/lib/auth/get-auth";

// Open to every caller: signing out without a session just lands on the sign-in page.
export async function signOutAction(): Promise<void> {
  const requestHeaders = await headers();
  const auth = await getAuth(requestHeaders);
  await auth.api.signOut({ headers: requestHeaders }).catch(() => undefined);
  redirect("/sign-in");
}
