import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";

import { SettingsPage, SettingsSection } from "@/components/settings/settings-page";
import { UserForm } from "@/components/settings/user-form";
import { requirePage } from "@/lib/auth/guards";
import { loadSessionUser } from "@/lib/auth/principal";
import { ROLE_LABELS, ROLES } from "@/lib/auth/users";

import { deleteUserAction, updateUserAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit user" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { prisma, user: me } = await requirePage("users:manage");
  const id = z.coerce.number().int().positive().safeParse((await params).id);
  const user = id.success ? await loadSessionUser(prisma, id.data) : null;
  if (!user) notFound();
  const [teams, agents] = await Promise.all([
    prisma.team.findMany({ select: { externalId: true, name: true }, orderBy: { name: "asc" } }),
    prisma.agent.findMany({ select: { externalId: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return (
    <SettingsPage title={user.name} intro="Change the role, scope or password. A new password signs the user out everywhere.">
      <Link href="/settings/users" className="text-sm font-medium text-indigo-700 hover:underline">
        ← All users
      </Link>
      <SettingsSection title="Account">
        <UserForm
          action={updateUserAction.bind(null, user.id)}
          deleteAction={user.id === me.id ? undefined : deleteUserAction.bind(null, user.id)}
          teams={teams}
          agents={agents}
          roles={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
          user={{ email: user.email, name: user.name, role: user.role, teams: user.teams.map((t) => t.externalId), agent: user.agent?.externalId ?? null }}
        />
      </SettingsSection>
    </SettingsPage>
  );
}
