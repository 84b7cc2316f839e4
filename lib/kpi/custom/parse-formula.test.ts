import { describe, expect, test } from "vitest";

import type { FormulaNode } from "./formula-tree";
import { parseFormula } from "./parse-formula";

function parsed(text: string): FormulaNode {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function refusal(text: string) {
  const result = parseFormula(text);
  if (result.ok) throw new Error(`parsed: ${text}`);
  return result.error;
}

describe("parseFormula", () => {
  test("* and / bind tighter than + and -, and all associate to the left", () => {
    const tree = parsed("a - b - c * d / e");
    expect(tree).toMatchObject({
      kind: "binary", op: "-",
      left: { kind: "binary", op: "-", left: { key: "a" }, right: { key: "b" } },
      right: { kind: "binary", op: "/", left: { kind: "binary", op: "*", left: { key: "c" }, right: { key: "d" } }, right: { key: "e" } },
    });
  });

  test("constants keep the unit they were written in", () => {
    expect(parsed("4h")).toMatchObject({ kind: "constant", value: 4, suffix: "h" });
    expect(parsed("12.5%")).toMatchObject({ kind: "constant", value: 12.5, suffix: "%" });
    expect(parsed("-.5")).toMatchObject({ kind: "negate", operand: { kind: "constant", value: 0.5, suffix: "" } });
  });

  test("an aggregate holds its set, basis, filter and matching condition", () => {
    const tree = parsed('share(tickets by solved where priority = urgent and team in ("T-1", "T \\"2\\""), business resolution <= 4h)');
    expect(tree).toMatchObject({
      kind: "aggregate", op: "share", field: null,
      set: {
        name: "tickets", basis: { name: "solved" },
        where: {
          kind: "and",
          parts: [
            { kind: "compare", field: { name: "priority", clock: "query" }, op: "=", value: { kind: "name", name: "urgent" } },
            { kind: "in", field: { name: "team" }, values: [{ kind: "string", text: "T-1" }, { kind: "string", text: 'T "2"' }] },
          ],
        },
      },
      matching: { kind: "compare", field: { name: "resolution", clock: "business" }, op: "<=", value: { kind: "constant", value: 4, suffix: "h" } },
    });
  });

  test("and binds tighter than or, not tighter than both", () => {
    const tree = parsed("count(calls where not answered and direction = inbound or abandoned)");
    expect(tree).toMatchObject({
      set: { where: { kind: "or", parts: [{ kind: "and", parts: [{ kind: "not", operand: { kind: "flag" } }, { kind: "compare" }] }, { kind: "flag" }] } },
    });
  });

  test("spans cover what was written, brackets included", () => {
    const text = "  (count(tickets by created)) / 2";
    const tree = parsed(text);
    expect(tree.span).toEqual({ start: 2, end: text.length });
    expect(tree.kind === "binary" && text.slice(tree.left.span.start, tree.left.span.end)).toBe("(count(tickets by created))");
    expect(tree.kind === "binary" && text.slice(tree.opSpan.start, tree.opSpan.end)).toBe("/");
  });

  test.each([
    ["", 1, 1, "the formula is empty"],
    ["count(tickets by created", 1, 25, 'expected ")" to close count('],
    ["tickets_solved tickets_solved", 1, 16, "an operator (+ - * /) is missing"],
    ["tickets_solved)", 1, 15, "this ) closes nothing"],
    ["mean(tickets by solved)", 1, 14, 'expected "of" after the field'],
    ["share(tickets by solved)", 1, 24, 'expected ","'],
    ["count(tickets by created where)", 1, 31, "a field to filter on"],
    ["count(tickets by created where reopens > -1)", 1, 42, "never compared with a negative number"],
    ["tickets_solved / 4hours", 1, 18, '"4hours" is not a number'],
    ['count(tickets by created where team = "T-1)', 1, 39, 'no closing "'],
    ["tickets_solved ; 1", 1, 16, '";" has no meaning'],
    ["foo(tickets)", 1, 1, '"foo" is not an aggregate'],
    ["count(where by created)", 1, 7, 'found the keyword "where"'],
    ["1 +\n  (2 * ", 2, 8, "expected a number, a KPI key"],
  ])("%j is refused at %i:%i", (text, line, column, message) => {
    const error = refusal(text);
    expect(error.message).toContain(message);
    expect({ line: error.line, column: error.column }).toEqual({ line, column });
  });

  test("a formula longer than the limit is refused without being parsed", () => {
    expect(refusal("1 + ".repeat(600) + "1").message).toContain("at most 2000 characters");
  });
});
