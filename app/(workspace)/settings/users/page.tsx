import type { Metadata } from "next";
import Link from "next/link";

import { Moment, SettingsPage, SettingsSection, TABLE, TD, TH } from "@/components/settings/settings-page";
import { UserForm } from "@/components/settings/user-form";
import { requirePage } from "@/lib/auth/guards";
import { usersPage } from "@/lib/views/settings/users-page";

import { createUserAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const { users, teams, agents, roles, timeZone } = await usersPage(await requirePage("users:manage"));
  return (
    <SettingsPage title="Users" intro="Who can sign in, and what they see: admins everything, managers all but users and keys, team leads their teams, agents their own numbers.">
      <SettingsSection title={`${users.length} user${users.length === 1 ? "" : "s"}`} testId="users-list">
        <div className="overflow-x-auto">
          <table className={TABLE}>
            <thead>
              <tr>
                <th className={TH}>Name</th>
                <th className={TH}>Email</th>
                <th className={TH}>Role</th>
                <th className={TH}>Scope</th>
                <th className={TH}>Last sign-in</th>
                <th className={TH}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td className={`${TD} font-medium`}>{user.name}</td>
                  <td className={TD}>{user.email}</td>
                  <td className={TD}>{user.role}</td>
                  <td className={`${TD} text-slate-600 dark:text-slate-300`}>{user.scope}</td>
                  <td className={`${TD} text-slate-600 dark:text-slate-300`}>
                    <Moment at={user.lastLoginAt} timeZone={timeZone} />
                  </td>
                  <td className={`${TD} text-right`}>
                    <Link href={`/settings/users/${user.id}`} className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline" aria-label={`Edit ${user.email}`}>
                      Edit
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </SettingsSection>
      <SettingsSection title="Add a user">
        <UserForm action={createUserAction} teams={teams} agents={agents} roles={roles} />
      </SettingsSection>
    </SettingsPage>
  );
}
