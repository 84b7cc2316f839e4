"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { alertRuleInputSchema, type AlertRuleInput } from "@/lib/alerts/alert-rules";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { AlertChannelError, createAlertRule, deleteAlertRule, setAlertRuleEnabled } from "@/lib/alerts/manage-alert-rules";
import { requireAction } from "@/lib/auth/guards";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";
import { loadKpiDirectory } from "@/lib/kpi/kpi-directory";

const PATH = "/settings/alerts";

export async function createAlertRuleAction(_state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("alerts:manage");
  const text = (name: string) => (form.get(name) as string | null) ?? undefined;
  const input = {
    name: text("name") ?? "",
    kind: text("kind"),
    kpiKey: text("kpiKey"),
    team: text("team"),
    channel: text("channel"),
    queue: text("queue"),
    window: text("window"),
    condition: text("condition"),
    threshold: text("threshold"),
    moreThan: text("moreThan"),
    horizonMinutes: text("horizonMinutes"),
    holdMinutes: text("holdMinutes") || undefined,
    channelIds: form.getAll("channelIds"),
    notifyManagers: form.get("notifyManagers") === "on",
    quietStart: text("quietStart"),
    quietEnd: text("quietEnd"),
    quietDays: form.getAll("quietDays"),
  };
  const parsed = alertRuleInputSchema(await loadKpiDirectory(ctx.prisma)).safeParse(input);
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  try {
    // It parsed, so it is the schema's input; createAlertRule parses it again as every caller's guard.
    await createAlertRule(ctx, input as AlertRuleInput);
  } catch (error) {
    if (error instanceof AlertChannelError) return { errors: { channelIds: "A chosen channel no longer exists." }, values: resubmittable(form) };
    throw error;
  }
  revalidatePath(PATH);
  return { notice: "Alert rule created. It is checked every 30 seconds." };
}

export async function setAlertRuleEnabledAction(id: number, enabled: boolean): Promise<void> {
  const ctx = await requireAction("alerts:manage");
  await setAlertRuleEnabled(ctx, z.number().int().positive().parse(id), z.boolean().parse(enabled));
  revalidatePath(PATH);
}

export async function deleteAlertRuleAction(id: number): Promise<void> {
  const ctx = await requireAction("alerts:manage");
  await deleteAlertRule(ctx, z.number().int().positive().parse(id));
  revalidatePath(PATH);
}

/** The evaluation the timer runs, now and for every rule (no claim interval). */
export async function checkAlertsNowAction(): Promise<void> {
  const ctx = await requireAction("alerts:manage");
  await evaluateAlerts(ctx.prisma, { minIntervalMs: 0 });
  revalidatePath(PATH);
}
