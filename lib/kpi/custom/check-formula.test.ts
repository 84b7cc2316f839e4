import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { WINDOW_UNITS, wellTypedFormula } from "@/lib/testing/formula-arbitraries";

import { getKpiDefinition, KPI_KEYS } from "../catalog";
import { BUILT_IN_FORMULAS } from "./built-in-formulas";
import { checkFormula, type FormulaContext, type KnownCustomKpi } from "./check-formula";
import type { FormulaUnit, TypedNode } from "./formula-tree";

function checked(text: string, context?: FormulaContext): TypedNode {
  const result = checkFormula(text, context);
  if (!result.ok) throw new Error(`${result.error.line}:${result.error.column}: ${result.error.message} in ${text}`);
  return result.value;
}

function refusal(text: string, context?: FormulaContext) {
  const result = checkFormula(text, context);
  if (result.ok) throw new Error(`accepted: ${text}`);
  return result.error;
}

const CATALOG_UNITS = { count: "count", seconds: "duration", percent: "percent", score: "score", ratio: "number" } as const;

describe("checkFormula", () => {
  test.each(KPI_KEYS)("the formula of the built-in %s gives the catalog's unit and liveness", (key) => {
    const { formula, unit } = BUILT_IN_FORMULAS[key];
    const definition = getKpiDefinition(key);
    const typed = checked(formula, { declaredUnit: unit ?? CATALOG_UNITS[definition.unit] });
    expect(typed.live).toBe(definition.live === true);
    expect(unit ?? typed.unit).toBe(CATALOG_UNITS[definition.unit]);
  });

  test("constants are held in the tree's own measure: seconds and fractions", () => {
    expect(checked("1.5h")).toMatchObject({ kind: "constant", value: 5_400, unit: "duration" });
    expect(checked("80%")).toMatchObject({ kind: "constant", value: 0.8, unit: "percent" });
    expect(checked("count(tickets by solved where business resolution <= 4h)")).toMatchObject({
      set: { where: { kind: "compare", field: { name: "resolution", clock: "business" }, op: "<=", value: 14_400 } },
    });
  });

  test("= and != on names become value lists, != negated; the basis defaults when a set has one", () => {
    expect(checked('count(calls where queue != "Q-1" and team in ("A", "B"))')).toMatchObject({
      set: {
        name: "calls", basis: "ended",
        where: { kind: "and", parts: [{ kind: "in", values: ["Q-1"], negated: true }, { kind: "in", values: ["A", "B"], negated: false }] },
      },
    });
  });

  test.each<[string, FormulaUnit]>([
    ["count(tickets by created) + 5", "count"],
    ["5 - count(tickets by created)", "count"],
    ["tickets_solved / ticket_volume", "number"],
    ["share(tickets by solved, reopens > 1) * count(tickets by solved)", "count"],
    ["sum(handle of calls) / count(calls)", "duration"],
    ["count(calls where answered) / (sum(duration of agent_status where status = available) / 1h)", "count"],
    ["csat - 5%", "percent"],
    ["fcr_rate * 80%", "percent"],
    ["aht / 2", "duration"],
    ["-ces + 1", "score"],
    ["agents_available + count(agents_now where status = busy) + 1", "count"],
    ["4h / 1h", "number"],
  ])("%s is %s", (text, unit) => {
    expect(checked(text).unit).toBe(unit);
  });

  test.each([
    ["aht + csat", 5, "cannot add a percent to a duration"],
    ["csat - aht", 6, "cannot subtract a duration from a percent"],
    ["aht + 30", 7, "bare number next to a duration is ambiguous"],
    ["5 + csat", 1, "write it with %"],
    ["aht * tickets_solved", 5, "cannot multiply a duration by a count"],
    ["tickets_solved / aht", 16, "divide the duration by 1h first"],
    ["tickets_solved + agents_available", 16, "describes now"],
    ["count(tickets)", 7, "say which tickets: tickets by created, tickets by solved, tickets by first_answered"],
    ["count(tickets by closed)", 18, 'cannot be taken by "closed"'],
    ["count(ticket by created)", 7, 'unknown record set "ticket"'],
    ["count(tickets by created where prority = high)", 32, 'unknown field "prority" of tickets: one of team, agent, channel, priority'],
    ["count(tickets by created where priority = critical)", 43, "priority is one of low, normal, high, urgent"],
    ["count(tickets by created where team = T1)", 39, 'write it in quotes, as in team = "T1"'],
    ["count(tickets by created where priority > high)", 32, "not >"],
    ["count(tickets by created where reopens)", 32, "compare it, as in reopens > 0"],
    ["count(tickets by created where resolution > 40)", 45, "write the threshold with its unit"],
    ["count(tickets by created where reopens > 2h)", 42, "without a unit"],
    ["count(tickets by created where resolved = yes)", 43, "write resolved or not resolved"],
    ["mean(business handle of calls)", 6, "handle has no business clock"],
    ["mean(channel of tickets by created)", 6, "mean needs a number or a duration"],
    ["distinct(answered of calls)", 10, "distinct counts different values"],
    ["unknown_kpi * 2", 1, 'unknown KPI "unknown_kpi"'],
    ["tickets * 2", 1, "tickets is a record set; aggregate it, as in count(tickets by created)"],
  ])("%j is refused at column %i", (text, column, message) => {
    const error = refusal(text);
    expect(error.message).toContain(message);
    expect(error.column).toBe(column);
  });

  test("the first problem in the order written is the one reported", () => {
    expect(refusal("count(tickets by nope) + aht + count(calls by never)").column).toBe(18);
  });

  test("a declared unit must be the formula's, though a percent may be shown as a score or a number", () => {
    expect(checked("csat - 5%", { declaredUnit: "score" }).unit).toBe("percent");
    expect(refusal("aht", { declaredUnit: "count" }).message).toBe("the formula gives a duration, not a count: declare the unit duration");
  });

  describe("references to custom KPIs", () => {
    const customs: Record<string, KnownCustomKpi> = {
      custom_a: { unit: "count", live: false, references: ["custom_b", "tickets_solved"] },
      custom_b: { unit: "count", live: false, references: ["custom_c"] },
      custom_c: { unit: "count", live: false, references: [] },
      custom_now: { unit: "count", live: true, references: ["agents_available"] },
    };
    const customKpi = (key: string) => customs[key];

    test("take the referenced version's unit and liveness", () => {
      expect(checked("custom_a / tickets_solved", { customKpi })).toMatchObject({ unit: "number", left: { kind: "reference", custom: true } });
      expect(refusal("custom_now + custom_a", { customKpi }).message).toContain("describes now");
    });

    test("a path back to the KPI being defined is a cycle, named in full", () => {
      expect(refusal("custom_a + 1", { customKpi, self: "custom_c" }).message).toBe("a cycle: custom_c → custom_a → custom_b → custom_c");
      expect(refusal("2 * custom_c", { customKpi, self: "custom_c" })).toMatchObject({ column: 5, message: "custom_c cannot refer to itself" });
      expect(checked("custom_a + 1", { customKpi, self: "custom_new" }).unit).toBe("count");
    });

    test("a chain of references deeper than the limit is refused", () => {
      const chain = (key: string): KnownCustomKpi | undefined => {
        const n = Number(key.replace("custom_", ""));
        return Number.isInteger(n) ? { unit: "count", live: false, references: n < 20 ? [`custom_${n + 1}`] : [] } : undefined;
      };
      expect(refusal("custom_1", { customKpi: chain }).message).toContain("deeper than 12 KPIs");
      expect(checked("custom_15", { customKpi: chain }).unit).toBe("count");
    });
  });

  test("a formula with more aggregates than the limit is refused at the first one past it", () => {
    const text = Array.from({ length: 65 }, () => "count(calls)").join(" + ");
    expect(refusal(text)).toMatchObject({ column: 64 * "count(calls) + ".length + 1, message: "a formula has at most 64 aggregates" });
  });

  describe("random formulas", () => {
    const unitAndFormula = fc.constantFrom(...WINDOW_UNITS).chain((unit) => wellTypedFormula(unit).map((text) => ({ unit, text })));

    test("a well-typed formula checks, with the unit it was built to have", () => {
      fc.assert(
        fc.property(unitAndFormula, ({ unit, text }) => {
          expect(checked(text).unit).toBe(unit);
        }),
        { numRuns: 400 },
      );
    });

    const UNITED = ["count", "duration", "percent", "score"] as const;
    const twoUnits = fc.tuple(fc.constantFrom(...UNITED), fc.constantFrom(...UNITED)).filter(([a, b]) => a !== b);

    test("adding or subtracting two different units is refused at the operator", () => {
      fc.assert(
        fc.property(
          twoUnits.chain(([a, b]) => fc.tuple(wellTypedFormula(a, 2), fc.constantFrom("+", "-"), wellTypedFormula(b, 2))),
          ([left, op, right]) => {
            const text = `(${left}) ${op} (${right})`;
            const error = refusal(text);
            expect(error.column).toBe(left.length + 4);
            expect(error.message).toMatch(op === "+" ? /^cannot add / : /^cannot subtract /);
          },
        ),
        { numRuns: 150 },
      );
    });

    test("multiplying two units neither of which is a number or a percent is refused at the operator", () => {
      const unscaled = fc.constantFrom("count", "duration", "score");
      fc.assert(
        fc.property(
          fc.tuple(unscaled, unscaled).chain(([a, b]) => fc.tuple(wellTypedFormula(a, 2), wellTypedFormula(b, 2))),
          ([left, right]) => {
            const error = refusal(`(${left}) * (${right})`);
            expect(error.column).toBe(left.length + 4);
            expect(error.message).toMatch(/^cannot multiply /);
          },
        ),
        { numRuns: 150 },
      );
    });

    test("an unknown field anywhere is refused at that field, naming it", () => {
      fc.assert(
        fc.property(unitAndFormula, ({ text }) => {
          // The operands are checked before the operator, so the field is the first problem even where the units differ.
          const withTypo = `${text} + count(tickets by created where chanel = chat)`;
          const error = refusal(withTypo);
          expect(error.message).toMatch(/^unknown field "chanel" of tickets/);
          expect(error.column).toBe(withTypo.lastIndexOf("chanel = chat") + 1);
        }),
        { numRuns: 200 },
      );
    });
  });
});
