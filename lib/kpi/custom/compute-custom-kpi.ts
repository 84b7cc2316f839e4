import type { PrismaClient } from "@/lib/generated/prisma/client";

import { getKpiDefinition, isKpiKey, type KpiKey } from "../catalog";
import { builtInSnapshot, type KpiSnapshotEntry } from "../built-in-snapshot";
import { NO_GROUPING, type KpiGrouping, type KpiQuery } from "../kpi-query";
import { loadRollupStates } from "../rollups/load-rollup-states";
import { checkFormula, MAX_REFERENCE_DEPTH, type KnownCustomKpi } from "./check-formula";
import { computeRecordAggregate, countsToZero, type AggregateNode, type RecordAggregateGroup } from "./compute-record-aggregate";
import { computeRolledUpAggregate, rolledUpPlan } from "./compute-rolled-up-aggregate";
import { computeTicketAggregate, isRolledUpTicketAggregate } from "./compute-ticket-aggregate";
import { evaluateFormula, type FormulaLeaf, type FormulaValue } from "./evaluate-formula";
import { describeFormulaError, type FormulaUnit, type TypedNode } from "./formula-tree";
import { loadCustomKpiVersion } from "./load-custom-kpi-version";

/** A custom KPI's value as the snapshot gives a built-in's: percents ×100, groups keyed as the snapshot keys them. */
export interface CustomKpiValue extends FormulaValue {
  unit: FormulaUnit;
  /** Beside a formula that is one mean of a duration, as the built-in durations report them (exact). */
  median?: number | null;
  p90?: number | null;
  groups?: { key: string | null; value: number | null; n: number }[];
}

/** A formula this engine cannot compute: a reference to a custom KPI that has no version, or one nested too deep. */
export class FormulaNotCompiledError extends Error {}

export interface CustomKpiOptions {
  /** References to custom KPIs read the version in force at this instant (a competition's start); default the latest. */
  at?: Date;
  /** How many custom KPIs refer down to this one (bounded by the checker's MAX_REFERENCE_DEPTH). */
  depth?: number;
}

function leavesOf(node: TypedNode, into: FormulaLeaf[] = []): FormulaLeaf[] {
  if (node.kind === "aggregate" || node.kind === "reference") into.push(node);
  if (node.kind === "negate") leavesOf(node.operand, into);
  if (node.kind === "binary") {
    leavesOf(node.left, into);
    leavesOf(node.right, into);
  }
  return into;
}

/** The value a leaf has in a group where it has no records: counts are 0, everything else has no value. */
function emptyValue(leaf: FormulaLeaf): FormulaValue {
  const counted = leaf.kind === "aggregate" ? countsToZero(leaf) : leaf.custom ? leaf.unit === "count" : getKpiDefinition(leaf.key as KpiKey).unit === "count";
  return { value: counted ? 0 : null, n: 0 };
}

/** The tree holds percents as fractions; the snapshot (and so the screen) as 0-100. */
const POINTS = 100;

/**
 * The typed tree of a custom KPI's version in force at `at` (the latest without it), checked
 * against the versions in force then of the custom KPIs it refers to, loaded first.
 */
async function loadTypedVersion(prisma: PrismaClient, key: string, at: Date | undefined): Promise<TypedNode> {
  const known = new Map<string, KnownCustomKpi & { canonical: string }>();
  const pending = [key];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (known.has(next)) continue;
    const version = await loadCustomKpiVersion(prisma, next, at);
    if (!version) throw new FormulaNotCompiledError(`${next} is not a custom KPI`);
    const references = (version.references as string[]).filter((r) => !isKpiKey(r));
    known.set(next, { unit: version.unit, live: version.live, references, canonical: version.canonical });
    pending.push(...references);
  }
  const checked = checkFormula(known.get(key)!.canonical, { self: key, customKpi: (k) => known.get(k) });
  if (!checked.ok) throw new FormulaNotCompiledError(`${key}: ${describeFormulaError(checked.error)}`);
  return checked.value;
}

/**
 * A checked formula over the query's window, filters and grouping: its aggregates through the
 * compiler (counts, shares, sums and means whose conditions and field a rollup counts and sums
 * from the rollups where they cover the window, everything else from the raw rows of its set), its references to built-in KPIs through
 * builtInSnapshot itself, so no built-in formula is copied, and to custom KPIs by computing their
 * version in force; then the arithmetic per group. Totals and groups come from separate passes,
 * as getKpiSnapshot's do. A live formula has no time buckets, as the live KPIs have none.
 */
