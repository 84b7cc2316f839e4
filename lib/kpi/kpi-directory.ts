// Every KPI a reader can ask for: the catalog's built-ins and the custom KPIs' latest versions, as
// one set of facts (docs/custom-kpis.md, "First-class everywhere"). The catalog stays the source
// of truth for built-ins; a custom KPI's facts come from its stored version.

import type { PrismaClient } from "@/lib/generated/prisma/client";

import { getKpiDefinition, isKpiKey, KPI_CATALOG, type KpiDefinition, type KpiKey, type KpiUnit } from "./catalog";
import { checkFormula, type KnownCustomKpi } from "./custom/check-formula";
import type { FormulaUnit, TypedNode } from "./custom/formula-tree";

export type CustomKpiKey = `custom_${string}`;
export type AnyKpiKey = KpiKey | CustomKpiKey;

export const CUSTOM_KEY_PREFIX = "custom_";

export function isCustomKpiKey(key: string): key is CustomKpiKey {
  return key.startsWith(CUSTOM_KEY_PREFIX);
}

/** A custom KPI's latest version, shaped as a catalog definition so that readers need no second path. */
export interface CustomKpiFact extends Omit<KpiDefinition, "key" | "family" | "basis"> {
  key: CustomKpiKey;
  custom: true;
  version: number;
  decimals: number;
  /** The formula as typed; `definition` holds its canonical printing. */
  formula: string;
  formulaUnit: FormulaUnit;
  /** The keys its formula refers to, what the checker needs of it when another formula refers to it. */
  references: readonly string[];
  /** The checked tree, or null when it no longer checks (a referenced KPI changed in a way saving could not see). */
  node: TypedNode | null;
  archived: boolean;
}

export type BuiltInKpiFact = KpiDefinition & { key: KpiKey; custom?: false };
export type KpiFact = BuiltInKpiFact | CustomKpiFact;

/**
 * A KPI as the helpers that rank, judge and word values take it: a built-in by its key (the
 * catalog answers), any KPI by its facts from the directory.
 */
export type KpiRef = KpiKey | ShownKpi;

/** A KPI's facts as they travel to the browser: all but the checked tree, which only the engine reads. */
export type ShownKpi = BuiltInKpiFact | Omit<CustomKpiFact, "node">;

export function factOf(kpi: KpiRef): ShownKpi {
  return typeof kpi === "string" ? (getKpiDefinition(kpi) as BuiltInKpiFact) : kpi;
}

export function shownKpi(fact: KpiFact): ShownKpi {
  if (!fact.custom) return fact;
  return Object.fromEntries(Object.entries(fact).filter(([name]) => name !== "node")) as Omit<CustomKpiFact, "node">;
}

export interface KpiDirectory {
  has(key: string): key is AnyKpiKey;
  get(key: AnyKpiKey): KpiFact | undefined;
  /** As get, with a custom key no longer saved shown as an archived KPI without a formula: old widgets show "no data", not an error. */
  fact(key: AnyKpiKey): KpiFact;
  /** Built-ins in catalog order, then custom KPIs by name; archived ones are left out. */
  list(): KpiFact[];
  custom(): CustomKpiFact[];
}

const CATALOG_UNIT: Record<FormulaUnit, KpiUnit> = { count: "count", duration: "seconds", percent: "percent", score: "score", number: "ratio" };

/** The catalog unit a formula unit is shown in: a duration is seconds, a number a ratio. */
export function kpiUnitOf(unit: FormulaUnit): KpiUnit {
  return CATALOG_UNIT[unit];
}

interface VersionRow {
  key: string;
  archivedAt: Date | null;
  version: number;
  name: string;
  description: string;
  unit: FormulaUnit;
  direction: KpiDefinition["direction"];
  decimals: number;
  live: boolean;
  formula: string;
  canonical: string;
  references: string[];
}

/** A formula that is one mean reports its distribution, one share its margin of error, as the built-ins of that shape do. */
function shapeFacts(node: TypedNode): Pick<KpiDefinition, "distribution" | "marginOfError"> {
  if (node.kind !== "aggregate") return {};
  if (node.op === "mean") return { distribution: true };
  if (node.op === "share") return { marginOfError: "proportion" };
  return {};
}

function versionFact(row: VersionRow, known: ReadonlyMap<string, KnownCustomKpi>): CustomKpiFact {
  const checked = checkFormula(row.formula, { self: row.key, customKpi: (k) => known.get(k), declaredUnit: row.unit });
  const node = checked.ok ? checked.value : null;
  return {
    key: row.key as CustomKpiKey,
    custom: true,
    name: row.name,
    unit: kpiUnitOf(row.unit),
    direction: row.direction,
    plain: row.description || row.name,
    definition: row.canonical,
    ...(node && shapeFacts(node)),
    ...(row.live && { live: true as const }),
    version: row.version,
    decimals: row.decimals,
    formula: row.formula,
    formulaUnit: row.unit,
    references: row.references,
    node,
    archived: row.archivedAt !== null,
  };
}

