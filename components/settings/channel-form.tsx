"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";

import { BUTTON_PRIMARY, Field, SELECT_CLASS } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

type Kind = "email" | "slack" | "teams" | "webhook";

/** Adds a delivery channel; the fields follow its kind, and secret ones are never filled in again. */
export function ChannelForm({ action, kinds }: { action: (state: FormState, form: FormData) => Promise<FormState>; kinds: { value: Kind; label: string }[] }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const errors = state.errors ?? {};
  const sent = state.values ?? {};
  const [kind, setKind] = useState<Kind>((sent.kind?.[0] as Kind | undefined) ?? "email");
  const [security, setSecurity] = useState(sent.security?.[0] ?? "starttls");
  const formRef = useRef<HTMLFormElement>(null);
  // Cleared once a channel is added; a refused form keeps what was typed (React's own reset after an
  // action would put the selects back to their first options while their state says otherwise).
  useEffect(() => {
    if (state.notice) formRef.current?.reset();
  }, [state]);
  const value = (name: string) => sent[name]?.[0];
  return (
    <div className="space-y-4" data-testid="channel-form">
      {state.notice && (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          {state.notice}
        </p>
      )}
      {errors.form && (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      )}
      <form
        ref={formRef}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => submit(data));
        }}
        className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <label className="block">
          <span className="text-sm font-medium text-slate-700 dark:text-slate-200">Kind</span>
          <select name="kind" value={kind} onChange={(event) => setKind(event.target.value as Kind)} className={SELECT_CLASS}>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <Field label="Name" name="name" required defaultValue={value("name")} error={errors.name} placeholder={kind === "email" ? "Managers" : "Support floor"} />
        {kind === "email" ? (
          <>
            <Field label="SMTP host" name="host" required defaultValue={value("host")} error={errors.host} placeholder="smtp.example.com" />
            <Field label="Port" name="port" type="number" required defaultValue={value("port") ?? "587"} error={errors.port} />
            <label className="block">
              <span className="text-sm font-medium text-slate-700 dark:text-slate-200">Security</span>
              <select name="security" value={security} onChange={(event) => setSecurity(event.target.value)} className={SELECT_CLASS}>
                <option value="starttls">STARTTLS (port 587)</option>
                <option value="tls">TLS (port 465)</option>
                <option value="none">None (trusted relay)</option>
              </select>
            </label>
            <Field label="Username" name="username" autoComplete="off" defaultValue={value("username")} error={errors.username} />
            <Field label="Password" name="password" type="password" autoComplete="new-password" error={errors.password} />
            <Field label="From" name="from" type="email" required defaultValue={value("from")} error={errors.from} placeholder="deskpulse@example.com" />
            <Field label="To (comma-separated)" name="to" required defaultValue={value("to")} error={errors.to} placeholder="managers@example.com" className="sm:col-span-2" />
          </>
        ) : (
          <>
            <Field
              label={kind === "webhook" ? "Address" : "Incoming webhook URL"}
              name="url"
              type="password"
              autoComplete="off"
              required
              error={errors.url}
              placeholder={kind === "slack" ? "https://hooks.slack.com/services/…" : kind === "teams" ? "https://…webhook.office.com/…" : "https://ops.example.com/deskpulse"}
              className="sm:col-span-2"
            />
            {kind === "webhook" && <Field label="Signing secret" name="signingSecret" type="password" autoComplete="off" required minLength={16} error={errors.signingSecret} />}
          </>
        )}
        <div className="flex items-end">
          <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
            {pending ? "Adding…" : "Add channel"}
          </button>
        </div>
      </form>
    </div>
  );
}
