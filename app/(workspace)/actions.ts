"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { signOut } from "@/lib/auth/sign-out";

// Open to every caller: signing out without a session just lands on the sign-in page.
export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/sign-in");
}
