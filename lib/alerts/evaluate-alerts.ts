import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { loadKpiDirectory } from "@/lib/kpi/kpi-directory";
import { notifyUsers } from "@/lib/motivation/notifications";
import { enqueueNotification } from "@/lib/notifications/enqueue-notification";
import { getOrgSettings } from "@/lib/org/get-org-settings";
import { listTargets } from "@/lib/targets/targets";

import { alertMessage, alertPath, firedText, resolvedText, type AlertSubject } from "./alert-message";
import { toAlertRule, type AlertRule } from "./alert-rules";
import { alertTransition } from "./alert-transition";
import { alertSubjectLabeller } from "./describe-alert-rule";
import { observeAlertRules, type AlertObservation } from "./observe-alert-rules";
import { isQuietAt } from "./quiet-hours";

// One evaluation of every enabled rule (docs/alerts.md): observe, step each rule's hysteresis,
// record firings and resolutions with their bell entries, then queue what the channels should hear
// now that quiet hours allow. Safe to run from several servers at once:
// - a rule is claimed for the tick by a conditional UPDATE of its last evaluation, so two servers
//   ticking together evaluate it once;
// - a state change is a compare-and-set on the state it was computed from (in one transaction with
//   its history row and bell entries), so even two evaluations that both read the old state (a
//   "Check now" racing the timer) record a firing once;
// - a message is queued only by whoever stamps its event's sent time first.

export interface EvaluateOptions {
  now?: Date;
  /** Rules evaluated more recently than this are left to whoever did it (0 for "Check now"). */
  minIntervalMs?: number;
  /** Where links in messages point; default DESKPULSE_PUBLIC_URL, else localhost on PORT. */
  origin?: string;
}

export interface EvaluationOutcome {
  evaluated: number;
  fired: number;
  resolved: number;
  /** Messages queued to channels (one per event, each fanned out to the rule's channels). */
  queued: number;
}

/** Shorter than the timer's tick, so a late tick still claims; longer than one evaluation's race. */
export const CLAIM_INTERVAL_MS = 20_000;

/** More than two ticks after the event: it waited for quiet hours to end. */
const HELD_AFTER_MS = 60_000;

export async function evaluateAlerts(prisma: PrismaClient, options: EvaluateOptions = {}): Promise<EvaluationOutcome> {
  const now = options.now ?? new Date();
  const outcome: EvaluationOutcome = { evaluated: 0, fired: 0, resolved: 0, queued: 0 };
  const claimedBefore = new Date(now.getTime() - (options.minIntervalMs ?? CLAIM_INTERVAL_MS));
  const claimed = await prisma.$queryRaw<{ id: number }[]>`
    UPDATE alert_rules SET last_evaluated_at = ${now}
     WHERE enabled AND (last_evaluated_at IS NULL OR last_evaluated_at <= ${claimedBefore})
     RETURNING id`;
  if (claimed.length === 0) return outcome;
  const rows = await prisma.alertRule.findMany({ where: { id: { in: claimed.map((c) => c.id) } }, orderBy: { id: "asc" } });
  const [org, targets, directory] = await Promise.all([getOrgSettings(prisma), listTargets(prisma), loadKpiDirectory(prisma)]);
  const label = await alertSubjectLabeller(prisma, directory);
  // A rule whose custom KPI was deleted is left alone rather than judged on nothing.
  const rules = rows.map(toAlertRule).filter((r) => r.check.kind !== "kpi" || directory.has(r.check.kpiKey));
  const observations = await observeAlertRules(prisma, rules, { now, org, targets, directory });
  const subjectOf = (rule: AlertRule): AlertSubject => ({ rule, label: label(rule), unit: rule.check.kind === "kpi" ? directory.fact(rule.check.kpiKey).unit : "count" });
  const managers = (await prisma.user.findMany({ where: { role: { in: ["manager", "admin"] } }, select: { id: true } })).map((u) => u.id);
  for (const rule of rules) {
    outcome.evaluated++;
    const event = await stepRule(prisma, rule, observations.get(rule.id) ?? { breached: null, value: null }, now, subjectOf(rule), rule.notifyManagers ? managers : []);
    if (event === "fired") outcome.fired++;
    if (event === "resolved") outcome.resolved++;
  }
  const origin = options.origin ?? defaultOrigin();
  for (const rule of rules) outcome.queued += await sendDue(prisma, rule, subjectOf(rule), now, org.timeZone, origin);
  return outcome;
}

