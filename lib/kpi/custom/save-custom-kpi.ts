import { z } from "zod";

import type { PrismaClient } from "@/lib/generated/prisma/client";

import { isKpiKey } from "../catalog";
import { checkFormula, type KnownCustomKpi } from "./check-formula";
import { describeFormulaError, FORMULA_UNITS, type FormulaError, type TypedNode } from "./formula-tree";
import { MAX_FORMULA_LENGTH, parseFormula } from "./parse-formula";
import { printFormula } from "./print-formula";

export const ZCustomKpiInput = z.object({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  description: z.string().trim().max(500, "must be at most 500 characters").default(""),
  unit: z.enum(FORMULA_UNITS, `must be one of ${FORMULA_UNITS.join(", ")}`),
  direction: z.enum(["higher", "lower", "neutral"], "must be higher, lower or neutral"),
  decimals: z.number("must be a number").int("must be whole").min(0, "must be 0 to 3").max(3, "must be 0 to 3").default(0),
  formula: z.string().trim().min(1, "is required").max(MAX_FORMULA_LENGTH, `must be at most ${MAX_FORMULA_LENGTH} characters`),
});
export type CustomKpiInput = z.input<typeof ZCustomKpiInput>;

/** A definition that cannot be saved, named by its field (and for the formula, the place in it). */
export class CustomKpiInputError extends Error {
  constructor(
    readonly field: "key" | "formula",
    message: string,
    readonly formulaError?: FormulaError,
  ) {
    super(`${field}: ${message}`);
  }
}

const KEY_LENGTH = 64;

/** `custom_` and the name in lower-case letters, digits and underscores, as the key check of the table allows. */
function keyFor(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, KEY_LENGTH - 4);
  return `custom_${slug || "kpi"}`;
}

function referencesOf(node: TypedNode, into = new Set<string>()): Set<string> {
  if (node.kind === "reference") into.add(node.key);
  if (node.kind === "negate") referencesOf(node.operand, into);
  if (node.kind === "binary") {
    referencesOf(node.left, into);
    referencesOf(node.right, into);
  }
  return into;
}

interface LatestVersion extends KnownCustomKpi {
  formula: string;
}

async function loadLatestVersions(prisma: Pick<PrismaClient, "customKpi">): Promise<Map<string, LatestVersion>> {
  const kpis = await prisma.customKpi.findMany({ include: { versions: { orderBy: { version: "desc" }, take: 1 } } });
  return new Map(
    kpis.flatMap((kpi) => {
      const latest = kpi.versions[0];
      return latest ? [[kpi.key, { unit: latest.unit, live: latest.live, references: latest.references as string[], formula: latest.formula }] as const] : [];
    }),
  );
}

/**
 * Saves a definition as the next version of the custom KPI `options.key`, or as a new custom KPI
 * under a key made from its name: after checking the formula against every KPI it refers to
 * (units, liveness, no cycle), and, for a change, that every custom KPI referring to this one still
 * checks with its new unit. Versions are only inserted, never changed (docs/custom-kpis.md,
 * "Versioning").
 */
export async function saveCustomKpi(
  prisma: PrismaClient,
  input: CustomKpiInput,
  options: { key?: string; savedBy?: number; now?: Date } = {},
): Promise<{ key: string; version: number }> {
  const definition = ZCustomKpiInput.parse(input);
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    // One definition saved at a time, so that two saves can neither close a cycle between them nor take one version number.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('custom_kpis'))`;
    const latest = await loadLatestVersions(tx);
    if (options.key !== undefined && !latest.has(options.key)) throw new CustomKpiInputError("key", `unknown custom KPI ${options.key}`);
    const key = options.key ?? uniqueKey(keyFor(definition.name), latest);

    const checked = checkFormula(definition.formula, { self: key, customKpi: (k) => latest.get(k), declaredUnit: definition.unit });
    if (!checked.ok) throw new CustomKpiInputError("formula", describeFormulaError(checked.error), checked.error);
    const facts: KnownCustomKpi = { unit: definition.unit, live: checked.value.live, references: [...referencesOf(checked.value)] };

    const previous = latest.get(key);
    const dependents = [...latest].filter(([other, version]) => other !== key && version.references.includes(key));
    if (previous && dependents.length > 0) {
      if (previous.live !== facts.live) {
        throw new CustomKpiInputError("formula", `${dependents.map(([k]) => k).join(", ")} refer to this KPI, which would change from ${previous.live ? "now" : "a period"} to ${facts.live ? "now" : "a period"}`);
      }
      const changed = new Map(latest).set(key, { ...facts, formula: definition.formula });
      for (const [dependent, version] of dependents) {
        const again = checkFormula(version.formula, { self: dependent, customKpi: (k) => changed.get(k), declaredUnit: version.unit });
        if (!again.ok) throw new CustomKpiInputError("formula", `${dependent} refers to this KPI and would no longer check: ${again.error.message}`);
      }
    }

    const parsed = parseFormula(definition.formula);
    if (!parsed.ok) throw new CustomKpiInputError("formula", describeFormulaError(parsed.error), parsed.error);
    const kpi = await tx.customKpi.upsert({ where: { key }, create: { key, createdAt: now }, update: {} });
    const last = await tx.customKpiVersion.findFirst({ where: { kpiId: kpi.id }, orderBy: { version: "desc" }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    await tx.customKpiVersion.create({
      data: {
        kpiId: kpi.id, version, name: definition.name, description: definition.description, unit: definition.unit,
        direction: definition.direction, decimals: definition.decimals, live: facts.live, formula: definition.formula,
        canonical: printFormula(parsed.value), references: [...facts.references], savedBy: options.savedBy ?? null, createdAt: now,
      },
    });
    return { key, version };
  });
}

function uniqueKey(base: string, taken: ReadonlyMap<string, unknown>): string {
  // A built-in key never starts with custom_, but a name may make a key a custom KPI already has.
  let key = base;
  for (let i = 2; taken.has(key) || isKpiKey(key); i++) key = `${base.slice(0, KEY_LENGTH - 1 - String(i).length)}_${i}`;
  return key;
}