export async function computeCustomKpi(prisma: PrismaClient, node: TypedNode, q: KpiQuery, options: CustomKpiOptions = {}): Promise<CustomKpiValue> {
  const depth = options.depth ?? 0;
  if (depth > MAX_REFERENCE_DEPTH) throw new FormulaNotCompiledError(`custom KPIs refer deeper than ${MAX_REFERENCE_DEPTH} levels`);
  const leaves = leavesOf(node);
  const aggregates = leaves.filter((leaf): leaf is AggregateNode => leaf.kind === "aggregate");
  const references = new Set<KpiKey>();
  const customs = new Set<string>();
  for (const leaf of leaves) {
    if (leaf.kind !== "reference") continue;
    if (!leaf.custom && isKpiKey(leaf.key)) references.add(leaf.key);
    else customs.add(leaf.key);
  }
  // Up to now as well, as getKpiSnapshot loads it: a past window's backlog is read back from now.
  const rollups = q.rollups ?? (await loadRollupStates(prisma, { from: q.from, to: new Date(Math.max(q.to.getTime(), q.now.getTime())) }));
  const query = { ...q, rollups };
  const grouping: KpiGrouping = node.live && q.grouping.by === "time" ? NO_GROUPING : q.grouping;
  const bucketKeys = grouping.by === "time" ? grouping.buckets.map((b) => b.key) : [];
  // Snapshot groups of time buckets are keyed by the bucket's start; the families' rows by its number.
  const groupKeyOf = (snapshotKey: string | null) => (grouping.by === "time" ? String(bucketKeys.indexOf(snapshotKey ?? "") + 1) : snapshotKey);
  // A formula that is one mean of a duration reports its median and p90 too, as the built-in durations do.
  const spread = node.kind === "aggregate" && node.op === "mean" && node.field?.type.type === "duration" && q.percentiles !== false;

  const compute = (aggregate: AggregateNode, g: KpiGrouping): Promise<RecordAggregateGroup[]> => {
    if (isRolledUpTicketAggregate(aggregate)) return computeTicketAggregate(prisma, aggregate, { ...query, grouping: g });
    // The whole window's median and p90 need the raw values anyway: that pass gives the mean too.
    const withSpread = spread && g.by === "none";
    const rolledUp = withSpread ? null : rolledUpPlan(aggregate, query);
    if (rolledUp) return computeRolledUpAggregate(prisma, aggregate, rolledUp, query, g);
    return computeRecordAggregate(prisma, aggregate, query, g, withSpread);
  };
  const run = (g: KpiGrouping) => Promise.all(aggregates.map(async (aggregate) => new Map((await compute(aggregate, g)).map((group) => [group.key, group]))));
  const [totals, grouped, snapshot, customValues] = await Promise.all([
    run(NO_GROUPING),
    grouping.by === "none" ? null : run(grouping),
    references.size ? builtInSnapshot(prisma, [...references], { ...query, grouping }) : new Map<KpiKey, KpiSnapshotEntry>(),
    Promise.all([...customs].map(async (key) => {
      const tree = await loadTypedVersion(prisma, key, options.at);
      return [key, await computeCustomKpi(prisma, tree, { ...query, grouping }, { ...options, depth: depth + 1 })] as const;
    })).then((entries) => new Map(entries)),
  ]);

  const valueIn = (group: string | null, byAggregate: Map<string | null, RecordAggregateGroup>[]) => (leaf: FormulaLeaf): FormulaValue => {
    if (leaf.kind === "aggregate") {
      const found = byAggregate[aggregates.indexOf(leaf)]!.get(group);
      if (!found) return emptyValue(leaf);
      return { value: found.value, n: found.n, ...(found.denominator !== undefined && { numerator: found.numerator, denominator: found.denominator }) };
    }
    const entry: { value: number | null; n: number; groups?: { key: string | null; value: number | null; n: number }[] } =
      leaf.custom ? customValues.get(leaf.key)! : snapshot.get(leaf.key as KpiKey)!;
    const percent = leaf.custom ? leaf.unit === "percent" : getKpiDefinition(leaf.key as KpiKey).unit === "percent";
    const scale = (value: number | null) => (value !== null && percent ? value / POINTS : value);
    if (group === "") return { value: scale(entry.value), n: entry.n };
    const found = entry.groups?.find((g) => groupKeyOf(g.key) === group);
    return found ? { value: scale(found.value), n: found.n } : emptyValue(leaf);
  };
  const shown = (value: FormulaValue): FormulaValue => (node.unit === "percent" && value.value !== null ? { ...value, value: value.value * POINTS } : value);

  const total = shown(evaluateFormula(node, valueIn("", totals)));
  const whole = totals[0]?.get("");
  const spreads = spread ? { median: whole?.median ?? null, p90: whole?.p90 ?? null } : {};
  if (!grouped) return { ...total, ...spreads, unit: node.unit };
  const keys =
    grouping.by === "time"
      ? bucketKeys.map((_, i) => String(i + 1))
      : [...new Set([
        ...grouped.flatMap((byKey) => [...byKey.keys()]),
        ...[...snapshot.values(), ...customValues.values()].flatMap((e) => (e.groups ?? []).map((g) => g.key)),
      ])];
  const groups = keys
    .map((key) => ({ key, ...shown(evaluateFormula(node, valueIn(key, grouped))) }))
    // As in the snapshot: a team without data is noise in its breakdown; an empty time bucket is a gap to show.
    .filter((g) => grouping.by === "time" || g.n > 0)
    .map((g) => ({ key: grouping.by === "time" ? bucketKeys[Number(g.key) - 1]! : g.key, value: g.value, n: g.n }));
  // As the snapshot orders a breakdown: by key, the null group last, whatever plan the database chose.
  if (grouping.by !== "time") groups.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // As the snapshot: a breakdown in which no group has data has no groups.
  return { ...total, ...spreads, unit: node.unit, ...(groups.length > 0 && { groups }) };
}
