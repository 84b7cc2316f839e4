import "server-only";

import type { UserContext } from "@/lib/auth/guards";
import { loadKpiDirectory, type CustomKpiFact } from "@/lib/kpi/kpi-directory";

export interface CustomKpisPage {
  kpis: Pick<CustomKpiFact, "key" | "name" | "plain" | "formulaUnit" | "direction" | "formula" | "version">[];
  /** The KPI the form edits (`?edit=<key>`), or null: the form defines a new one. */
  editing: { key: string; name: string; description: string; unit: string; direction: string; formula: string } | null;
}

/** Settings → KPIs: every custom KPI's latest version, and the one being edited. */
export async function customKpisPage({ prisma }: UserContext, edit: string | undefined): Promise<CustomKpisPage> {
  const custom = (await loadKpiDirectory(prisma)).custom().filter((fact) => !fact.archived);
  const editing = custom.find((fact) => fact.key === edit);
  return {
    kpis: custom.map(({ key, name, plain, formulaUnit, direction, formula, version }) => ({ key, name, plain, formulaUnit, direction, formula, version })),
    editing: editing
      ? { key: editing.key, name: editing.name, description: editing.plain === editing.name ? "" : editing.plain, unit: editing.formulaUnit, direction: editing.direction, formula: editing.formula }
      : null,
  };
}
