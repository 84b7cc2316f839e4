// The record sets of lib/kpi/custom/record-sets.ts as SQL: for each, the rows a window holds (by
// the same basis, window and filters as the built-in KPIs counting on it), its group key, and its
// fields as column fragments, all taken from the families' own fragments so that a custom formula
// measures what a built-in one measures. Conditions compile to bound SQL over those fragments.

import { durationSql, TICKET_SCHEDULE_JOIN } from "@/lib/business-hours/business-time-sql";
import { Prisma } from "@/lib/generated/prisma/client";

import { CALL_COLUMNS, CALL_HANDLE, CALL_WAIT, callFacts } from "../families/call-kpis";
import { AGENT_COLUMNS, agentsNowSql, WAITING_COLUMNS, waitingCallSql } from "../families/live-kpis";
import { REPLY_COLUMNS, waitsSql } from "../families/reply-kpis";
import { slaOutcomeSql } from "../families/sla-kpis";
import { SURVEY_COLUMNS, SURVEYS_FROM } from "../families/survey-kpis";
import { TICKET_COLUMNS } from "../families/ticket-columns";
import { resolvedBySql, touchesOf } from "../families/ticket-kpis";
import { filterConditions, groupKey, NO_GROUPING, type DimensionColumns, type HoursBasis, type KpiGrouping, type KpiQuery } from "../kpi-query";
import { inRanges, wholeWindow, type TimeRanges } from "../rollups/rollup-coverage";
import { dimensionMatchSql } from "./dimension-condition-sql";
import type { ComparisonOp, FieldType, TypedCondition, TypedField, TypedSet } from "./formula-tree";
import type { RecordSetName } from "./record-sets";

/** A field's value on a row of its set, on a clock (only durations measured in business time look at it). */
type FieldSql = (clock: HoursBasis) => Prisma.Sql;

/** The rows of a record set for one query: `SELECT … FROM ${from} WHERE ${where} GROUP BY ${g}`. */
export interface RecordSource {
  from: Prisma.Sql;
  where: Prisma.Sql;
  /** The group key, as the families key groups ('' ungrouped, the 1-based bucket number, the externalId…). */
  g: Prisma.Sql;
  fields: Readonly<Record<string, FieldSql>>;
}

const fixed = (sql: Prisma.Sql): FieldSql => () => sql;

/** The clock a field is read on: pinned by the formula, else the query's. */
export const clockOf = (field: TypedField, q: KpiQuery): HoursBasis => (field.clock === "query" ? (q.hours ?? "calendar") : field.clock);

