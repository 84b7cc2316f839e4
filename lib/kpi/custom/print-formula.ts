import type { ConditionNode, FieldRef, FormulaNode, SetRef, ValueNode } from "./formula-tree";

// Precedence of the arithmetic operators: a child is bracketed when it binds more loosely than its
// parent, and a right child also when it binds the same (the tree is left-associative, so
// `a - (b - c)` must keep its brackets to mean what it meant).
const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;

const precedenceOf = (node: FormulaNode) => (node.kind === "binary" ? PRECEDENCE[node.op] : 3);

/**
 * The canonical text of a formula: single spaces, the fewest brackets, keywords in lower case.
 * It is stored beside the text the user typed, and parsing it gives back the same tree.
 */
export function printFormula(node: FormulaNode): string {
  switch (node.kind) {
    case "constant":
      return `${node.value}${node.suffix}`;
    case "reference":
      return node.key;
    case "negate":
      return `-${node.operand.kind === "binary" ? `(${printFormula(node.operand)})` : printFormula(node.operand)}`;
    case "binary": {
      const own = PRECEDENCE[node.op];
      const left = precedenceOf(node.left) < own ? `(${printFormula(node.left)})` : printFormula(node.left);
      const right = precedenceOf(node.right) <= own ? `(${printFormula(node.right)})` : printFormula(node.right);
      return `${left} ${node.op} ${right}`;
    }
    case "aggregate": {
      const field = node.field ? `${printField(node.field)} of ` : "";
      const matching = node.matching ? `, ${printCondition(node.matching, "top")}` : "";
      return `${node.op}(${field}${printSet(node.set)}${matching})`;
    }
  }
}

function printSet(set: SetRef): string {
  const basis = set.basis ? ` by ${set.basis.name}` : "";
  const where = set.where ? ` where ${printCondition(set.where, "top")}` : "";
  return `${set.name}${basis}${where}`;
}

function printField(field: FieldRef): string {
  return field.clock === "query" ? field.name : `${field.clock} ${field.name}`;
}

function printValue(value: ValueNode): string {
  if (value.kind === "name") return value.name;
  if (value.kind === "string") return `"${value.text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return `${value.value}${value.suffix}`;
}

// `and` binds tighter than `or`, `not` tighter than both: an `or` inside an `and` or a `not`, and
// an `and` inside a `not`, are bracketed.
function printCondition(condition: ConditionNode, parent: "top" | "or" | "and" | "not"): string {
  switch (condition.kind) {
    case "or":
    case "and": {
      const text = condition.parts.map((part) => printCondition(part, condition.kind)).join(` ${condition.kind} `);
      const bracketed = parent === "not" || (condition.kind === "or" && parent === "and") || parent === condition.kind;
      return bracketed ? `(${text})` : text;
    }
    case "not":
      return `not ${printCondition(condition.operand, "not")}`;
    case "compare":
      return `${printField(condition.field)} ${condition.op} ${printValue(condition.value)}`;
    case "in":
      return `${printField(condition.field)} in (${condition.values.map(printValue).join(", ")})`;
    case "flag":
      return printField(condition.field);
  }
}
