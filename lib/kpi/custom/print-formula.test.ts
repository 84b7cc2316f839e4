import fc from "fast-check";
import { expect, test } from "vitest";

import { WINDOW_UNITS, wellTypedFormula } from "@/lib/testing/formula-arbitraries";

import type { FormulaNode } from "./formula-tree";
import { parseFormula } from "./parse-formula";
import { printFormula } from "./print-formula";

function parsed(text: string): FormulaNode {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(`${result.error.message} in ${text}`);
  return result.value;
}

/** The tree without its places in the text: what printing must keep. */
const withoutSpans = (node: unknown): unknown =>
  JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === "span" || key === "opSpan" ? undefined : value)));

test("printing keeps only the brackets the tree needs", () => {
  expect(printFormula(parsed("((a)) - (b - c) + (d * e) / -(f + g)"))).toBe("a - (b - c) + d * e / -(f + g)");
  expect(printFormula(parsed("count(tickets by created where ((channel = chat)) and (priority = high or not (resolved and reopens>2)))")))
    .toBe("count(tickets by created where channel = chat and (priority = high or not (resolved and reopens > 2)))");
  expect(printFormula(parsed('mean( business  resolution of tickets by solved where team != "A\\"B" ) / 1h'))).toBe('mean(business resolution of tickets by solved where team != "A\\"B") / 1h');
});

test("parsing the printing gives back the tree, for random formulas", () => {
  fc.assert(
    fc.property(fc.constantFrom(...WINDOW_UNITS).chain((unit) => wellTypedFormula(unit)), (text) => {
      const tree = parsed(text);
      const printed = printFormula(tree);
      expect(withoutSpans(parsed(printed))).toEqual(withoutSpans(tree));
      expect(printFormula(parsed(printed))).toBe(printed);
    }),
    { numRuns: 300 },
  );
});