/** The set's rows in the window; `clocks` are the clocks its duration fields are read on (the replies' waits are computed per clock). */
export function recordSource(
  set: TypedSet,
  q: KpiQuery,
  grouping: KpiGrouping,
  clocks: ReadonlySet<HoursBasis>,
  /** The parts of the window to read (the rest read from a rollup); ignored by the sets of an instant. */
  window: TimeRanges = wholeWindow(q.from, q.to),
): RecordSource {
  const name = set.name as RecordSetName;
  switch (name) {
    case "tickets": {
      const at = { created: Prisma.sql`t.created_at`, solved: Prisma.sql`t.resolved_at`, first_answered: Prisma.sql`t.first_response_at` }[set.basis as "created"];
      return {
        from: Prisma.sql`tickets t ${TICKET_SCHEDULE_JOIN} LEFT JOIN sla_policies sp ON sp.priority = t.priority`,
        where: Prisma.sql`${inRanges(at, window)} ${filterConditions(q.filters, TICKET_COLUMNS)}`,
        g: groupKey(grouping, TICKET_COLUMNS, at),
        fields: {
          ...dimensions(TICKET_COLUMNS),
          status: fixed(Prisma.sql`t.status`),
          reopens: fixed(Prisma.sql`t.reopens`),
          touches: fixed(touchesOf(Prisma.sql`t.id`)),
          resolved: fixed(resolvedBySql(q.now)),
          first_response: (clock) => durationSql(clock, Prisma.sql`t.created_at`, Prisma.sql`t.first_response_at`),
          resolution: (clock) => durationSql(clock, Prisma.sql`t.created_at`, Prisma.sql`t.resolved_at`),
          first_response_sla: fixed(slaOutcomeSql(Prisma.sql`sp`, "first_response", q.now)),
          resolution_sla: fixed(slaOutcomeSql(Prisma.sql`sp`, "resolution", q.now)),
        },
      };
    }
    case "open_tickets": {
      // Open at an instant: created before it, not resolved before it (as the built-in backlog
      // counts): the window's end, or each time bucket's end within the window.
      const fields = { ...dimensions(TICKET_COLUMNS), status: fixed(Prisma.sql`t.status`), reopens: fixed(Prisma.sql`t.reopens`) };
      const filters = filterConditions(q.filters, TICKET_COLUMNS);
      if (grouping.by === "time") {
        const ends = grouping.buckets.map((b) => new Date(Math.min(b.end.getTime(), q.to.getTime())));
        const [first, last] = [ends[0] ?? q.to, ends.at(-1) ?? q.to];
        // The tickets open at some bucket's end first (two ranges of the backlog's index), then each bucket's.
        return {
          from: Prisma.sql`(
              SELECT t.* FROM tickets t WHERE t.created_at < ${last} AND (t.resolved_at IS NULL OR t.resolved_at >= ${first}) ${filters}
            ) t
            JOIN unnest(${ends.map((e) => e.toISOString())}::timestamptz[]) WITH ORDINALITY AS b(instant, i)
              ON t.created_at < b.instant AND (t.resolved_at IS NULL OR t.resolved_at >= b.instant)`,
          where: Prisma.sql`true`,
          g: Prisma.sql`b.i::text`,
          fields,
        };
      }
      return {
        from: Prisma.sql`tickets t`,
        where: Prisma.sql`t.created_at < ${q.to} AND (t.resolved_at IS NULL OR t.resolved_at >= ${q.to}) ${filters}`,
        g: groupKey(grouping, TICKET_COLUMNS, Prisma.sql`NULL::timestamptz`),
        fields,
      };
    }
    case "agent_messages": {
      const columns = { ...TICKET_COLUMNS, agent: Prisma.sql`m.agent_id` };
      return {
        from: Prisma.sql`messages m JOIN tickets t ON t.id = m.ticket_id`,
        where: Prisma.sql`${inRanges(Prisma.sql`m.created_at`, window)} AND m.author = 'agent' AND m.public ${filterConditions(q.filters, columns)}`,
        g: groupKey(grouping, columns, Prisma.sql`m.created_at`),
        fields: dimensions(columns),
      };
    }
    case "replies": {
      // The reply family's waits, with the dimensions carried out of them; on the calendar as `s`
      // and in business hours as `bs` when both are read, else on the one clock as `s`.
      const both = clocks.size > 1;
      const only: HoursBasis = clocks.has("business") ? "business" : "calendar";
      const keys = {
        select: (at: Prisma.Sql) => Prisma.sql`${groupKey(grouping, REPLY_COLUMNS, at)} AS g, t.team_id, w.agent_id, t.channel, t.priority`,
        columns: Prisma.empty,
      };
      const columns = { team: Prisma.sql`r.team_id`, agent: Prisma.sql`r.agent_id`, channel: Prisma.sql`r.channel`, priority: Prisma.sql`r.priority` };
      return {
        from: Prisma.sql`(${waitsSql(window, keys, filterConditions(q.filters, REPLY_COLUMNS), both ? "calendar" : only, both)}) r`,
        where: Prisma.sql`true`,
        g: Prisma.sql`r.g`,
        fields: { ...dimensions(columns), wait: (clock) => (both && clock === "business" ? Prisma.sql`r.bs` : Prisma.sql`r.s`) },
      };
    }
    case "calls": {
      const is = callFacts(Prisma.sql`c`, CALL_WAIT, q.serviceLevelSeconds);
      return {
        from: Prisma.sql`calls c`,
        where: Prisma.sql`${inRanges(Prisma.sql`c.ended_at`, window)} ${filterConditions(q.filters, CALL_COLUMNS)}`,
        g: groupKey(grouping, CALL_COLUMNS, Prisma.sql`c.ended_at`),
        fields: {
          ...dimensions(CALL_COLUMNS),
          direction: fixed(Prisma.sql`c.direction`),
          answered: fixed(is.answered),
          offered: fixed(is.offered),
          abandoned: fixed(is.abandoned),
          within_service_level: fixed(is.within),
          handle: fixed(CALL_HANDLE),
          // Only an answered call has waited to be answered.
          answer_wait: fixed(Prisma.sql`CASE WHEN ${is.answered} THEN ${CALL_WAIT} END`),
          talk: fixed(Prisma.sql`c.talk_seconds`),
          hold: fixed(Prisma.sql`c.hold_seconds`),
          wrap_up: fixed(Prisma.sql`c.wrap_up_seconds`),
        },
      };
    }
    case "surveys":
      return {
        from: SURVEYS_FROM,
        where: Prisma.sql`${inRanges(Prisma.sql`s.responded_at`, window)} ${filterConditions(q.filters, SURVEY_COLUMNS)}`,
        g: groupKey(grouping, SURVEY_COLUMNS, Prisma.sql`s.responded_at`),
        fields: { ...dimensions(SURVEY_COLUMNS), kind: fixed(Prisma.sql`s.kind`), score: fixed(Prisma.sql`s.score`) },
      };
    case "kb_views":
      return {
        from: Prisma.sql`kb_views v`,
        where: Prisma.sql`${inRanges(Prisma.sql`v.viewed_at`, window)} ${filterConditions(q.filters, {})}`,
        g: groupKey(grouping, {}, Prisma.sql`v.viewed_at`),
        fields: { article: fixed(Prisma.sql`v.article`), visitor: fixed(Prisma.sql`v.visitor`) },
      };
    case "agent_status":
      return agentStatusSource(q, grouping);
    case "waiting_calls":
      return {
        from: Prisma.sql`calls c`,
        where: Prisma.sql`${waitingCallSql(q.now)} ${filterConditions(q.filters, WAITING_COLUMNS)}`,
        g: groupKey(liveGrouping(grouping), WAITING_COLUMNS, Prisma.sql`c.queued_at`),
        fields: { ...dimensions(WAITING_COLUMNS), wait: fixed(Prisma.sql`extract(epoch FROM ${q.now}::timestamptz - c.queued_at)::float8`) },
      };
    case "agents_now":
      return {
        from: agentsNowSql(q.now),
        where: Prisma.sql`true ${filterConditions(q.filters, AGENT_COLUMNS)}`,
        g: groupKey(liveGrouping(grouping), AGENT_COLUMNS, Prisma.sql`latest.at`),
        fields: { ...dimensions(AGENT_COLUMNS), status: fixed(Prisma.sql`latest.status`) },
      };
  }
}

