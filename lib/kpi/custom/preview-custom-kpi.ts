import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getOrgSettings } from "@/lib/org/get-org-settings";

import { formatKpiValue } from "../format-kpi-value";
import { getKpiSnapshot } from "../get-kpi-snapshot";
import { draftKpiFact, loadKpiDirectory, makeKpiDirectory, type CustomKpiKey } from "../kpi-directory";
import { NO_FILTERS, NO_GROUPING } from "../kpi-query";
import { presetWindow } from "../time-windows";
import { checkFormula } from "./check-formula";
import type { FormulaError, FormulaUnit } from "./formula-tree";

export interface PreviewInput {
  formula: string;
  unit: FormulaUnit;
  /** The KPI being edited, so that a reference back to it is found as a cycle; absent for a new one. */
  key?: string;
}

export interface PreviewFigure {
  value: number | null;
  formatted: string;
  n: number;
  note?: string;
}

export type CustomKpiPreview = { ok: true; today: PreviewFigure; last30Days: PreviewFigure } | { ok: false; error: FormulaError };

const DRAFT_KEY: CustomKpiKey = "custom_preview";

/**
 * A formula as it is being typed, checked against the KPIs saved now and computed for today and
 * the last 30 days through getKpiSnapshot, with the draft standing in the directory for a saved
 * version: the preview is what the KPI will show once saved.
 */
export async function previewCustomKpi(prisma: PrismaClient, input: PreviewInput, now = new Date()): Promise<CustomKpiPreview> {
  const [directory, org] = await Promise.all([loadKpiDirectory(prisma), getOrgSettings(prisma)]);
  const known = new Map(directory.custom().map((fact) => [fact.key as string, { unit: fact.formulaUnit, live: fact.live === true, references: fact.references }]));
  const checked = checkFormula(input.formula, { self: input.key, customKpi: (key) => known.get(key), declaredUnit: input.unit });
  if (!checked.ok) return { ok: false, error: checked.error };
  const key = (input.key as CustomKpiKey | undefined) ?? DRAFT_KEY;
  const draft = draftKpiFact(key, checked.value, { name: "Preview", unit: input.unit, direction: "neutral" });
  const withDraft = makeKpiDirectory([...directory.custom().filter((fact) => fact.key !== key), draft]);
  const figure = async (preset: "today" | "last_30_days"): Promise<PreviewFigure> => {
    const window = presetWindow(preset, now, org.timeZone);
    const q = { ...window, timeZone: org.timeZone, now, serviceLevelSeconds: org.serviceLevelSeconds, filters: NO_FILTERS, grouping: NO_GROUPING };
    const entry = (await getKpiSnapshot(prisma, [key], q, { directory: withDraft })).get(key)!;
    return { value: entry.value, formatted: formatKpiValue(entry.value, entry.unit), n: entry.n, ...(entry.note && { note: entry.note }) };
  };
  const [today, last30Days] = await Promise.all([figure("today"), figure("last_30_days")]);
  return { ok: true, today, last30Days };
}
