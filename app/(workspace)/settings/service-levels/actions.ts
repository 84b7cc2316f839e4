"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { UnknownTeamError, type ScheduleOwner } from "@/lib/business-hours/save-schedule";
import { parseDayHours, parseHolidays, WEEKDAY_NAMES, WEEKDAYS, ZScheduleInput } from "@/lib/business-hours/schedule";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";
import { changeSchedule, changeSlaPolicies, resetTeamSchedule } from "@/lib/sla/manage-service-levels";
import { PRIORITIES, ZSlaPolicy } from "@/lib/sla/sla-policies";

const PATH = "/settings/service-levels";
const ZOwner = z.union([z.literal("org"), z.string().regex(/^team:.+/)]);

/** The organisation's ("org") or a team's ("team:<externalId>") weekly hours and holidays. */
export async function saveScheduleAction(owner: string, _state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("settings:manage");
  const who: ScheduleOwner = ZOwner.parse(owner) === "org" ? { kind: "org" } : { kind: "team", team: owner.slice(5) };
  const errors: Record<string, string> = {};
  const weeklyHours: Record<string, unknown> = {};
  for (const day of WEEKDAYS) {
    const parsed = parseDayHours(String(form.get(`day${day}`) ?? ""));
    if (typeof parsed === "string") errors[`day${day}`] = `${WEEKDAY_NAMES[day]}: ${parsed}.`;
    else weeklyHours[day] = parsed;
  }
  const holidays = parseHolidays(String(form.get("holidays") ?? ""));
  if (typeof holidays === "string") errors.holidays = `${holidays}.`;
  if (Object.keys(errors).length) return { errors, values: resubmittable(form) };

  const parsed = ZScheduleInput.safeParse({ timeZone: form.get("timeZone") ?? "", weeklyHours, holidays });
  if (!parsed.success) {
    const named = Object.fromEntries(
      parsed.error.issues.map((issue) => {
        const [field, day] = issue.path.map(String);
        const name = field === "weeklyHours" ? `day${day}` : (field ?? "form");
        const prefix = field === "weeklyHours" ? `${WEEKDAY_NAMES[day as keyof typeof WEEKDAY_NAMES]}: ` : "";
        return [name, `${prefix}${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`];
      }),
    );
    return { errors: named, values: resubmittable(form) };
  }
  try {
    await changeSchedule(ctx, who, parsed.data);
  } catch (error) {
    if (error instanceof UnknownTeamError) return { errors: { form: "That team no longer exists." } };
    throw error;
  }
  revalidatePath(PATH);
  return { notice: "Business hours saved. Business-time KPIs use them from the next refresh." };
}

export async function removeTeamScheduleAction(team: string): Promise<void> {
  const ctx = await requireAction("settings:manage");
  await resetTeamSchedule(ctx, z.string().min(1).parse(team));
  revalidatePath(PATH);
}

/** Every priority's targets at once; a target is a duration such as "4h", an empty one means none. */
export async function saveSlaPoliciesAction(_state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("settings:manage");
  const duration = (name: string) => String(form.get(name) ?? "").trim() || null;
  const policies = [];
  for (const priority of PRIORITIES) {
    const parsed = ZSlaPolicy.safeParse({
      priority,
      firstResponseSeconds: duration(`${priority}.firstResponse`),
      firstResponseHours: form.get(`${priority}.firstResponseHours`),
      resolutionSeconds: duration(`${priority}.resolution`),
      resolutionHours: form.get(`${priority}.resolutionHours`),
    });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error)!;
      const [field, message] = Object.entries(errors)[0]!;
      const name = field.startsWith("firstResponse") ? "firstResponse" : "resolution";
      const label = name === "firstResponse" ? "first response" : "resolution";
      return { errors: { [`${priority}.${name}`]: `${priority.charAt(0).toUpperCase()}${priority.slice(1)} ${label}: ${message.toLowerCase()}` }, values: resubmittable(form) };
    }
    policies.push(parsed.data);
  }
  await changeSlaPolicies(ctx, policies);
  revalidatePath(PATH);
  return { notice: "SLA targets saved. The SLA KPIs and the at-risk list use them from the next refresh." };
}