/** Live sets describe now: they have no time buckets, as the live KPIs have none. */
const liveGrouping = (grouping: KpiGrouping): KpiGrouping => (grouping.by === "time" ? NO_GROUPING : grouping);

function dimensions(columns: DimensionColumns): Record<string, FieldSql> {
  return Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, fixed(column)]));
}

/**
 * Agents' status intervals (from one event to the agent's next, the last one until now), each cut
 * to the window, and for time buckets to each bucket it overlaps: one record per piece, its
 * duration the piece's length. An agent's interval open at the window's start is the one of their
 * latest event before it.
 */
function agentStatusSource(q: KpiQuery, grouping: KpiGrouping): RecordSource {
  const end = new Date(Math.min(q.to.getTime(), q.now.getTime()));
  const pieces = grouping.by === "time"
    ? Prisma.sql`JOIN unnest(${grouping.buckets.map((b) => b.start.toISOString())}::timestamptz[], ${grouping.buckets.map((b) => b.end.toISOString())}::timestamptz[])
        WITH ORDINALITY AS b(start_at, end_at, i) ON b.start_at < iv.end_at AND b.end_at > iv.start_at`
    : Prisma.empty;
  const [start, stop] = grouping.by === "time"
    ? [Prisma.sql`greatest(iv.start_at, b.start_at)`, Prisma.sql`least(iv.end_at, b.end_at)`]
    : [Prisma.sql`iv.start_at`, Prisma.sql`iv.end_at`];
  // Per agent, one range of its (agent_id, at) index: from its latest event at or before the window's start.
  const intervals = Prisma.sql`agents a CROSS JOIN LATERAL (
    SELECT e.status, greatest(e.at, ${q.from}::timestamptz) AS start_at,
           least(coalesce(lead(e.at) OVER (ORDER BY e.at), ${end}::timestamptz), ${end}::timestamptz) AS end_at
    FROM agent_status_events e
    WHERE e.agent_id = a.id AND e.at < ${end} AND e.at >= coalesce((
      SELECT max(p.at) FROM agent_status_events p WHERE p.agent_id = a.id AND p.at <= ${q.from}), '-infinity'::timestamptz)
  ) iv`;
  return {
    from: Prisma.sql`${intervals} ${pieces}`,
    where: Prisma.sql`${start} < ${stop} ${filterConditions(q.filters, AGENT_COLUMNS)}`,
    g: grouping.by === "time" ? Prisma.sql`b.i::text` : groupKey(grouping, AGENT_COLUMNS, Prisma.sql`NULL::timestamptz`),
    fields: {
      ...dimensions(AGENT_COLUMNS),
      status: fixed(Prisma.sql`iv.status`),
      duration: fixed(Prisma.sql`extract(epoch FROM ${stop} - ${start})::float8`),
    },
  };
}

