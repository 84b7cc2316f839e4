import { durationSql, TICKET_SCHEDULE_JOIN } from "@/lib/business-hours/business-time-sql";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

import {
  assembleGroups, filterConditions, groupKey, measureGrouping, NO_GROUPING, queryKeys,
  type GroupResults, type KpiQuery, type MeasureKeys,
} from "../kpi-query";
import { count, num, ratio, type KpiResult } from "../kpi-result";
import { wilsonMarginOfError } from "../margin-of-error";
import { coverageOf, rolledUpSql, usableRollup, type FamilyRollup, type RollupTables } from "../rollups/rolled-up-sql";
import { hourOf, inRanges, type TimeRanges } from "../rollups/rollup-coverage";
import { durationPercentiles, type Spread } from "../sketches/duration-percentiles";
import { sketchMeasure, type SketchedFamily } from "../sketches/sketched-family";
import { TICKET_COLUMNS } from "./ticket-columns";

const HOURLY = {
  table: Prisma.sql`ticket_rollup`,
  columns: { team: Prisma.sql`ru.team_id`, agent: Prisma.sql`ru.agent_id`, channel: Prisma.sql`ru.channel`, priority: Prisma.sql`ru.priority` },
};
const DAILY = {
  table: Prisma.sql`ticket_rollup_daily`,
  columns: { team: Prisma.sql`ru.team_id`, agent: Prisma.sql`ru.agent_id`, channel: Prisma.sql`ru.channel` },
  keys: Prisma.sql`team_id, agent_id, channel`,
};
const TEAM_DAILY = {
  table: Prisma.sql`ticket_rollup_team_daily`,
  columns: { team: Prisma.sql`ru.team_id`, channel: Prisma.sql`ru.channel` },
  keys: Prisma.sql`team_id, channel`,
};
const CALENDAR_SUMS = Prisma.sql`sum(volume)::int AS volume, sum(fcr)::int AS fcr, sum(frt_n)::int AS frt_n, sum(frt_sum) AS frt_sum,
    sum(solved)::int AS solved, sum(art_sum) AS art_sum, sum(reopened)::int AS reopened, sum(touches)::int AS touches,
    sum(opened)::int AS opened, sum(closed)::int AS closed, sum(frt_bsum) AS frt_bsum, sum(art_bsum) AS art_bsum`;
const SLA_SUMS = Prisma.sql`sum(sla_fr_n)::int AS sla_fr_n, sum(sla_fr_met)::int AS sla_fr_met,
    sum(sla_res_n)::int AS sla_res_n, sum(sla_res_met)::int AS sla_res_met`;
/** Every column of the ticket rollups: what a refresh rebuilds. */
const ROLLUP: RollupTables = {
  hourly: HOURLY,
  daily: DAILY,
  teamDaily: TEAM_DAILY,
  measures: Prisma.sql`volume, fcr, frt_n, frt_sum, solved, art_sum, reopened, touches, opened, closed, frt_bsum, art_bsum,
    sla_fr_n, sla_fr_met, sla_res_n, sla_res_met`,
  sums: Prisma.sql`${CALENDAR_SUMS}, ${SLA_SUMS}`,
};
/** The columns the ticket KPIs read (durations on both clocks); the SLA family reads the others. */
const TICKET_READ: RollupTables = { ...ROLLUP, sums: CALENDAR_SUMS };
/** The ticket rollups' SLA outcome columns, for lib/kpi/families/sla-kpis.ts. */
export const SLA_ROLLUP_TABLES: RollupTables = { ...ROLLUP, sums: SLA_SUMS };
const ROLLUP_KEYS: MeasureKeys = {
  select: (timestamp) => Prisma.sql`${hourOf(timestamp)} AS hour, t.team_id, t.assignee_id AS agent_id, t.channel, t.priority`,
  columns: Prisma.sql`hour, team_id, agent_id, channel, priority`,
};

