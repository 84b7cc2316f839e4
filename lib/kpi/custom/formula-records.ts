// Which records list shows the records behind a custom KPI (docs/custom-kpis.md, "Drill-down"):
// the list of its formula's record set, when every aggregate of the formula is over that one set
// (same set, basis and condition) and it refers to no other KPI. The list then filters by the
// set's basis and compiled condition (lib/records/list-records.ts), so its total is the formula's n.

import type { RecordsList } from "../catalog";
import type { TypedNode, TypedSet } from "./formula-tree";
import { RECORD_SETS, type RecordSetDefinition, type RecordSetName, type SetBasis } from "./record-sets";

export type FormulaRecords =
  | { ok: true; list: RecordsList; set: TypedSet; basis: SetBasis }
  /** `why`: the sentence the KPI page shows instead of the link. */
  | { ok: false; why: string };

/** The aggregates' sets of a formula, or null when it refers to another KPI (whose records are its own). */
function setsOf(node: TypedNode): TypedSet[] | null {
  switch (node.kind) {
    case "constant":
      return [];
    case "reference":
      return null;
    case "aggregate":
      return [node.set];
    case "negate":
      return setsOf(node.operand);
    case "binary": {
      const [left, right] = [setsOf(node.left), setsOf(node.right)];
      return left && right ? [...left, ...right] : null;
    }
  }
}

export function formulaRecords(node: TypedNode | null): FormulaRecords {
  if (!node) return { ok: false, why: "Its formula no longer checks, so no records list can be filtered by it." };
  const sets = setsOf(node);
  if (!sets) return { ok: false, why: "Its formula refers to another KPI, so its records are not one list's." };
  // Sets written alike check to equal trees; sets written differently count as different, which at
  // worst withholds a link.
  const distinct = [...new Map(sets.map((set) => [JSON.stringify(set), set])).values()];
  const [set] = distinct;
  if (!set) return { ok: false, why: "Its formula aggregates no records." };
  if (distinct.length > 1) return { ok: false, why: "Its formula combines several record sets, so no one list holds the records behind it." };
  const definition: RecordSetDefinition = RECORD_SETS[set.name as RecordSetName];
  if (!definition.records) return { ok: false, why: `No records list shows ${set.name.replaceAll("_", " ")} yet.` };
  return { ok: true, list: definition.records, set, basis: definition.bases[set.basis]! };
}
