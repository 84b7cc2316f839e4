"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";
import { describeFormulaError, FORMULA_UNITS } from "@/lib/kpi/custom/formula-tree";
import { previewCustomKpi, type CustomKpiPreview } from "@/lib/kpi/custom/preview-custom-kpi";
import { CustomKpiInputError, saveCustomKpi, ZCustomKpiInput } from "@/lib/kpi/custom/save-custom-kpi";

/** Saves the form as a new custom KPI, or as the next version of `key`. */
export async function saveCustomKpiAction(key: string | null, _state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("kpis:manage");
  const text = (name: string) => String(form.get(name) ?? "");
  const parsed = ZCustomKpiInput.safeParse({ name: text("name"), description: text("description"), unit: text("unit"), direction: text("direction"), formula: text("formula") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  try {
    const saved = await saveCustomKpi(ctx.prisma, parsed.data, { ...(key !== null && { key }), savedBy: ctx.user.id });
    revalidatePath("/settings/kpis");
    return { notice: `Saved ${saved.key} (version ${saved.version}). Put it on a dashboard, or set it a target.` };
  } catch (error) {
    if (error instanceof CustomKpiInputError) {
      const message = error.formulaError ? describeFormulaError(error.formulaError) : error.message.slice(error.field.length + 2);
      return { errors: { [error.field === "key" ? "form" : "formula"]: message }, values: resubmittable(form) };
    }
    throw error;
  }
}

const ZPreview = z.object({ formula: z.string().max(2_000), unit: z.enum(FORMULA_UNITS), key: z.string().max(64).optional() });

/** The live preview while typing: today's and the last 30 days' value, or where the formula is wrong. */
export async function previewCustomKpiAction(input: z.input<typeof ZPreview>): Promise<CustomKpiPreview> {
  const ctx = await requireAction("kpis:manage");
  return previewCustomKpi(ctx.prisma, ZPreview.parse(input));
}
