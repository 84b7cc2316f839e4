"use client";

import { useActionState } from "react";

import { BUTTON_DANGER, BUTTON_PRIMARY, Field } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

interface Option {
  externalId: string;
  name: string;
}

interface UserFormProps {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  teams: Option[];
  agents: Option[];
  roles: { value: string; label: string }[];
  /** Present when editing; creating asks for an email and requires a password. */
  user?: { email: string; name: string; role: string; teams: string[]; agent: string | null };
  deleteAction?: (state: FormState) => Promise<FormState>;
}

/** Create or edit a user: role, the teams a team lead leads, the agent an agent user is. */
export function UserForm({ action, teams, agents, roles, user, deleteAction }: UserFormProps) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const [deleteState, remove, deleting] = useActionState<FormState>(deleteAction ?? (async () => ({})), {});
  const errors = { ...state.errors, ...deleteState.errors };
  // A refused form shows what was sent (React resets a form after its action).
  const sent = state.values;
  const teamsChecked = sent ? (sent.teams ?? []) : (user?.teams ?? []);
  return (
    <div className="space-y-4">
      <form action={submit} className="grid gap-4 md:grid-cols-2" data-testid="user-form">
        {user ? (
          <p className="text-sm text-slate-600 dark:text-slate-300 md:col-span-2">
            Email: <span className="font-medium text-slate-900">{user.email}</span>
          </p>
        ) : (
          <Field label="Email" name="email" type="email" required defaultValue={sent?.email?.[0]} error={errors.email} />
        )}
        <Field label="Name" name="name" defaultValue={sent?.name?.[0] ?? user?.name} required={Boolean(user)} error={errors.name} placeholder={user ? undefined : "From the email if empty"} />
        <Field
          label={user ? "New password (leave empty to keep)" : "Password (at least 8 characters)"}
          name="password"
          type="password"
          autoComplete="new-password"
          required={!user}
          error={errors.password}
        />
        <label className="block">
          <span className="text-sm font-medium text-slate-700 dark:text-slate-200">Role</span>
          <select
            name="role"
            defaultValue={sent?.role?.[0] ?? user?.role ?? "agent"}
            className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 focus-visible:ring-2 focus-visible:ring-indigo-500/40 dark:border-slate-600 dark:bg-slate-900"
          >
            {roles.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label}
              </option>
            ))}
          </select>
          {errors.role && <span className="mt-1 block text-sm text-red-700">{errors.role}</span>}
        </label>
        <fieldset className="md:col-span-2">
          <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">Teams led (team leads only)</legend>
          <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
            {teams.map((team) => (
              <label key={team.externalId} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="teams" value={team.externalId} defaultChecked={teamsChecked.includes(team.externalId)} className="h-4 w-4 accent-indigo-600" />
                {team.name}
              </label>
            ))}
            {teams.length === 0 && <span className="text-sm text-slate-500 dark:text-slate-400">No teams yet: they appear when data arrives.</span>}
          </div>
          {errors.teams && <span className="mt-1 block text-sm text-red-700">{errors.teams}</span>}
        </fieldset>
        <label className="block">
          <span className="text-sm font-medium text-slate-700 dark:text-slate-200">Agent (agent users only)</span>
          <select
            name="agent"
            defaultValue={sent?.agent?.[0] ?? user?.agent ?? ""}
            className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 focus-visible:ring-2 focus-visible:ring-indigo-500/40 dark:border-slate-600 dark:bg-slate-900"
          >
            <option value="">None</option>
            {agents.map((agent) => (
              <option key={agent.externalId} value={agent.externalId}>
                {agent.name} ({agent.externalId})
              </option>
            ))}
          </select>
          {errors.agent && <span className="mt-1 block text-sm text-red-700">{errors.agent}</span>}
        </label>
        <div className="flex items-end gap-3 md:col-span-2">
          <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
            {pending ? "Saving…" : user ? "Save changes" : "Create user"}
          </button>
          {state.notice && (
            <p role="status" className="text-sm text-emerald-800">
              {state.notice}
            </p>
          )}
        </div>
      </form>
      {errors.form && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.form}
        </p>
      )}
      {deleteAction && (
        <form
          action={remove}
          onSubmit={(event) => {
            if (!window.confirm(`Delete ${user?.email}? They are signed out at once.`)) event.preventDefault();
          }}
        >
          <button type="submit" className={BUTTON_DANGER} disabled={deleting}>
            Delete user
          </button>
        </form>
      )}
    </div>
  );
}
