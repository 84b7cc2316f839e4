import { expect, test } from "vitest";

import { checkFormula } from "./check-formula";
import { evaluateFormula, type FormulaLeaf, type FormulaValue } from "./evaluate-formula";
import type { TypedNode } from "./formula-tree";

function typed(text: string): TypedNode {
  const result = checkFormula(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

// Leaves by KPI key: each test gives the values its references have.
const by = (values: Record<string, FormulaValue>) => (leaf: FormulaLeaf) => values[leaf.kind === "reference" ? leaf.key : leaf.op]!;

test("arithmetic over leaves, constants in the tree's measure", () => {
  const leaves = by({ tickets_solved: { value: 30, n: 30 }, ticket_volume: { value: 40, n: 40 }, aht: { value: 300, n: 12 } });
  expect(evaluateFormula(typed("tickets_solved / ticket_volume"), leaves)).toEqual({ value: 0.75, n: 40, numerator: 30, denominator: 40 });
  expect(evaluateFormula(typed("(tickets_solved - 5) * 2 + -ticket_volume"), leaves)).toEqual({ value: 10, n: 40 });
  expect(evaluateFormula(typed("aht + 1m"), leaves)).toEqual({ value: 360, n: 12 });
  expect(evaluateFormula(typed("ticket_volume * 25%"), leaves)).toEqual({ value: 10, n: 40 });
});

test("null propagates; dividing by zero is null, not NaN or ∞", () => {
  const leaves = by({ tickets_solved: { value: 0, n: 0 }, ticket_volume: { value: 0, n: 0 }, aht: { value: null, n: 0 } });
  expect(evaluateFormula(typed("tickets_solved / ticket_volume"), leaves)).toEqual({ value: null, n: 0, numerator: 0, denominator: 0 });
  expect(evaluateFormula(typed("aht * 2 + 1h"), leaves).value).toBeNull();
  expect(evaluateFormula(typed("-aht"), leaves).value).toBeNull();
  expect(evaluateFormula(typed("1 / (tickets_solved - ticket_volume)"), leaves).value).toBeNull();
});

test("a product too large for a double is null, not ∞", () => {
  const leaves = by({ ticket_volume: { value: 1e300, n: 1 } });
  expect(evaluateFormula(typed("ticket_volume * 10000000000"), leaves).value).toBeNull();
});
