// The checker of custom KPI formulas: resolves every set, basis, field and value of a parsed
// formula against the record-set table, works out every node's unit by the rules of
// docs/custom-kpis.md ("Units"), and follows references to other KPIs (built-in from the catalog,
// custom through the caller) to refuse unknown keys and cycles. What it returns is the only input
// the compiler takes: a formula that did not check never reaches SQL.

import { getKpiDefinition, isKpiKey, type KpiUnit } from "../catalog";
import type {
  ArithmeticOp, ConditionNode, FieldRef, FormulaNode, FormulaResult, FormulaUnit, SetRef, Span,
  TypedCondition, TypedField, TypedNode, TypedSet, ValueNode,
} from "./formula-tree";
import { formulaError, parseFormula } from "./parse-formula";
import { isRecordSetName, RECORD_SETS, type FieldDefinition, type RecordSetDefinition } from "./record-sets";

/** More aggregates than this make one formula a report: refused before any SQL is built. */
export const MAX_AGGREGATES = 64;
/** How deep custom KPIs may refer to custom KPIs that refer to others. */
export const MAX_REFERENCE_DEPTH = 12;

/** What the checker needs to know of a custom KPI another formula refers to (its current version). */
export interface KnownCustomKpi {
  unit: FormulaUnit;
  live: boolean;
  /** The keys its formula refers to, built-in and custom. */
  references: readonly string[];
}

export interface FormulaContext {
  /** The key of the KPI being defined, when it has one: a reference back to it is a cycle. */
  self?: string;
  /** The custom KPIs by key; built-in ones come from the catalog. */
  customKpi?: (key: string) => KnownCustomKpi | undefined;
  /** The unit the definition declares; the formula must give it (docs/custom-kpis.md, "Units"). */
  declaredUnit?: FormulaUnit;
}

const CATALOG_UNITS: Record<KpiUnit, FormulaUnit> = { count: "count", seconds: "duration", percent: "percent", score: "score", ratio: "number" };
const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };
const UNIT_NAMES: Record<FormulaUnit, string> = { count: "a count", duration: "a duration", percent: "a percent", score: "a score", number: "a number" };
const SCALES = new Set<FormulaUnit>(["number", "percent"]);

/** Thrown inside the checker only, and turned into a FormulaError at its entry. */
class TypeProblem extends Error {
  constructor(readonly span: Span, message: string) {
    super(message);
  }
}

const nameSpan = (start: number, name: string): Span => ({ start, end: start + name.length });
const list = (names: readonly string[]) => names.join(", ");

/** A tree with neither aggregates nor references: it has no window, so it combines with live and windowed values alike. */
function isConstantTree(node: TypedNode): boolean {
  if (node.kind === "constant") return true;
  if (node.kind === "negate") return isConstantTree(node.operand);
  if (node.kind === "binary") return isConstantTree(node.left) && isConstantTree(node.right);
  return false;
}

/** A number written without a unit (`5`, `-5`): it takes the unit of what it is added to. */
function isBareConstant(node: FormulaNode): boolean {
  if (node.kind === "negate") return isBareConstant(node.operand);
  return node.kind === "constant" && node.suffix === "";
}

class Checker {
  private aggregates = 0;

  constructor(private readonly context: FormulaContext) {}

  node(node: FormulaNode): TypedNode {
    switch (node.kind) {
      case "constant":
        if (node.suffix === "%") return { kind: "constant", value: node.value / 100, unit: "percent", live: false, span: node.span };
        if (node.suffix === "") return { kind: "constant", value: node.value, unit: "number", live: false, span: node.span };
        return { kind: "constant", value: node.value * SECONDS[node.suffix]!, unit: "duration", live: false, span: node.span };
      case "reference":
        return this.reference(node.key, node.span);
      case "negate": {
        const operand = this.node(node.operand);
        return { kind: "negate", operand, unit: operand.unit, live: operand.live, span: node.span };
      }
      case "binary":
        return this.binary(node);
      case "aggregate":
        return this.aggregate(node);
    }
  }

