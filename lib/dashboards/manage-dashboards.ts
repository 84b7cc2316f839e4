import { z } from "zod";

import type { UserContext } from "@/lib/auth/guards";
import { loadKpiDirectory } from "@/lib/kpi/kpi-directory";

import { forgetDashboards, MIN_POLL_SECONDS } from "./load-dashboard";
import { defaultWidgetSize, firstFreeSpace } from "./place-widget";
import { GRID_COLUMNS, storedConfig, ZWidgetConfig, ZWidgetPlacement } from "./widget-config";

// Creating, changing and arranging dashboards. Every change bumps the dashboard's updatedAt, which
// is part of the snapshot cache key, and forgets the cached dashboards, so viewers see the new
// layout at their next poll.

export const ZDashboardSettings = z.object({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  pollSeconds: z.coerce.number("must be a number").int("must be whole seconds").min(MIN_POLL_SECONDS, `must be at least ${MIN_POLL_SECONDS} seconds`).max(3600, "must be at most an hour"),
  isDefault: z.boolean().default(false),
});

export const ZWidgetInput = z.object({
  title: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  config: ZWidgetConfig,
});

export class DashboardNotFoundError extends Error {}

/** A widget of a custom KPI key that no custom KPI has. */
export class UnknownWidgetKpiError extends Error {}

function slugify(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "dashboard"
  );
}

export async function createDashboard({ prisma }: Pick<UserContext, "prisma">, input: { name: string }): Promise<{ slug: string }> {
  const { name } = ZDashboardSettings.pick({ name: true }).parse(input);
  const base = slugify(name);
  const taken = new Set((await prisma.dashboard.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((d) => d.slug));
  let slug = base;
  for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
  await prisma.dashboard.create({ data: { slug, name } });
  forgetDashboards();
  return { slug };
}

export async function updateDashboard({ prisma }: Pick<UserContext, "prisma">, id: number, input: z.input<typeof ZDashboardSettings>): Promise<void> {
  const data = ZDashboardSettings.parse(input);
  await prisma.$transaction(async (tx) => {
    // One default at a time: marking this one unmarks the others.
    if (data.isDefault) await tx.dashboard.updateMany({ where: { id: { not: id } }, data: { isDefault: false } });
    const updated = await tx.dashboard.updateMany({ where: { id }, data });
    if (updated.count === 0) throw new DashboardNotFoundError();
  });
  forgetDashboards();
}

export async function deleteDashboard({ prisma }: Pick<UserContext, "prisma">, id: number): Promise<void> {
  await prisma.dashboard.deleteMany({ where: { id } });
  forgetDashboards();
}

/** Adds a widget (in the first free space) or changes one; the kind may change with the config. */
export async function saveWidget({ prisma }: Pick<UserContext, "prisma">, dashboardId: number, widgetId: number | null, input: z.input<typeof ZWidgetInput>): Promise<number> {
  const { title, config } = ZWidgetInput.parse(input);
  const keys = "kpis" in config ? config.kpis : "kpi" in config ? [config.kpi] : [];
  if (keys.length > 0) {
    const directory = await loadKpiDirectory(prisma);
    const unknown = keys.filter((key) => !directory.has(key));
    if (unknown.length) throw new UnknownWidgetKpiError(`unknown KPI ${unknown.join(", ")}`);
  }
  const saved = await prisma.$transaction(async (tx) => {
    const dashboard = await tx.dashboard.update({ where: { id: dashboardId }, data: { updatedAt: new Date() }, include: { widgets: true } }).catch(() => null);
    if (!dashboard) throw new DashboardNotFoundError();
    const data = { title, kind: config.kind, config: storedConfig(config) as object };
    if (widgetId !== null) {
      const updated = await tx.widget.updateMany({ where: { id: widgetId, dashboardId }, data });
      if (updated.count === 0) throw new DashboardNotFoundError();
      return widgetId;
    }
    const size = defaultWidgetSize(config.kind);
    const created = await tx.widget.create({ data: { ...data, dashboardId, ...firstFreeSpace(dashboard.widgets, size), ...size } });
    return created.id;
  });
  forgetDashboards();
  return saved;
}

export async function deleteWidget({ prisma }: Pick<UserContext, "prisma">, dashboardId: number, widgetId: number): Promise<void> {
  await prisma.$transaction([
    prisma.widget.deleteMany({ where: { id: widgetId, dashboardId } }),
    prisma.dashboard.updateMany({ where: { id: dashboardId }, data: { updatedAt: new Date() } }),
  ]);
  forgetDashboards();
}

export const ZLayout = z
  .array(ZWidgetPlacement.extend({ id: z.number().int().positive() }))
  .max(100)
  .refine((items) => items.every((i) => i.x + i.w <= GRID_COLUMNS), "a widget extends past the right edge");

/** Stores the positions and sizes the editor arranged, all at once. */
export async function saveLayout({ prisma }: Pick<UserContext, "prisma">, dashboardId: number, layout: z.input<typeof ZLayout>): Promise<void> {
  const items = ZLayout.parse(layout);
  await prisma.$transaction(async (tx) => {
    const updated = await tx.dashboard.updateMany({ where: { id: dashboardId }, data: { updatedAt: new Date() } });
    if (updated.count === 0) throw new DashboardNotFoundError();
    for (const { id, ...placement } of items) await tx.widget.updateMany({ where: { id, dashboardId }, data: placement });
  });
  forgetDashboards();
}
