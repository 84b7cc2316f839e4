import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";

import { SettingsPage, SettingsSection } from "@/components/settings/settings-page";
import { UserForm } from "@/components/settings/user-form";
import { requirePage } from "@/lib/auth/guards";
import { userPage } from "@/lib/views/settings/user-page";

import { deleteUserAction, updateUserAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit user" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePage("users:manage");
  const id = z.coerce.number().int().positive().safeParse((await params).id);
  const view = id.success ? await userPage(ctx, id.data) : null;
  if (!view) notFound();
  const { user, deletable, teams, agents, roles } = view;
  return (
    <SettingsPage title={user.name} intro="Change the role, scope or password. A new password signs the user out everywhere.">
      <Link href="/settings/users" className="text-sm font-medium text-indigo-700 dark:text-indigo-300 hover:underline">
        ← All users
      </Link>
      <SettingsSection title="Account">
        <UserForm
          action={updateUserAction.bind(null, user.id)}
          deleteAction={deletable ? deleteUserAction.bind(null, user.id) : undefined}
          teams={teams}
          agents={agents}
          roles={roles}
          user={user}
        />
      </SettingsSection>
    </SettingsPage>
  );
}