  private binary(node: Extract<FormulaNode, { kind: "binary" }>): TypedNode {
    const left = this.node(node.left);
    const right = this.node(node.right);
    const unit = this.combinedUnit(node, left.unit, right.unit);
    const leftConstant = isConstantTree(left);
    const rightConstant = isConstantTree(right);
    if (!leftConstant && !rightConstant && left.live !== right.live) {
      const [live, windowed] = left.live ? ["left", "right"] : ["right", "left"];
      throw new TypeProblem(node.opSpan, `the ${live} side describes now (a live value) and the ${windowed} side a period: they cannot be combined`);
    }
    return { kind: "binary", op: node.op, left, right, unit, live: leftConstant ? right.live : left.live, span: node.span };
  }

  private combinedUnit(node: Extract<FormulaNode, { kind: "binary" }>, left: FormulaUnit, right: FormulaUnit): FormulaUnit {
    const op: ArithmeticOp = node.op;
    if (op === "+" || op === "-") {
      if (left === right) return left;
      const verb = op === "+" ? "add" : "subtract";
      for (const [bare, other] of [[node.left, right], [node.right, left]] as const) {
        if (!isBareConstant(bare)) continue;
        if (other === "duration") throw new TypeProblem(bare.span, `a bare number next to a duration is ambiguous: write it with its unit, such as 30s, 10m or 4h`);
        if (other === "percent") throw new TypeProblem(bare.span, `a bare number next to a percent is ambiguous: write it with %, such as 5%`);
        return other;
      }
      throw new TypeProblem(node.opSpan, `cannot ${verb} ${UNIT_NAMES[right]} ${op === "+" ? "to" : "from"} ${UNIT_NAMES[left]}: both sides of ${op} need the same unit`);
    }
    if (op === "*") {
      if (SCALES.has(left) && SCALES.has(right)) return left === "percent" || right === "percent" ? "percent" : "number";
      if (SCALES.has(left)) return right;
      if (SCALES.has(right)) return left;
      throw new TypeProblem(node.opSpan, `cannot multiply ${UNIT_NAMES[left]} by ${UNIT_NAMES[right]}: one side of * must be a number or a percent`);
    }
    if (left === right) return "number";
    if (SCALES.has(right) || right === "count") return left;
    const hint = right === "duration" ? "; to divide by hours, divide the duration by 1h first" : "";
    throw new TypeProblem(node.opSpan, `cannot divide ${UNIT_NAMES[left]} by ${UNIT_NAMES[right]}: divide by the same unit, a count, a number or a percent${hint}`);
  }

  private reference(key: string, span: Span): TypedNode {
    if (isKpiKey(key)) {
      const definition = getKpiDefinition(key);
      return { kind: "reference", key, custom: false, unit: CATALOG_UNITS[definition.unit], live: definition.live === true, span };
    }
    if (key === this.context.self) throw new TypeProblem(span, `${key} cannot refer to itself`);
    const known = this.context.customKpi?.(key);
    if (!known) {
      const hint = isRecordSetName(key) ? `: ${key} is a record set; aggregate it, as in count(${key}${"basisRequired" in RECORD_SETS[key] ? " by created" : ""})` : "";
      throw new TypeProblem(span, `unknown KPI "${key}"${hint}`);
    }
    this.refuseCycle(key, span);
    return { kind: "reference", key, custom: true, unit: known.unit, live: known.live, span };
  }

  /** Walks the custom KPIs `key` refers to, depth first: refuses a path back to the KPI being defined, or one too deep. */
  private refuseCycle(key: string, span: Span): void {
    const visit = (current: string, path: string[]) => {
      if (path.length > MAX_REFERENCE_DEPTH) {
        throw new TypeProblem(span, `${path.join(" → ")} refers deeper than ${MAX_REFERENCE_DEPTH} KPIs`);
      }
      for (const next of this.context.customKpi?.(current)?.references ?? []) {
        if (next === this.context.self) throw new TypeProblem(span, `a cycle: ${[this.context.self, ...path, next].join(" → ")}`);
        if (!isKpiKey(next)) visit(next, [...path, next]);
      }
    };
    visit(key, [key]);
  }

