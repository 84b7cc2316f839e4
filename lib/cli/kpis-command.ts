import { parseArgs } from "node:util";

import { z } from "zod";

import type { Database } from "@/lib/db/open-database";
import { describeFormulaError } from "@/lib/kpi/custom/formula-tree";
import { CustomKpiInputError, saveCustomKpi, ZCustomKpiInput } from "@/lib/kpi/custom/save-custom-kpi";

type Command = { usage: string; run(db: Database, args: string[]): Promise<string> };

/**
 * `kpis create` (SPEC section 7, docs/custom-kpis.md): the same saveCustomKpi the settings form's
 * action calls, so the command line and the form accept and refuse the same definitions.
 */
export const kpisCommands: Record<string, Command> = {
  "kpis create": {
    usage:
      "kpis create --name NAME --formula FORMULA [--unit count|duration|percent|score|number] [--direction higher|lower|neutral] [--description TEXT]\n" +
      "                                            define a custom KPI (its key is printed)",
    async run(db, args) {
      const { values } = parseArgs({
        args,
        options: { name: { type: "string" }, formula: { type: "string" }, unit: { type: "string" }, direction: { type: "string" }, description: { type: "string" } },
      });
      const parsed = ZCustomKpiInput.safeParse({ ...values, unit: values.unit ?? "count", direction: values.direction ?? "higher" });
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("\n"));
      try {
        const { key } = await saveCustomKpi(db.prisma, parsed.data);
        console.log(`Created custom KPI "${parsed.data.name}". Use its key in widgets, targets and the KPI API.`);
        return key;
      } catch (error) {
        if (error instanceof CustomKpiInputError) {
          throw new Error(`--formula: ${error.formulaError ? describeFormulaError(error.formulaError) : error.message.slice(error.field.length + 2)}`);
        }
        if (error instanceof z.ZodError) throw new Error(error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("\n"));
        throw error;
      }
    },
  },
};