interface MeasureOptions {
  ranges: TimeRanges;
  keys: MeasureKeys;
  where: Prisma.Sql;
  now: Date;
}

/**
 * Which of the costlier measures a statement computes: a query the clock it reads on; a rollup
 * both, and the SLA outcomes (calendar sums stay in `frt_sum`/`art_sum`, business ones in
 * `*_bsum`); and the touches (one count of messages per ticket), which only touches per ticket
 * and first contact resolution need (0 otherwise).
 */
interface Durations {
  calendar: boolean;
  business: boolean;
  sla: boolean;
  touches: boolean;
}

const ALL_DURATIONS: Durations = { calendar: true, business: true, sla: true, touches: true };

// Each part reads the index of the timestamp it counts on and is keyed by that same timestamp, so a
// ticket created on Monday and solved on Tuesday adds to Monday's volume and to Tuesday's solved.
// Sums are numeric (exact): a float sum depends on the order rows arrive in, and the same data must
// give the same number whatever order it was ingested in, and whether it was rolled up or not.
// A ticket is in the backlog at instants in (createdAt, resolvedAt]: `opened` counts it at its
// creation, `closed` at its resolution (neither when resolvedAt precedes createdAt: never open), so
// the backlog moves between two instants by the opened minus the closed between them.

/** A ticket's public agent messages, counted through the messages' (ticket_id, created_at) index. */
export const touchesOf = (ticketId: Prisma.Sql) =>
  Prisma.sql`(SELECT count(*) FROM messages m WHERE m.ticket_id = ${ticketId} AND m.author = 'agent' AND m.public)::int`;

/** Whether the ticket `t` is resolved as of `now` (first contact resolution, a custom formula's `resolved`). */
export const resolvedBySql = (now: Date) => Prisma.sql`t.resolved_at <= ${now}`;

const calendarSql = (from: Prisma.Sql, to: Prisma.Sql) => durationSql("calendar", from, to);
const businessSql = (from: Prisma.Sql, to: Prisma.Sql) => durationSql("business", from, to);

/** An SLA target of a ticket's priority (`p`, joined by `join`): its seconds and its clock. */
interface SlaTarget {
  join: Prisma.Sql;
  seconds: Prisma.Sql;
  hours: Prisma.Sql;
}

const FIRST_RESPONSE_TARGET: SlaTarget = {
  join: Prisma.sql`LEFT JOIN sla_policies p ON p.priority = t.priority AND p.first_response_seconds IS NOT NULL`,
  seconds: Prisma.sql`p.first_response_seconds`,
  hours: Prisma.sql`p.first_response_hours`,
};
const RESOLUTION_TARGET: SlaTarget = {
  join: Prisma.sql`LEFT JOIN sla_policies p ON p.priority = t.priority AND p.resolution_seconds IS NOT NULL`,
  seconds: Prisma.sql`p.resolution_seconds`,
  hours: Prisma.sql`p.resolution_hours`,
};

/**
 * Whether the ticket has a target (`sla_n`) and met it on the policy's own clock (`sla_met`), as
 * lib/kpi/families/sla-kpis.ts measures it from the raw rows; both 0 without a target.
 */