  private aggregate(node: Extract<FormulaNode, { kind: "aggregate" }>): TypedNode {
    if (++this.aggregates > MAX_AGGREGATES) throw new TypeProblem(node.span, `a formula has at most ${MAX_AGGREGATES} aggregates`);
    const { definition, set } = this.set(node.set);
    const base = { kind: "aggregate" as const, op: node.op, set, live: definition.live === true, span: node.span };
    if (node.op === "count") return { ...base, field: null, matching: null, unit: "count" };
    if (node.op === "share") return { ...base, field: null, matching: this.condition(node.matching!, node.set.name, definition), unit: "percent" };
    const field = this.field(node.field!, node.set.name, definition);
    if (node.op === "distinct") {
      if (field.type.type === "flag" || field.type.type === "duration") {
        throw new TypeProblem(node.field!.span, `distinct counts different values: ${field.name} is ${field.type.type === "flag" ? "yes or no" : "a duration"}`);
      }
      return { ...base, field, matching: null, unit: "count" };
    }
    if (field.type.type === "duration") return { ...base, field, matching: null, unit: "duration" };
    if (field.type.type === "integer") return { ...base, field, matching: null, unit: field.type.unit };
    throw new TypeProblem(node.field!.span, `${node.op} needs a number or a duration: ${field.name} is ${describeType(field)}`);
  }

  private set(ref: SetRef): { definition: RecordSetDefinition; set: TypedSet } {
    if (!isRecordSetName(ref.name)) {
      throw new TypeProblem(nameSpan(ref.span.start, ref.name), `unknown record set "${ref.name}": one of ${list(Object.keys(RECORD_SETS))}`);
    }
    const definition: RecordSetDefinition = RECORD_SETS[ref.name];
    const bases = Object.keys(definition.bases);
    let basis = bases[0]!;
    if (ref.basis) {
      if (!Object.hasOwn(definition.bases, ref.basis.name)) {
        throw new TypeProblem(ref.basis.span, `${ref.name} cannot be taken by "${ref.basis.name}": by ${list(bases)}`);
      }
      basis = ref.basis.name;
    } else if (definition.basisRequired) {
      throw new TypeProblem(nameSpan(ref.span.start, ref.name), `say which ${ref.name}: ${bases.map((b) => `${ref.name} by ${b}`).join(", ")}`);
    }
    const where = ref.where ? this.condition(ref.where, ref.name, definition) : null;
    return { definition, set: { name: ref.name, basis, where } };
  }

  private field(ref: FieldRef, setName: string, definition: RecordSetDefinition): TypedField {
    const found: FieldDefinition | undefined = Object.hasOwn(definition.fields, ref.name) ? definition.fields[ref.name] : undefined;
    const at = nameSpan(ref.span.end - ref.name.length, ref.name);
    if (!found) throw new TypeProblem(at, `unknown field "${ref.name}" of ${setName}: one of ${list(Object.keys(definition.fields))}`);
    if (ref.clock !== "query" && !(found.type.type === "duration" && found.type.businessHours)) {
      throw new TypeProblem(ref.span, `${ref.name} has no ${ref.clock} clock: only first_response, resolution and wait are measured in business hours`);
    }
    return { name: ref.name, clock: ref.clock, type: found.type };
  }

  private condition(node: ConditionNode, setName: string, definition: RecordSetDefinition): TypedCondition {
    switch (node.kind) {
      case "and":
      case "or":
        return { kind: node.kind, parts: node.parts.map((part) => this.condition(part, setName, definition)) };
      case "not":
        return { kind: "not", operand: this.condition(node.operand, setName, definition) };
      case "flag": {
        const field = this.field(node.field, setName, definition);
        if (field.type.type !== "flag") {
          throw new TypeProblem(node.span, `${field.name} is ${describeType(field)}: compare it, as in ${exampleComparison(field)}`);
        }
        return { kind: "flag", field };
      }
      case "in": {
        const field = this.field(node.field, setName, definition);
        return { kind: "in", field, values: node.values.map((value) => this.label(field, value)), negated: false };
      }
      case "compare": {
        const field = this.field(node.field, setName, definition);
        const { type } = field.type;
        if (type === "integer" || type === "duration") return { kind: "compare", field, op: node.op, value: this.amount(field, node.value) };
        if (node.op !== "=" && node.op !== "!=") {
          throw new TypeProblem(node.span, `${field.name} is ${describeType(field)}: it is compared with = , != or in, not ${node.op}`);
        }
        return { kind: "in", field, values: [this.label(field, node.value)], negated: node.op === "!=" };
      }
    }
  }

