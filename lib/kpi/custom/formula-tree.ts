// The trees of a custom KPI's formula (docs/custom-kpis.md): the one the parser builds from the
// text, every node with its place in it, and the one the checker builds from that, every node
// resolved against the record-set table and given its unit. Data only: the settings form in the
// browser reads these types too.

/** Where a node is in the formula's text: offsets [start, end), 0-based. */
export interface Span {
  start: number;
  end: number;
}

/** The units a formula's value can have: the ones the definition form offers. */
export const FORMULA_UNITS = ["count", "duration", "percent", "score", "number"] as const;
export type FormulaUnit = (typeof FORMULA_UNITS)[number];

export const AGGREGATES = ["count", "share", "sum", "mean", "median", "p90", "max", "distinct"] as const;
export type AggregateOp = (typeof AGGREGATES)[number];

/** The aggregates written `op(field of set)`. */
export type FieldAggregateOp = Exclude<AggregateOp, "count" | "share">;

export type ArithmeticOp = "+" | "-" | "*" | "/";
export type ComparisonOp = "=" | "!=" | "<" | "<=" | ">" | ">=";

/** How a duration is measured: on the query's clock (the default), or pinned by the formula. */
export type FieldClock = "query" | "business" | "calendar";

/** The unit a constant was written in: `4h`, `80%`, or bare. */
export type ConstantSuffix = "" | "s" | "m" | "h" | "d" | "%";

// ---------------------------------------------------------------- as parsed

export interface FieldRef {
  name: string;
  clock: FieldClock;
  span: Span;
}

export interface SetRef {
  name: string;
  /** The `by` of the set, or null when the formula gives none. */
  basis: { name: string; span: Span } | null;
  where: ConditionNode | null;
  span: Span;
}

/** A value a field is compared with: an enum value (`chat`), an externalId (`"T-1"`), a number or a duration. */
export type ValueNode =
  | { kind: "name"; name: string; span: Span }
  | { kind: "string"; text: string; span: Span }
  | { kind: "constant"; value: number; suffix: ConstantSuffix; span: Span };

export type ConditionNode =
  | { kind: "and" | "or"; parts: ConditionNode[]; span: Span }
  | { kind: "not"; operand: ConditionNode; span: Span }
  | { kind: "compare"; field: FieldRef; op: ComparisonOp; value: ValueNode; span: Span }
  | { kind: "in"; field: FieldRef; values: ValueNode[]; span: Span }
  | { kind: "flag"; field: FieldRef; span: Span };

export type FormulaNode =
  | { kind: "constant"; value: number; suffix: ConstantSuffix; span: Span }
  | { kind: "reference"; key: string; span: Span }
  | { kind: "aggregate"; op: AggregateOp; field: FieldRef | null; set: SetRef; matching: ConditionNode | null; span: Span }
  | { kind: "binary"; op: ArithmeticOp; left: FormulaNode; right: FormulaNode; opSpan: Span; span: Span }
  | { kind: "negate"; operand: FormulaNode; span: Span };

// ---------------------------------------------------------------- as checked

export interface TypedField {
  name: string;
  clock: FieldClock;
  type: FieldType;
}

/**
 * A checked condition. `=`, `!=` and `in` on dimensions, enums and text become `in` (negated for
 * `!=`), with the values as written; comparisons are on integer and duration fields, durations in
 * seconds.
 */
export type TypedCondition =
  | { kind: "and" | "or"; parts: TypedCondition[] }
  | { kind: "not"; operand: TypedCondition }
  | { kind: "in"; field: TypedField; values: string[]; negated: boolean }
  | { kind: "compare"; field: TypedField; op: ComparisonOp; value: number }
  | { kind: "flag"; field: TypedField };

export interface TypedSet {
  name: string;
  basis: string;
  where: TypedCondition | null;
}

interface Typed {
  unit: FormulaUnit;
  /** Whether the value describes now (a live set or KPI) rather than a window. */
  live: boolean;
  span: Span;
}

/**
 * A checked formula. Constants are in the tree's own measure: seconds for durations, fractions for
 * percents (80% is 0.8), so that products and quotients scale right.
 */
export type TypedNode =
  | (Typed & { kind: "constant"; value: number })
  | (Typed & { kind: "reference"; key: string; custom: boolean })
  | (Typed & { kind: "aggregate"; op: AggregateOp; field: TypedField | null; set: TypedSet; matching: TypedCondition | null })
  | (Typed & { kind: "binary"; op: ArithmeticOp; left: TypedNode; right: TypedNode })
  | (Typed & { kind: "negate"; operand: TypedNode });

/** What a record's field holds, and so what a formula may do with it. */
export type FieldType =
  /** A team, agent or queue, compared with externalIds. */
  | { type: "dimension" }
  | { type: "enum"; values: readonly string[] }
  | { type: "integer"; unit: "count" | "score" }
  /** Seconds; `businessHours` when the catalog also measures it inside business hours. */
  | { type: "duration"; businessHours?: true }
  | { type: "flag" }
  /** Free text (an article, a visitor): only counted distinct or compared equal. */
  | { type: "text" };

// ---------------------------------------------------------------- results

/** A refusal: what is wrong, and where (line and column 1-based, as an editor shows them). */
export interface FormulaError {
  message: string;
  span: Span;
  line: number;
  column: number;
}

export type FormulaResult<T> = { ok: true; value: T } | { ok: false; error: FormulaError };

/** "3:14: message": the form a person reads it in. */
export function describeFormulaError(error: FormulaError): string {
  return `${error.line}:${error.column}: ${error.message}`;
}
