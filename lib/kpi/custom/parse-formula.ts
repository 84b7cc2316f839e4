// The parser of custom KPI formulas: a tokenizer and a recursive-descent parser of the grammar in
// docs/custom-kpis.md, one function per production. It knows the grammar only; which sets, fields
// and values exist is the checker's business, so a misspelt field is reported with the fields that
// do exist rather than as a syntax error.

import {
  AGGREGATES,
  type AggregateOp, type ComparisonOp, type ConditionNode, type ConstantSuffix, type FieldRef,
  type FormulaError, type FormulaNode, type FormulaResult, type SetRef, type Span, type ValueNode,
} from "./formula-tree";

/** Longer formulas are refused before parsing: a formula is a definition, not a program. */
export const MAX_FORMULA_LENGTH = 2_000;

const KEYWORDS = new Set<string>([...AGGREGATES, "by", "where", "of", "and", "or", "not", "in", "business", "calendar"]);
const AGGREGATE_OPS = new Set<string>(AGGREGATES);

type Token =
  | { kind: "ident"; text: string; span: Span }
  | { kind: "string"; text: string; span: Span }
  | { kind: "constant"; value: number; suffix: ConstantSuffix; span: Span }
  | { kind: "symbol"; text: string; span: Span }
  | { kind: "end"; span: Span };

/** The place of an offset in the text, 1-based, as an editor shows it. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

export function formulaError(text: string, span: Span, message: string): FormulaError {
  return { message, span, ...positionOf(text, span.start) };
}

/** Thrown inside the parser only, and turned into a FormulaError at its entry. */
class SyntaxProblem extends Error {
  constructor(readonly span: Span, message: string) {
    super(message);
  }
}

const SYMBOLS = ["<=", ">=", "!=", "+", "-", "*", "/", "(", ")", ",", "=", "<", ">"];
const SUFFIXES = new Set(["s", "m", "h", "d", "%"]);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i]!)) i++;
      tokens.push({ kind: "ident", text: text.slice(start, i), span: { start, end: i } });
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      while (i < text.length && /[0-9]/.test(text[i]!)) i++;
      if (text[i] === "." && /[0-9]/.test(text[i + 1] ?? "")) {
        i++;
        while (i < text.length && /[0-9]/.test(text[i]!)) i++;
      }
      const value = Number(text.slice(start, i));
      let suffix: ConstantSuffix = "";
      if (SUFFIXES.has(text[i] ?? "") && !/[A-Za-z0-9_]/.test(text[i + 1] ?? "")) suffix = text[i++] as ConstantSuffix;
      if (/[A-Za-z0-9_.]/.test(text[i] ?? "")) {
        while (i < text.length && /[A-Za-z0-9_.]/.test(text[i]!)) i++;
        throw new SyntaxProblem({ start, end: i }, `"${text.slice(start, i)}" is not a number: write a number, or one with s, m, h, d or %, such as 4h`);
      }
      tokens.push({ kind: "constant", value, suffix, span: { start, end: i } });
      continue;
    }
    if (c === '"') {
      let value = "";
      i++;
      for (;;) {
        const d = text[i];
        if (d === undefined || d === "\n") throw new SyntaxProblem({ start, end: i }, 'this text has no closing "');
        if (d === '"') break;
        if (d === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) {
          value += text[i + 1];
          i += 2;
        } else {
          value += d;
          i++;
        }
      }
      i++;
      tokens.push({ kind: "string", text: value, span: { start, end: i } });
      continue;
    }
    const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
    if (!symbol) throw new SyntaxProblem({ start, end: i + 1 }, `"${c}" has no meaning in a formula`);
    i += symbol.length;
    tokens.push({ kind: "symbol", text: symbol, span: { start, end: i } });
  }
  tokens.push({ kind: "end", span: { start: text.length, end: text.length } });
  return tokens;
}

const describe = (token: Token) =>
  token.kind === "end" ? "the end of the formula" : token.kind === "string" ? `"${token.text}"` : `"${"text" in token ? token.text : String(token.value) + token.suffix}"`;

const join = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });

class Parser {
  private at = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.at]!;
  }

  private next(): Token {
    return this.tokens[this.at++]!;
  }

  private isSymbol(text: string): boolean {
    const token = this.peek();
    return token.kind === "symbol" && token.text === text;
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === "ident" && token.text === word;
  }

  private expectSymbol(text: string, what: string): Span {
    const token = this.peek();
    if (token.kind !== "symbol" || token.text !== text) throw new SyntaxProblem(token.span, `expected "${text}" ${what}, found ${describe(token)}`);
    return this.next().span;
  }

  private expectKeyword(word: string, what: string): Span {
    const token = this.peek();
    if (token.kind !== "ident" || token.text !== word) throw new SyntaxProblem(token.span, `expected "${word}" ${what}, found ${describe(token)}`);
    return this.next().span;
  }

  /** An identifier that is not a keyword: a set, basis, field, value or KPI key. */
  private name(what: string): { name: string; span: Span } {
    const token = this.peek();
    if (token.kind !== "ident") throw new SyntaxProblem(token.span, `expected ${what}, found ${describe(token)}`);
    if (KEYWORDS.has(token.text)) throw new SyntaxProblem(token.span, `expected ${what}, found the keyword "${token.text}"`);
    this.next();
    return { name: token.text, span: token.span };
  }

  formula(): FormulaNode {
    const node = this.expr();
    const token = this.peek();
    if (token.kind !== "end") {
      const hint = token.kind === "symbol" && token.text === ")" ? ": this ) closes nothing" : ": an operator (+ - * /) is missing before it?";
      throw new SyntaxProblem(token.span, `unexpected ${describe(token)}${hint}`);
    }
    return node;
  }

  private binary(operand: () => FormulaNode, ops: readonly ("+" | "-" | "*" | "/")[]): FormulaNode {
    let left = operand();
    for (;;) {
      const token = this.peek();
      const op = ops.find((o) => token.kind === "symbol" && token.text === o);
      if (!op) return left;
      const opSpan = this.next().span;
      const right = operand();
      left = { kind: "binary", op, left, right, opSpan, span: join(left.span, right.span) };
    }
  }

  private expr(): FormulaNode {
    return this.binary(() => this.term(), ["+", "-"]);
  }

  private term(): FormulaNode {
    return this.binary(() => this.unary(), ["*", "/"]);
  }

  private unary(): FormulaNode {
    if (this.isSymbol("-")) {
      const minus = this.next().span;
      const operand = this.unary();
      return { kind: "negate", operand, span: join(minus, operand.span) };
    }
    return this.primary();
  }

  private primary(): FormulaNode {
    const token = this.peek();
    if (token.kind === "constant") {
      this.next();
      return { kind: "constant", value: token.value, suffix: token.suffix, span: token.span };
    }
    if (token.kind === "symbol" && token.text === "(") {
      const open = this.next().span;
      const inner = this.expr();
      const close = this.expectSymbol(")", `to close the "(" at column ${open.start + 1}`);
      // The brackets belong to the node's span, so an error about it underlines what was written.
      return { ...inner, span: join(open, close) };
    }
    if (token.kind === "ident" && AGGREGATE_OPS.has(token.text)) return this.aggregate();
    if (token.kind === "ident") {
      const { name, span } = this.name("a KPI key");
      if (this.isSymbol("(")) throw new SyntaxProblem(span, `"${name}" is not an aggregate: use one of ${AGGREGATES.join(", ")}`);
      return { kind: "reference", key: name, span };
    }
    throw new SyntaxProblem(token.span, `expected a number, a KPI key, an aggregate such as count(…) or "(", found ${describe(token)}`);
  }

  private aggregate(): FormulaNode {
    const opToken = this.next();
    const op = (opToken as { text: string }).text as AggregateOp;
    this.expectSymbol("(", `after ${op}`);
    let field: FieldRef | null = null;
    let matching: ConditionNode | null = null;
    if (op !== "count" && op !== "share") {
      field = this.field(`the field ${op} measures`);
      this.expectKeyword("of", `after the field, as in ${op}(${field.name} of tickets by solved)`);
    }
    const set = this.set();
    if (op === "share") {
      this.expectSymbol(",", "then the condition a record must meet to count, as in share(tickets by solved, reopens > 0)");
      matching = this.condition();
    }
    const close = this.expectSymbol(")", `to close ${op}(`);
    return { kind: "aggregate", op, field, set, matching, span: join(opToken.span, close) };
  }

  private set(): SetRef {
    const { name, span } = this.name("a record set such as tickets or calls");
    let end = span;
    let basis: SetRef["basis"] = null;
    if (this.isKeyword("by")) {
      this.next();
      basis = this.name(`what puts ${name} in the window, such as created or solved`);
      end = basis.span;
    }
    let where: ConditionNode | null = null;
    if (this.isKeyword("where")) {
      this.next();
      where = this.condition();
      end = where.span;
    }
    return { name, basis, where, span: join(span, end) };
  }

  private field(what: string): FieldRef {
    const first = this.peek();
    let clock: FieldRef["clock"] = "query";
    if (first.kind === "ident" && (first.text === "business" || first.text === "calendar")) {
      clock = first.text;
      this.next();
    }
    const { name, span } = this.name(what);
    return { name, clock, span: join(first.span, span) };
  }

  private condition(): ConditionNode {
    return this.connective("or", () => this.conjunction());
  }

  private conjunction(): ConditionNode {
    return this.connective("and", () => this.negation());
  }

  private connective(word: "and" | "or", operand: () => ConditionNode): ConditionNode {
    const parts = [operand()];
    while (this.isKeyword(word)) {
      this.next();
      parts.push(operand());
    }
    return parts.length === 1 ? parts[0]! : { kind: word, parts, span: join(parts[0]!.span, parts.at(-1)!.span) };
  }

  private negation(): ConditionNode {
    if (this.isKeyword("not")) {
      const not = this.next().span;
      const operand = this.negation();
      return { kind: "not", operand, span: join(not, operand.span) };
    }
    if (this.isSymbol("(")) {
      const open = this.next().span;
      const inner = this.condition();
      const close = this.expectSymbol(")", "to close the condition's (");
      return { ...inner, span: join(open, close) };
    }
    return this.comparison();
  }

  private comparison(): ConditionNode {
    const field = this.field("a field to filter on, such as channel or priority");
    const token = this.peek();
    if (token.kind === "symbol" && ["=", "!=", "<", "<=", ">", ">="].includes(token.text)) {
      this.next();
      const value = this.value();
      return { kind: "compare", field, op: token.text as ComparisonOp, value, span: join(field.span, value.span) };
    }
    if (this.isKeyword("in")) {
      this.next();
      this.expectSymbol("(", `to list the values of ${field.name}, as in ${field.name} in (a, b)`);
      const values = [this.value()];
      while (this.isSymbol(",")) {
        this.next();
        values.push(this.value());
      }
      const close = this.expectSymbol(")", `to close the list of ${field.name}'s values`);
      return { kind: "in", field, values, span: join(field.span, close) };
    }
    return { kind: "flag", field, span: field.span };
  }

  private value(): ValueNode {
    const token = this.peek();
    if (token.kind === "constant") {
      this.next();
      return { kind: "constant", value: token.value, suffix: token.suffix, span: token.span };
    }
    if (token.kind === "string") {
      this.next();
      return { kind: "string", text: token.text, span: token.span };
    }
    if (token.kind === "symbol" && token.text === "-") {
      throw new SyntaxProblem(token.span, "a field is never compared with a negative number");
    }
    const { name, span } = this.name("a value (a name such as chat, a \"quoted\" externalId, a number or a duration such as 4h)");
    return { kind: "name", name, span };
  }
}

/** Parses a formula's text into its tree, or says what is wrong and where. */
export function parseFormula(text: string): FormulaResult<FormulaNode> {
  if (text.length > MAX_FORMULA_LENGTH) {
    return { ok: false, error: formulaError(text, { start: MAX_FORMULA_LENGTH, end: text.length }, `a formula is at most ${MAX_FORMULA_LENGTH} characters`) };
  }
  try {
    const tokens = tokenize(text);
    if (tokens.length === 1) return { ok: false, error: formulaError(text, tokens[0]!.span, "the formula is empty") };
    return { ok: true, value: new Parser(tokens).formula() };
  } catch (problem) {
    if (problem instanceof SyntaxProblem) return { ok: false, error: formulaError(text, problem.span, problem.message) };
    throw problem;
  }
}