const BUILT_INS: BuiltInKpiFact[] = KPI_CATALOG.map((kpi) => getKpiDefinition(kpi.key) as BuiltInKpiFact);

/** A directory of the built-ins and the given custom KPIs: what loadKpiDirectory caches, and what a preview extends with a draft. */
export function makeKpiDirectory(customs: readonly CustomKpiFact[]): KpiDirectory {
  const byKey = new Map<string, CustomKpiFact>(customs.map((fact) => [fact.key, fact]));
  const sorted = [...customs].sort((a, b) => a.name.localeCompare(b.name));
  return {
    has: (key: string): key is AnyKpiKey => isKpiKey(key) || byKey.has(key),
    get: (key) => (isKpiKey(key) ? (getKpiDefinition(key) as BuiltInKpiFact) : byKey.get(key)),
    fact: (key) => (isKpiKey(key) ? (getKpiDefinition(key) as BuiltInKpiFact) : (byKey.get(key) ?? missingFact(key))),
    list: () => [...BUILT_INS, ...sorted.filter((fact) => !fact.archived)],
    custom: () => sorted,
  };
}

function missingFact(key: CustomKpiKey): CustomKpiFact {
  return {
    key, custom: true, name: key, unit: "count", direction: "neutral", plain: "This custom KPI no longer exists.", definition: "",
    version: 0, decimals: 0, formula: "", formulaUnit: "count", references: [], node: null, archived: true,
  };
}

/** The facts of a formula not saved yet, for the live preview: the same shape as a saved version's. */
export function draftKpiFact(key: CustomKpiKey, node: TypedNode, definition: { name: string; unit: FormulaUnit; direction: KpiDefinition["direction"] }): CustomKpiFact {
  return {
    key, custom: true, name: definition.name, unit: kpiUnitOf(definition.unit), direction: definition.direction, plain: definition.name,
    definition: "", ...shapeFacts(node), version: 0, decimals: 0, formula: "", formulaUnit: definition.unit, references: [], node, archived: false,
  };
}

interface Cached {
  stamp: string;
  directory: KpiDirectory;
}

// Per database client, so that tests on two databases in one process never share one.
const cache = new WeakMap<object, Cached>();

/**
 * The directory, read once per process and again only when a version was saved since (by this
 * process or another: the CLI saves outside the server), which one small query tells.
 */
export async function loadKpiDirectory(prisma: PrismaClient): Promise<KpiDirectory> {
  const [row] = await prisma.$queryRaw<{ stamp: string }[]>`
    SELECT (SELECT count(*) FROM custom_kpi_versions)::text || ':' || coalesce((SELECT max(id) FROM custom_kpi_versions), 0)::text
           || ':' || (SELECT count(*) FROM custom_kpis WHERE archived_at IS NOT NULL)::text AS stamp`;
  const stamp = row!.stamp;
  const cached = cache.get(prisma);
  if (cached?.stamp === stamp) return cached.directory;

  const kpis = await prisma.customKpi.findMany({ include: { versions: { orderBy: { version: "desc" }, take: 1 } } });
  const directory = directoryOf(kpis.flatMap((kpi) => (kpi.versions[0] ? [{ ...kpi.versions[0], key: kpi.key, archivedAt: kpi.archivedAt }] : [])));
  cache.set(prisma, { stamp, directory });
  return directory;
}

/**
 * The directory as it stood at `at`: each custom KPI's version in force then (the latest saved at
 * or before it, else its first), which a competition reads for its start so that an edit during it
 * changes nothing it shows (docs/custom-kpis.md, "Versioning"). Not cached: a past instant's
 * directory is asked for once per competition computation.
 */
export async function loadKpiDirectoryAt(prisma: PrismaClient, at: Date): Promise<KpiDirectory> {
  const kpis = await prisma.customKpi.findMany({ include: { versions: { orderBy: { version: "desc" } } } });
  return directoryOf(kpis.flatMap((kpi) => {
    const inForce = kpi.versions.find((v) => v.createdAt <= at) ?? kpi.versions.at(-1);
    return inForce ? [{ ...inForce, key: kpi.key, archivedAt: kpi.archivedAt }] : [];
  }));
}

function directoryOf(versions: (Omit<VersionRow, "references"> & { references: unknown })[]): KpiDirectory {
  const rows: VersionRow[] = versions.map((v) => ({ ...v, references: v.references as string[] }));
  const known = new Map<string, KnownCustomKpi>(rows.map((row) => [row.key, { unit: row.unit, live: row.live, references: row.references }]));
  return makeKpiDirectory(rows.map((row) => versionFact(row, known)));
}
