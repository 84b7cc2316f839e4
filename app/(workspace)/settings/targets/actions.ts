"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";
import { deleteTarget, saveTarget, TargetScopeError } from "@/lib/targets/manage-targets";
import { loadKpiDirectory } from "@/lib/kpi/kpi-directory";
import { targetInputSchema } from "@/lib/targets/targets";

export async function saveTargetAction(_state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("targets:manage");
  const scope = String(form.get("scope") ?? "");
  const parsed = targetInputSchema(await loadKpiDirectory(ctx.prisma)).safeParse({
    kpiKey: form.get("kpiKey") ?? "",
    team: scope.startsWith("team:") ? scope.slice(5) : undefined,
    agent: scope.startsWith("agent:") ? scope.slice(6) : undefined,
    value: form.get("value") || undefined,
    warning: form.get("warning") || undefined,
    critical: form.get("critical") || undefined,
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  try {
    await saveTarget(ctx, parsed.data);
  } catch (error) {
    if (error instanceof TargetScopeError) return { errors: { scope: `Unknown ${error.field}.` }, values: resubmittable(form) };
    throw error;
  }
  revalidatePath("/settings/targets");
  return { notice: "Target saved. Dashboards show it from their next refresh." };
}

export async function deleteTargetAction(id: number): Promise<void> {
  const ctx = await requireAction("targets:manage");
  await deleteTarget(ctx, z.number().int().positive().parse(id));
  revalidatePath("/settings/targets");
}
