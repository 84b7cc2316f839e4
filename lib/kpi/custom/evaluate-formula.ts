import type { TypedNode } from "./formula-tree";

/** A leaf's or a formula's value for one group, in the tree's measure (percents as fractions). */
export interface FormulaValue {
  value: number | null;
  /** The records it was computed from (docs/custom-kpis.md, "n"); 0 for a constant. */
  n: number;
  numerator?: number;
  denominator?: number;
}

export type FormulaLeaf = Extract<TypedNode, { kind: "aggregate" | "reference" }>;

const finite = (value: number) => (Number.isFinite(value) ? value : null);

/**
 * A checked formula's value for one group, from its leaves' values: null propagates through every
 * operator, division by zero is null (as the built-ins' ratios), never NaN or ∞. n is the largest
 * n among the leaves, whose records overlap. A share, or a quotient at the top, reports its
 * numerator and denominator, as the built-in rates and ratios do.
 */
export function evaluateFormula(node: TypedNode, leaf: (node: FormulaLeaf) => FormulaValue): FormulaValue {
  switch (node.kind) {
    case "constant":
      return { value: node.value, n: 0 };
    case "aggregate":
    case "reference":
      return leaf(node);
    case "negate": {
      const operand = evaluateFormula(node.operand, leaf);
      return { value: operand.value === null ? null : -operand.value, n: operand.n };
    }
    case "binary": {
      const left = evaluateFormula(node.left, leaf);
      const right = evaluateFormula(node.right, leaf);
      const n = Math.max(left.n, right.n);
      if (left.value === null || right.value === null) return { value: null, n };
      switch (node.op) {
        case "+":
          return { value: finite(left.value + right.value), n };
        case "-":
          return { value: finite(left.value - right.value), n };
        case "*":
          return { value: finite(left.value * right.value), n };
        case "/":
          return { value: right.value === 0 ? null : finite(left.value / right.value), n, numerator: left.value, denominator: right.value };
      }
    }
  }
}