const COMPARISONS: Record<ComparisonOp, (a: Prisma.Sql, b: Prisma.Sql) => Prisma.Sql> = {
  "=": (a, b) => Prisma.sql`${a} = ${b}`,
  "!=": (a, b) => Prisma.sql`${a} <> ${b}`,
  "<": (a, b) => Prisma.sql`${a} < ${b}`,
  "<=": (a, b) => Prisma.sql`${a} <= ${b}`,
  ">": (a, b) => Prisma.sql`${a} > ${b}`,
  ">=": (a, b) => Prisma.sql`${a} >= ${b}`,
};

/** A field as a number: durations as float8 seconds (as the families sum and rank them), integers as numeric. */
export function numberSql(source: RecordSource, field: TypedField, q: KpiQuery): Prisma.Sql {
  const value = fieldSql(source, field, q);
  return field.type.type === "duration" ? Prisma.sql`(${value})::float8` : Prisma.sql`(${value})::numeric`;
}

export function fieldSql(source: RecordSource, field: TypedField, q: KpiQuery): Prisma.Sql {
  const sql = source.fields[field.name];
  if (!sql) throw new Error(`no SQL for the field ${field.name}: the checker should have refused it`);
  return sql(clockOf(field, q));
}

/**
 * A checked condition as bound SQL over a source's fields, never NULL: a record without the value
 * (no team, not yet answered) does not match a test of it, and matches its negation (`!=`, `not`).
 */
export function conditionSql(condition: TypedCondition, source: RecordSource, q: KpiQuery): Prisma.Sql {
  return Prisma.sql`coalesce(${rawConditionSql(condition, source, q)}, false)`;
}

function rawConditionSql(condition: TypedCondition, source: RecordSource, q: KpiQuery): Prisma.Sql {
  switch (condition.kind) {
    case "and":
    case "or":
      return Prisma.sql`(${Prisma.join(condition.parts.map((part) => conditionSql(part, source, q)), condition.kind === "and" ? " AND " : " OR ")})`;
    case "not":
      return Prisma.sql`NOT ${conditionSql(condition.operand, source, q)}`;
    case "flag":
      return Prisma.sql`(${fieldSql(source, condition.field, q)})`;
    case "compare": {
      const cast = condition.field.type.type === "duration" ? Prisma.sql`float8` : Prisma.sql`numeric`;
      return COMPARISONS[condition.op](Prisma.sql`(${fieldSql(source, condition.field, q)})::${cast}`, Prisma.sql`${condition.value}::${cast}`);
    }
    case "in": {
      const match = matchSql(condition.field.type, condition.field.name, fieldSql(source, condition.field, q), condition.values);
      return condition.negated ? Prisma.sql`NOT coalesce(${match}, false)` : match;
    }
  }
}

function matchSql(type: FieldType, name: string, column: Prisma.Sql, values: string[]): Prisma.Sql {
  if (type.type === "dimension") return dimensionMatchSql(name, column, values);
  return Prisma.sql`(${column})::text = ANY(${values}::text[])`;
}
