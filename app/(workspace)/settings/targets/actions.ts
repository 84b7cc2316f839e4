"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { snapshotCache } from "@/lib/dashboards/load-dashboard";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";
import { deleteTarget, saveTarget, TargetScopeError, ZTargetInput } from "@/lib/targets/targets";

export async function saveTargetAction(_state: FormState, form: FormData): Promise<FormState> {
  const { prisma } = await requireAction("targets:manage");
  const scope = String(form.get("scope") ?? "");
  const parsed = ZTargetInput.safeParse({
    kpiKey: form.get("kpiKey") ?? "",
    team: scope.startsWith("team:") ? scope.slice(5) : undefined,
    agent: scope.startsWith("agent:") ? scope.slice(6) : undefined,
    value: form.get("value") || undefined,
    warning: form.get("warning") || undefined,
    critical: form.get("critical") || undefined,
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  try {
    await saveTarget(prisma, parsed.data);
  } catch (error) {
    if (error instanceof TargetScopeError) return { errors: { scope: `Unknown ${error.field}.` }, values: resubmittable(form) };
    throw error;
  }
  snapshotCache.clear();
  revalidatePath("/settings/targets");
  return { notice: "Target saved. Dashboards show it from their next refresh." };
}

export async function deleteTargetAction(id: number): Promise<void> {
  const { prisma } = await requireAction("targets:manage");
  await deleteTarget(prisma, z.number().int().positive().parse(id));
  snapshotCache.clear();
  revalidatePath("/settings/targets");
}
