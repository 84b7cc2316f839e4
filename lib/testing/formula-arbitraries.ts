import fc from "fast-check";

import { KPI_CATALOG, type KpiUnit } from "@/lib/kpi/catalog";
import type { FormulaUnit } from "@/lib/kpi/custom/formula-tree";
import { RECORD_SETS, type FieldDefinition, type RecordSetDefinition } from "@/lib/kpi/custom/record-sets";

/** Formulas over a period (no live set or KPI), with the unit the checker must give each. */
export const WINDOW_UNITS = ["count", "duration", "percent", "score", "number"] as const satisfies readonly FormulaUnit[];

const CATALOG_UNITS: Record<KpiUnit, FormulaUnit> = { count: "count", seconds: "duration", percent: "percent", score: "score", ratio: "number" };

const WINDOW_SETS = Object.entries(RECORD_SETS).filter(([, set]) => !("live" in set)) as [string, RecordSetDefinition][];

const externalId = fc.stringMatching(/^[A-Za-z0-9 _"\\-]{1,8}$/).map((id) => `"${id.replace(/[\\"]/g, (c) => `\\${c}`)}"`);
const integer = fc.integer({ min: 0, max: 500 }).map(String);
const duration = fc.tuple(fc.integer({ min: 1, max: 90 }), fc.constantFrom("s", "m", "h", "d")).map(([n, unit]) => `${n}${unit}`);
const decimal = fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([whole, part]) => (part ? `${whole}.${part}` : String(whole)));
const comparison = fc.constantFrom("<", "<=", ">", ">=", "=", "!=");

function comparisonOf(name: string, field: FieldDefinition): fc.Arbitrary<string> {
  const t = field.type;
  switch (t.type) {
    case "dimension":
    case "text":
      return fc.oneof(
        fc.tuple(fc.constantFrom("=", "!="), externalId).map(([op, id]) => `${name} ${op} ${id}`),
        fc.array(externalId, { minLength: 1, maxLength: 3 }).map((ids) => `${name} in (${ids.join(", ")})`),
      );
    case "enum": {
      const value = fc.constantFrom(...t.values);
      return fc.oneof(
        fc.tuple(fc.constantFrom("=", "!="), value).map(([op, v]) => `${name} ${op} ${v}`),
        fc.uniqueArray(value, { minLength: 1, maxLength: t.values.length }).map((vs) => `${name} in (${vs.join(", ")})`),
      );
    }
    case "integer":
      return fc.tuple(comparison, integer).map(([op, n]) => `${name} ${op} ${n}`);
    case "duration": {
      const clock = t.businessHours ? fc.constantFrom("", "business ", "calendar ") : fc.constant("");
      return fc.tuple(clock, comparison, duration).map(([c, op, d]) => `${c}${name} ${op} ${d}`);
    }
    case "flag":
      return fc.constant(name);
  }
}

function conditionOf(set: RecordSetDefinition): fc.Arbitrary<string> {
  const comparisons = Object.entries(set.fields).map(([name, field]) => comparisonOf(name, field));
  return fc.letrec<{ condition: string }>((tie) => ({
    condition: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.oneof(...comparisons),
      tie("condition").map((c) => `not (${c})`),
      fc.tuple(tie("condition"), fc.constantFrom("and", "or"), tie("condition")).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    ),
  })).condition;
}

const setOf = ([name, set]: [string, RecordSetDefinition]): fc.Arbitrary<string> => {
  const bases = Object.keys(set.bases);
  const basis = "basisRequired" in set ? fc.constantFrom(...bases).map((b) => ` by ${b}`) : fc.constantFrom("", ...bases.map((b) => ` by ${b}`));
  return fc.tuple(basis, fc.option(conditionOf(set), { nil: undefined })).map(([b, where]) => `${name}${b}${where ? ` where ${where}` : ""}`);
};

/** Aggregates of `op(field of set)` over every window set's fields of one kind. */
function fieldAggregates(ops: readonly string[], fits: (field: FieldDefinition) => boolean): fc.Arbitrary<string>[] {
  return WINDOW_SETS.flatMap((entry) =>
    Object.entries(entry[1].fields)
      .filter(([, field]) => fits(field))
      .map(([name, field]) => {
        const clock = field.type.type === "duration" && field.type.businessHours ? fc.constantFrom("", "business ", "calendar ") : fc.constant("");
        return fc.tuple(fc.constantFrom(...ops), clock, setOf(entry)).map(([op, c, set]) => `${op}(${c}${name} of ${set})`);
      }),
  );
}

const references = (unit: FormulaUnit) =>
  KPI_CATALOG.filter((kpi) => !("live" in kpi) && CATALOG_UNITS[kpi.unit] === unit).map((kpi) => kpi.key);

function leafOf(unit: FormulaUnit): fc.Arbitrary<string> {
  const refs = references(unit);
  const options: fc.Arbitrary<string>[] = refs.length ? [fc.constantFrom(...refs)] : [];
  switch (unit) {
    case "count":
      options.push(
        ...WINDOW_SETS.map((entry) => setOf(entry).map((set) => `count(${set})`)),
        ...fieldAggregates(["distinct"], (f) => f.type.type !== "flag" && f.type.type !== "duration"),
        ...fieldAggregates(["sum", "mean", "median", "p90", "max"], (f) => f.type.type === "integer" && f.type.unit === "count"),
      );
      break;
    case "duration":
      options.push(duration, ...fieldAggregates(["sum", "mean", "median", "p90", "max"], (f) => f.type.type === "duration"));
      break;
    case "percent":
      options.push(
        decimal.map((n) => `${n}%`),
        ...WINDOW_SETS.map((entry) => fc.tuple(setOf(entry), conditionOf(entry[1])).map(([set, c]) => `share(${set}, ${c})`)),
      );
      break;
    case "score":
      options.push(...fieldAggregates(["sum", "mean", "median", "p90", "max"], (f) => f.type.type === "integer" && f.type.unit === "score"));
      break;
    case "number":
      options.push(decimal);
      break;
  }
  return fc.oneof(...options);
}

const cache = new Map<string, fc.Arbitrary<string>>();

/**
 * A random formula over a period that the checker must accept with `unit`, built by the unit rules
 * of docs/custom-kpis.md: sums of one unit (a bare number beside a count, score or number), scaling
 * by numbers and percents, ratios of one unit, per-record division by a count, negation, brackets.
 */
export function wellTypedFormula(unit: FormulaUnit, depth = 3): fc.Arbitrary<string> {
  const id = `${unit}/${depth}`;
  const cached = cache.get(id);
  if (cached) return cached;
  const leaf = leafOf(unit);
  if (depth === 0) return leaf;
  const same = wellTypedFormula(unit, depth - 1);
  const of = (u: FormulaUnit) => wellTypedFormula(u, depth - 1);
  const scales = unit === "number" ? [of("number")] : [of("number"), of("percent")];
  const divisors = unit === "number" || unit === "percent" ? [of("number")] : unit === "count" ? scales : [...scales, of("count")];
  const options = [
    leaf,
    fc.tuple(same, fc.constantFrom("+", "-"), same).map(([a, op, b]) => `${a} ${op} (${b})`),
    fc.tuple(same, fc.oneof(...scales)).map(([a, s]) => `(${a}) * (${s})`),
    fc.tuple(fc.oneof(...scales), same).map(([s, a]) => `(${s}) * (${a})`),
    fc.tuple(same, fc.oneof(...divisors)).map(([a, d]) => `(${a}) / (${d})`),
    same.map((a) => `-(${a})`),
  ];
  if (unit === "count" || unit === "score" || unit === "number") options.push(fc.tuple(same, integer).map(([a, n]) => `(${a}) + ${n}`));
  if (unit === "number") options.push(fc.constantFrom(...WINDOW_UNITS).chain((u) => fc.tuple(of(u), of(u)).map(([a, b]) => `(${a}) / (${b})`)));
  const arbitrary = fc.oneof({ depthSize: "small" }, ...options);
  cache.set(id, arbitrary);
  return arbitrary;
}
