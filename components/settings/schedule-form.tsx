"use client";

import { useActionState } from "react";

import { BUTTON_PRIMARY, Field } from "@/components/ui/field";
import { formatDayHours, formatHolidays, WEEKDAY_NAMES, WEEKDAYS, type ScheduleInput } from "@/lib/business-hours/schedule";
import type { FormState } from "@/lib/forms/form-state";

interface ScheduleFormProps {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  schedule: ScheduleInput;
  testId: string;
}

/** A week of opening hours (one line per day, several intervals allowed) and the closed days. */
export function ScheduleForm({ action, schedule, testId }: ScheduleFormProps) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const errors = state.errors ?? {};
  const sent = state.values ?? {};
  return (
    <form action={submit} className="space-y-4" data-testid={testId}>
      <Field label="Time zone" name="timeZone" defaultValue={sent.timeZone?.[0] ?? schedule.timeZone} required error={errors.timeZone} className="max-w-sm" />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">Opening hours</legend>
        <p className="text-xs text-slate-500 dark:text-slate-400">Intervals such as 09:00-12:00, 13:00-17:00; leave empty or write “closed” for a day off; 24:00 closes at midnight.</p>
        <div className="mt-2 grid gap-x-6 gap-y-2 md:grid-cols-2">
          {WEEKDAYS.map((day) => (
            <Field
              key={day}
              label={WEEKDAY_NAMES[day]}
              name={`day${day}`}
              defaultValue={sent[`day${day}`]?.[0] ?? formatDayHours(schedule.weeklyHours[day])}
              error={errors[`day${day}`]}
            />
          ))}
        </div>
      </fieldset>
      <label className="block">
        <span className="text-sm font-medium text-slate-700 dark:text-slate-200">Holidays (closed all day)</span>
        <textarea
          name="holidays"
          rows={4}
          defaultValue={sent.holidays?.[0] ?? formatHolidays(schedule.holidays)}
          placeholder={"2026-12-24 Christmas Eve\n2026-12-25 Christmas Day"}
          aria-invalid={errors.holidays ? true : undefined}
          className="mt-1 block w-full max-w-xl rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900"
        />
        <span className="mt-1 block text-xs text-slate-500 dark:text-slate-400">One per line: the date (YYYY-MM-DD), then a name.</span>
        {errors.holidays && <span className="mt-1 block text-sm text-red-700">{errors.holidays}</span>}
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
          {pending ? "Saving…" : "Save hours"}
        </button>
        {state.notice && (
          <p role="status" className="text-sm text-emerald-800">
            {state.notice}
          </p>
        )}
        {errors.form && <p className="text-sm text-red-700">{errors.form}</p>}
      </div>
    </form>
  );
}
