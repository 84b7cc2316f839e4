import type { UserContext } from "@/lib/auth/guards";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadKpiDirectory } from "@/lib/kpi/kpi-directory";

import { alertRuleInputSchema, toAlertRule, type AlertRule, type AlertRuleInput } from "./alert-rules";

// Creating, pausing and deleting alert rules from Settings → Alerts. A rule starts "ok" now: its
// condition must then hold for its whole hold time, so a new rule never fires on history.

export class AlertChannelError extends Error {
  readonly field = "channelIds";

  constructor(ids: number[]) {
    super(`unknown notification channel ${ids.join(", ")}`);
  }
}

export async function createAlertRule({ prisma }: Pick<UserContext, "prisma">, input: AlertRuleInput, now = new Date()): Promise<number> {
  const rule = alertRuleInputSchema(await loadKpiDirectory(prisma)).parse(input);
  const known = await prisma.notificationChannel.findMany({ where: { id: { in: rule.channelIds } }, select: { id: true } });
  const unknown = rule.channelIds.filter((id) => !known.some((c) => c.id === id));
  if (unknown.length > 0) throw new AlertChannelError(unknown);
  const { check, filters, quiet } = rule;
  const created = await prisma.alertRule.create({
    data: {
      name: rule.name,
      kind: check.kind,
      kpiKey: check.kind === "kpi" ? check.kpiKey : null,
      condition: check.kind === "kpi" ? check.condition : null,
      threshold: check.kind === "kpi" ? (check.condition === "threshold" ? check.threshold : null) : check.moreThan,
      horizonMinutes: check.kind === "sla_at_risk" ? check.horizonMinutes : null,
      filterTeam: filters.team,
      filterChannel: filters.channel,
      filterQueue: filters.queue,
      window: rule.window,
      holdMinutes: rule.holdMinutes,
      channelIds: rule.channelIds,
      notifyManagers: rule.notifyManagers,
      quietStart: quiet?.start ?? null,
      quietEnd: quiet?.end ?? null,
      quietDays: [...(quiet?.days ?? [])],
      stateSince: now,
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * Pausing forgets the rule's progress: resumed, it starts from "ok" and must hold again. A firing
 * that is paused is closed in the history without a resolution message (no one is watching it).
 */
export async function setAlertRuleEnabled({ prisma }: Pick<UserContext, "prisma">, id: number, enabled: boolean, now = new Date()): Promise<void> {
  await prisma.$transaction([
    prisma.alertRule.updateMany({ where: { id, enabled: !enabled }, data: { enabled, state: "ok", stateSince: now, clearSince: null } }),
    ...(enabled ? [] : [prisma.alertEvent.updateMany({ where: { ruleId: id, resolvedAt: null }, data: { resolvedAt: now, resolveSentAt: now } })]),
  ]);
}

export async function deleteAlertRule({ prisma }: Pick<UserContext, "prisma">, id: number): Promise<void> {
  await prisma.alertRule.deleteMany({ where: { id } });
}

export async function listAlertRules(prisma: PrismaClient): Promise<AlertRule[]> {
  const rows = await prisma.alertRule.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.map(toAlertRule);
}