function slaOutcomeSql(target: SlaTarget, calendar: Prisma.Sql, business: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${target.seconds} IS NULL THEN 0 ELSE 1 END AS sla_n,
    CASE WHEN (CASE WHEN ${target.hours} = 'business' THEN ${business} ELSE ${calendar} END) <= ${target.seconds} THEN 1 ELSE 0 END AS sla_met`;
}

/** The ticket family's additive measures over the tickets' timestamps in `ranges`, one row per key. */
function measuresSql(o: MeasureOptions, d: Durations, sums: Prisma.Sql): Prisma.Sql {
  const k = o.keys.columns;
  const zero = Prisma.sql`0::numeric`;
  const frt = calendarSql(Prisma.sql`t.created_at`, Prisma.sql`t.first_response_at`);
  const frtB = businessSql(Prisma.sql`t.created_at`, Prisma.sql`t.first_response_at`);
  const art = calendarSql(Prisma.sql`t.created_at`, Prisma.sql`t.resolved_at`);
  const artB = businessSql(Prisma.sql`t.created_at`, Prisma.sql`t.resolved_at`);
  const sla = (target: SlaTarget, calendar: Prisma.Sql, business: Prisma.Sql) =>
    d.sla ? { join: target.join, columns: slaOutcomeSql(target, calendar, business) } : { join: Prisma.empty, columns: Prisma.sql`0 AS sla_n, 0 AS sla_met` };
  const frSla = sla(FIRST_RESPONSE_TARGET, frt, frtB);
  const resSla = sla(RESOLUTION_TARGET, art, artB);
  const touches = (ticketId: Prisma.Sql) => (d.touches ? touchesOf(ticketId) : Prisma.sql`0`);
  return Prisma.sql`
    WITH created AS (
      SELECT t.created_at, t.resolved_at, ${resolvedBySql(o.now)} AS resolved_by_now, t.reopens, ${touches(Prisma.sql`t.id`)} AS touches, ${o.keys.select(Prisma.sql`t.created_at`)}
      FROM tickets t
      WHERE ${inRanges(Prisma.sql`t.created_at`, o.ranges)} ${o.where}
    ), responded AS (
      SELECT ${d.calendar ? Prisma.sql`${frt}::numeric` : zero} AS s, ${d.business ? Prisma.sql`${frtB}::numeric` : zero} AS bs,
             ${frSla.columns}, ${o.keys.select(Prisma.sql`t.first_response_at`)}
      FROM tickets t ${TICKET_SCHEDULE_JOIN} ${frSla.join}
      WHERE ${inRanges(Prisma.sql`t.first_response_at`, o.ranges)} ${o.where}
    ), resolved AS (
      SELECT t.id, t.reopens, t.resolved_at >= t.created_at AS after_created,
             ${d.calendar ? Prisma.sql`${art}::numeric` : zero} AS s, ${d.business ? Prisma.sql`${artB}::numeric` : zero} AS bs,
             ${resSla.columns}, ${o.keys.select(Prisma.sql`t.resolved_at`)}
      FROM tickets t ${TICKET_SCHEDULE_JOIN} ${resSla.join}
      WHERE ${inRanges(Prisma.sql`t.resolved_at`, o.ranges)} ${o.where}
    ), events AS (
      SELECT ${k}, 1 AS volume, CASE WHEN resolved_by_now AND reopens = 0 AND touches = 1 THEN 1 ELSE 0 END AS fcr,
             0 AS frt_n, 0::numeric AS frt_sum, 0 AS solved, 0::numeric AS art_sum, 0 AS reopened, 0 AS touches,
             CASE WHEN resolved_at IS NULL OR resolved_at >= created_at THEN 1 ELSE 0 END AS opened, 0 AS closed,
             0::numeric AS frt_bsum, 0::numeric AS art_bsum, 0 AS sla_fr_n, 0 AS sla_fr_met, 0 AS sla_res_n, 0 AS sla_res_met
      FROM created
      UNION ALL
      SELECT ${k}, 0, 0, 1, s, 0, 0, 0, 0, 0, 0, bs, 0, sla_n, sla_met, 0, 0 FROM responded
      UNION ALL
      SELECT ${k}, 0, 0, 0, 0, 1, s, CASE WHEN reopens > 0 THEN 1 ELSE 0 END, ${touches(Prisma.sql`r.id`)},
             0, CASE WHEN after_created THEN 1 ELSE 0 END, 0, bs, 0, 0, sla_n, sla_met
      FROM resolved r
    )
    SELECT ${k}, ${sums}
    FROM events GROUP BY ${k}`;
}

/**
 * Rebuilds the ticket rollups for `ranges` (whole hours), as of `now` for first contact resolution;
 * run by refreshRollups inside its transaction.
 */
async function rebuildTicketRollup(tx: Pick<PrismaClient, "$executeRaw">, ranges: TimeRanges, now: Date): Promise<void> {
  await tx.$executeRaw`DELETE FROM ticket_rollup ru WHERE ${inRanges(Prisma.sql`ru.hour`, ranges)}`;
  await tx.$executeRaw`
    INSERT INTO ticket_rollup (hour, team_id, agent_id, channel, priority, ${ROLLUP.measures})
    ${measuresSql({ ranges, keys: ROLLUP_KEYS, where: Prisma.empty, now }, ALL_DURATIONS, ROLLUP.sums)}`;
}

/**
 * First response and resolution times, as the sketches keep them: each ticket's at the moment
 * it counts (first answered, resolved), on each clock, with the ticket's team and channel.
 */
const TICKET_SKETCH: SketchedFamily = {
  family: "tickets",
  names: ["frt", "art"],
  clocks: ["calendar", "business"],
  levels: { team: true, channel: true },
  valuesSql(ranges, where, clocks, day) {
    const part = (name: string, at: Prisma.Sql) => {
      const values = clocks.map((clock) => Prisma.sql`(${sketchMeasure(name, clock)}::text, ${durationSql(clock, Prisma.sql`t.created_at`, at)}::float8)`);
      const keys = day ? Prisma.sql`, ${day(at)} AS day, t.team_id, t.channel::text AS channel` : Prisma.empty;
      return Prisma.sql`
        SELECT v.measure, v.s${keys}
        FROM tickets t ${TICKET_SCHEDULE_JOIN} CROSS JOIN LATERAL (VALUES ${Prisma.join(values)}) AS v(measure, s)
        WHERE ${inRanges(at, ranges)} ${where}`;
    };
    return Prisma.sql`${part("frt", Prisma.sql`t.first_response_at`)} UNION ALL ${part("art", Prisma.sql`t.resolved_at`)}`;
  },
};

export const TICKET_ROLLUP: FamilyRollup = {
  tables: ROLLUP,
  rebuildHours: (tx, ranges, { now }) => rebuildTicketRollup(tx, ranges, now),
  sketch: TICKET_SKETCH,
};

interface TicketRow {
  g: string | null;
  volume: unknown; fcr: unknown; frt_n: unknown; frt_mean: unknown;
  solved: unknown; art_mean: unknown; reopened: unknown; touches: unknown; backlog: unknown;
}

/**
 * Every ticket KPI, per group, in one statement: the additive measures from the rollups where they
 * cover the window (in business hours: while the rollups' business columns were computed under
 * the schedules in force) plus the raw rows elsewhere, and the backlog, a state at an instant,
 * counted from the raw rows at the window's end; median and p90 when asked for
 * (lib/kpi/sketches).
 */
export async function computeTicketKpis(prisma: PrismaClient, q: KpiQuery): Promise<GroupResults[]> {
  const where = filterConditions(q.filters, TICKET_COLUMNS);
  const hours = q.hours ?? "calendar";
  const coverage = coverageOf(q, usableRollup(q.rollups?.tickets, hours), TICKET_READ);
  const keys = queryKeys(q.grouping, TICKET_COLUMNS);
  const touches = !q.only || q.only.includes("touches_per_ticket") || q.only.includes("fcr_rate");
  const durations = { calendar: hours === "calendar", business: hours === "business", sla: false, touches };
  const [frtSum, artSum] = hours === "business" ? [Prisma.sql`frt_bsum`, Prisma.sql`art_bsum`] : [Prisma.sql`frt_sum`, Prisma.sql`art_sum`];
  const grouped = measureGrouping(q);
  const measures = prisma.$queryRaw<TicketRow[]>`
    WITH measures AS (
      (${measuresSql({ ranges: coverage.raw, keys, where, now: q.now }, durations, TICKET_READ.sums)})
      ${rolledUpSql(q, coverage, TICKET_READ)}
    ), totals AS (
      SELECT ${grouped.g}, sum(volume) AS volume, sum(fcr) AS fcr, sum(frt_n) AS frt_n, sum(${frtSum}) / nullif(sum(frt_n), 0) AS frt_mean,
             sum(solved) AS solved, sum(${artSum}) / nullif(sum(solved), 0) AS art_mean, sum(reopened) AS reopened, sum(touches) AS touches,
             sum(opened) AS opened, sum(closed) AS closed
      FROM measures GROUP BY ${grouped.by}
    ), backlog AS (${backlogSql(q, where)}
    ), keys AS (
      SELECT g FROM totals UNION SELECT g FROM backlog WHERE backlog > 0
    )
    SELECT k.g, totals.volume, totals.fcr, totals.frt_n, totals.frt_mean, totals.solved, totals.art_mean,
           totals.reopened, totals.touches, backlog.backlog
    FROM keys k
    LEFT JOIN totals ON totals.g IS NOT DISTINCT FROM k.g
    LEFT JOIN backlog ON backlog.g IS NOT DISTINCT FROM k.g`;
  const [rows, spreads] = await Promise.all([measures, durationPercentiles(prisma, q, TICKET_SKETCH, q.rollups?.tickets, where)]);
  return assembleGroups(rows, q.grouping, (row) => toResults(row, spreads?.get("frt") ?? {}, spreads?.get("art") ?? {}));
}

/**
 * Backlog is a state at an instant: at the window's end, or for time buckets at each bucket's end.
 * Open tickets and those resolved after that instant are two index ranges of `resolved_at`. For
 * time buckets only the window's end is counted so; each earlier bucket's end is that less the
 * opened-minus-closed of the buckets after it (from `totals`, so from the rollups where they cover).
 */
function backlogSql(q: KpiQuery, where: Prisma.Sql): Prisma.Sql {
  // Counting the backlog by team or agent reads every open ticket: not for a caller that does not show it.
  if (q.only && !q.only.includes("backlog")) return Prisma.sql`SELECT NULL::text AS g, 0::bigint AS backlog WHERE false`;
  const openAt = (instant: Date) => Prisma.sql`
    (SELECT count(*) FROM tickets t WHERE t.resolved_at IS NULL AND t.created_at < ${instant} ${where})
    + (SELECT count(*) FROM tickets t WHERE t.resolved_at >= ${instant} AND t.created_at < ${instant} ${where})`;
  const openAtEnd = openAt(q.to);
  if (q.grouping.by === "time") {
    // The whole window's backlog (withTotal) is the last bucket's: the same count, made once.
    return Prisma.sql`
      WITH open_at_end AS (SELECT ${openAtEnd} AS n)
      SELECT b.i::text AS g,
             (SELECT n FROM open_at_end) - coalesce(sum(coalesce(t.opened, 0) - coalesce(t.closed, 0))
               OVER (ORDER BY b.i DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS backlog
      FROM generate_series(1, ${q.grouping.buckets.length}::int) AS b(i)
      LEFT JOIN totals t ON t.g = b.i::text
      ${q.withTotal ? Prisma.sql`UNION ALL SELECT '', n FROM open_at_end` : Prisma.empty}`;
  }
  if (q.grouping.by === "none") return Prisma.sql`SELECT ''::text AS g, ${backlogAt(q, where, openAt)} AS backlog`;
  // Counted per raw key first, labelled after: one look-up per team or agent, not one per ticket.
  const column = TICKET_COLUMNS[q.grouping.by as keyof typeof TICKET_COLUMNS] ?? Prisma.sql`NULL::int`;
  const g = groupKey(q.grouping, { [q.grouping.by]: Prisma.sql`open.k` }, Prisma.sql`NULL`);
  return Prisma.sql`
    WITH by_key AS (
      SELECT ${g} AS g, sum(n) AS backlog FROM (
        SELECT ${column} AS k, count(*) AS n FROM tickets t WHERE t.resolved_at IS NULL AND t.created_at < ${q.to} ${where} GROUP BY 1
        UNION ALL
        SELECT ${column}, count(*) FROM tickets t WHERE t.resolved_at >= ${q.to} AND t.created_at < ${q.to} ${where} GROUP BY 1
      ) open GROUP BY 1
    )
    SELECT g, backlog FROM by_key
    ${q.withTotal ? Prisma.sql`UNION ALL SELECT '', coalesce(sum(backlog), 0) FROM by_key` : Prisma.empty}`;
}

/** The ticket rollups' opened and closed counts only. */
const OPENED_CLOSED: RollupTables = { ...ROLLUP, sums: Prisma.sql`sum(opened)::int AS opened, sum(closed)::int AS closed` };

/**
 * The backlog at the window's end. At an instant a month back, counting the tickets resolved after
 * it reads every ticket resolved since (tens of milliseconds at 1M, and a parallel scan the planner
 * overrates); while the rollups reach past that instant it is instead the backlog now, less the
 * tickets opened and plus those closed since, which the rollups hold: the same count.
 */
function backlogAt(q: KpiQuery, where: Prisma.Sql, openAt: (instant: Date) => Prisma.Sql): Prisma.Sql {
  const state = q.rollups?.tickets;
  if (!state?.rolledUntil || q.to.getTime() >= Math.min(state.rolledUntil.getTime(), q.now.getTime())) return openAt(q.to);
  const since: KpiQuery = { ...q, from: q.to, to: q.now, grouping: NO_GROUPING };
  const coverage = coverageOf(since, state, OPENED_CLOSED);
  return Prisma.sql`${openAt(q.now)} - (
    SELECT coalesce(sum(opened) - sum(closed), 0) FROM (
      SELECT ''::text AS g,
             (SELECT count(*) FROM tickets t
              WHERE ${inRanges(Prisma.sql`t.created_at`, coverage.raw)} AND (t.resolved_at IS NULL OR t.resolved_at >= t.created_at) ${where})::int AS opened,
             (SELECT count(*) FROM tickets t
              WHERE ${inRanges(Prisma.sql`t.resolved_at`, coverage.raw)} AND t.resolved_at >= t.created_at ${where})::int AS closed
      ${rolledUpSql(since, coverage, OPENED_CLOSED)}
    ) moved)`;
}

function toResults(r: TicketRow | undefined, frt: Partial<Spread>, art: Partial<Spread>): KpiResult[] {
  const volume = count(r?.volume);
  const fcr = count(r?.fcr);
  const solved = count(r?.solved);
  const reopened = count(r?.reopened);
  const touches = count(r?.touches);
  const backlog = count(r?.backlog);
  return [
    { key: "ticket_volume", value: volume, unit: "count", n: volume },
    { key: "tickets_solved", value: solved, unit: "count", n: solved },
    { key: "first_response_time", value: num(r?.frt_mean), unit: "seconds", n: count(r?.frt_n), ...frt },
    { key: "avg_resolution_time", value: num(r?.art_mean), unit: "seconds", n: solved, ...art },
    {
      key: "fcr_rate", value: ratio(fcr, volume, 100), unit: "percent", n: volume, numerator: fcr, denominator: volume,
      marginOfError: wilsonMarginOfError(fcr, volume),
    },
    { key: "touches_per_ticket", value: ratio(touches, solved), unit: "ratio", n: solved, numerator: touches, denominator: solved },
    {
      key: "reopen_rate", value: ratio(reopened, solved, 100), unit: "percent", n: solved, numerator: reopened, denominator: solved,
      marginOfError: wilsonMarginOfError(reopened, solved),
    },
    { key: "backlog", value: backlog, unit: "count", n: backlog },
  ];
}