  /** A value of a dimension, enum or text field, as written. */
  private label(field: TypedField, value: ValueNode): string {
    const { type } = field.type;
    if (type === "flag") throw new TypeProblem(value.span, `${field.name} is yes or no: write ${field.name} or not ${field.name}`);
    if (type === "integer" || type === "duration") throw new TypeProblem(value.span, `${field.name} is ${describeType(field)}: compare it with =, <, <=, >, >=`);
    if (field.type.type === "enum") {
      const values = field.type.values;
      if (value.kind !== "name" || !values.includes(value.name)) {
        throw new TypeProblem(value.span, `${field.name} is one of ${list(values)}`);
      }
      return value.name;
    }
    if (value.kind !== "string") {
      const what = type === "dimension" ? `a ${field.name} is named by its externalId` : `${field.name} is text`;
      throw new TypeProblem(value.span, `${what}: write it in quotes, as in ${field.name} = "${value.kind === "name" ? value.name : value.value}"`);
    }
    return value.text;
  }

  /** A number an integer or duration field is compared with: durations in seconds. */
  private amount(field: TypedField, value: ValueNode): number {
    if (value.kind !== "constant") throw new TypeProblem(value.span, `${field.name} is ${describeType(field)}: compare it with ${field.type.type === "duration" ? "a duration such as 4h" : "a number"}`);
    if (field.type.type === "duration") {
      if (value.suffix === "" || value.suffix === "%") throw new TypeProblem(value.span, `${field.name} is a duration: write the threshold with its unit, such as 30s, 10m or 4h`);
      return value.value * SECONDS[value.suffix]!;
    }
    if (value.suffix !== "") throw new TypeProblem(value.span, `${field.name} is a number: write it without a unit`);
    return value.value;
  }
}

function describeType(field: TypedField): string {
  switch (field.type.type) {
    case "dimension": return "a " + field.name;
    case "enum": return `one of ${list(field.type.values)}`;
    case "integer": return "a number";
    case "duration": return "a duration";
    case "flag": return "yes or no";
    case "text": return "text";
  }
}

function exampleComparison(field: TypedField): string {
  switch (field.type.type) {
    case "enum": return `${field.name} = ${field.type.values[0]}`;
    case "integer": return `${field.name} > 0`;
    case "duration": return `${field.name} <= 4h`;
    default: return `${field.name} = "…"`;
  }
}

/** Whether a definition may declare `declared` for a formula that gives `inferred`: a percent may be shown as a score or a number. */
export function unitFits(inferred: FormulaUnit, declared: FormulaUnit): boolean {
  return inferred === declared || (inferred === "percent" && (declared === "score" || declared === "number"));
}

/**
 * Parses and checks a formula: its typed tree, or the first problem in the order it was written,
 * with its place.
 */
export function checkFormula(text: string, context: FormulaContext = {}): FormulaResult<TypedNode> {
  const parsed = parseFormula(text);
  if (!parsed.ok) return parsed;
  try {
    const typed = new Checker(context).node(parsed.value);
    const declared = context.declaredUnit;
    if (declared && !unitFits(typed.unit, declared)) {
      const allowed = typed.unit === "percent" ? "percent, score or number" : typed.unit;
      return { ok: false, error: formulaError(text, parsed.value.span, `the formula gives ${UNIT_NAMES[typed.unit]}, not ${UNIT_NAMES[declared]}: declare the unit ${allowed}`) };
    }
    return { ok: true, value: typed };
  } catch (problem) {
    if (problem instanceof TypeProblem) return { ok: false, error: formulaError(text, problem.span, problem.message) };
    throw problem;
  }
}
