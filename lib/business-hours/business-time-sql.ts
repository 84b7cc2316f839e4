import { Prisma } from "@/lib/generated/prisma/client";

// Business time in SQL over the expanded intervals of lib/business-hours/expand-schedule.ts.
// B(s, t), the business seconds of schedule s before instant t, is one primary-key look-up: the
// last interval starting at or before t. Business time from a to b is B(b) − B(a). Where no
// schedule applies (none configured), every hour is a business hour, as in Zendesk and Intercom.

function secondsBefore(schedule: Prisma.Sql, t: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce((
    SELECT i.seconds_before + extract(epoch FROM least(${t}, i.end_at) - i.start_at)::float8
    FROM business_intervals i WHERE i.schedule_id = ${schedule} AND i.start_at <= ${t}
    ORDER BY i.start_at DESC LIMIT 1), 0)`;
}

/** Seconds of [from, to) inside business hours. */
export function businessSecondsSql(schedule: Prisma.Sql, from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${schedule} IS NULL THEN extract(epoch FROM ${to} - ${from})::float8
    ELSE ${secondsBefore(schedule, to)} - ${secondsBefore(schedule, from)} END)`;
}

/** The instant at which `seconds` of business time have passed since `from`. */
export function businessDeadlineSql(schedule: Prisma.Sql, from: Prisma.Sql, seconds: Prisma.Sql): Prisma.Sql {
  const target = Prisma.sql`(${secondsBefore(schedule, from)} + ${seconds})`;
  return Prisma.sql`(CASE WHEN ${schedule} IS NULL THEN ${from} + ${seconds} * interval '1 second' ELSE (
    SELECT i.start_at + (${target} - i.seconds_before) * interval '1 second'
    FROM business_intervals i WHERE i.schedule_id = ${schedule} AND i.seconds_before < ${target}
    ORDER BY i.seconds_before DESC LIMIT 1) END)`;
}

/**
 * The ticket `t`'s team as `bt`, for TICKET_SCHEDULE. A join rather than a correlated subquery:
 * with the schedule a plain column, business time costs two index look-ups per row, not five.
 */
export const TICKET_SCHEDULE_JOIN = Prisma.sql`LEFT JOIN teams bt ON bt.id = t.team_id`;

/** The schedule that applies to the ticket `t` (joined with TICKET_SCHEDULE_JOIN): its team's own, else the organisation's. */
export const TICKET_SCHEDULE = Prisma.sql`coalesce(bt.business_schedule_id, (SELECT o.business_schedule_id FROM org_settings o WHERE o.id = 1))`;

/** A duration of the ticket `t` in seconds, on the calendar or inside its business hours (needs TICKET_SCHEDULE_JOIN). */
export function durationSql(hours: "calendar" | "business", from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql {
  return hours === "business" ? businessSecondsSql(TICKET_SCHEDULE, from, to) : Prisma.sql`extract(epoch FROM ${to} - ${from})::float8`;
}