async function stepRule(prisma: PrismaClient, rule: AlertRule, seen: AlertObservation, now: Date, subject: AlertSubject, bell: number[]) {
  const { next, event } = alertTransition(rule.machine, seen.breached, now, rule.holdMinutes * 60_000);
  const was = rule.machine;
  return prisma.$transaction(async (tx) => {
    const moved = await tx.alertRule.updateMany({
      where: { id: rule.id, enabled: true, state: was.state, stateSince: was.since, clearSince: was.clearSince },
      data: { state: next.state, stateSince: next.since, clearSince: next.clearSince, lastValue: seen.value },
    });
    // Another evaluation moved this rule first and recorded whatever it saw.
    if (moved.count === 0 || !event) return null;
    const href = alertPath(rule);
    if (event === "fired") {
      await tx.alertEvent.create({ data: { ruleId: rule.id, firedAt: now, firedValue: seen.value } });
      await notifyUsers(tx, bell, firedText(subject, seen.value, seen.goal), href);
    } else {
      await tx.alertEvent.updateMany({ where: { ruleId: rule.id, resolvedAt: null }, data: { resolvedAt: now, resolvedValue: seen.value } });
      await notifyUsers(tx, bell, resolvedText(subject, seen.value), href);
    }
    return event;
  });
}

/**
 * Queues to the rule's channels what they have not heard yet, unless it is quiet now. A firing held
 * by quiet hours is sent when they end if the alert is still firing (saying it was held); its
 * resolution is sent only if its firing was, so a channel never hears "back to normal" about an
 * alert it was never told of, and an alert that fired and resolved overnight stays in the history.
 */
async function sendDue(prisma: PrismaClient, rule: AlertRule, subject: AlertSubject, now: Date, timeZone: string, origin: string): Promise<number> {
  const due = await prisma.alertEvent.findMany({
    where: {
      ruleId: rule.id,
      OR: [
        { resolvedAt: null, fireSentAt: null },
        { resolvedAt: { not: null }, fireSentAt: { not: null }, resolveSentAt: null },
      ],
    },
    orderBy: { id: "asc" },
  });
  if (due.length === 0) return 0;
  if (isQuietAt(rule.quiet, now, timeZone)) {
    await prisma.alertEvent.updateMany({ where: { id: { in: due.map((e) => e.id) }, suppressed: false }, data: { suppressed: true } });
    return 0;
  }
  const channels = (await prisma.notificationChannel.findMany({ where: { id: { in: rule.channelIds } }, select: { id: true } })).map((c) => c.id);
  let queued = 0;
  for (const event of due) {
    const resolving = event.resolvedAt !== null;
    const stamp = resolving ? { resolveSentAt: null } : { fireSentAt: null };
    const claimed = await prisma.alertEvent.updateMany({ where: { id: event.id, ...stamp }, data: resolving ? { resolveSentAt: now } : { fireSentAt: now } });
    if (claimed.count === 0 || channels.length === 0) continue;
    // Sent well after it happened because quiet hours held it: the message says so.
    const happened = resolving ? event.resolvedAt! : event.firedAt;
    const heldUntil = event.suppressed && now.getTime() - happened.getTime() > HELD_AFTER_MS ? now : undefined;
    const news = resolving
      ? { kind: "resolved" as const, firedAt: event.firedAt, resolvedAt: event.resolvedAt!, value: event.resolvedValue, heldUntil }
      : { kind: "fired" as const, firedAt: event.firedAt, value: event.firedValue, heldUntil };
    await enqueueNotification(prisma, { channelIds: channels, message: alertMessage(subject, news, origin, timeZone), source: `alert:${rule.id}` });
    queued++;
  }
  return queued;
}

function defaultOrigin(): string {
  const env = getEnv();
  return env.DESKPULSE_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}
