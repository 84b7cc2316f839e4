"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import {
  createDashboard,
  DashboardNotFoundError,
  UnknownWidgetKpiError,
  deleteDashboard,
  deleteWidget,
  saveLayout,
  saveWidget,
  updateDashboard,
  ZDashboardSettings,
  ZLayout,
  ZWidgetInput,
} from "@/lib/dashboards/manage-dashboards";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";

const ZId = z.number().int().positive();

export async function createDashboardAction(_state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("dashboards:manage");
  const parsed = ZDashboardSettings.pick({ name: true }).safeParse({ name: form.get("name") ?? "" });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  const { slug } = await createDashboard(ctx, parsed.data);
  redirect(`/dashboards/${slug}/edit`);
}

export async function updateDashboardAction(id: number, _state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("dashboards:manage");
  const parsed = ZDashboardSettings.safeParse({ name: form.get("name") ?? "", pollSeconds: form.get("pollSeconds") || undefined, isDefault: form.get("isDefault") === "on" });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  try {
    await updateDashboard(ctx, ZId.parse(id), parsed.data);
  } catch (error) {
    if (error instanceof DashboardNotFoundError) return { errors: { form: "This dashboard no longer exists." } };
    throw error;
  }
  revalidatePath("/", "layout");
  return { notice: "Saved." };
}

export async function deleteDashboardAction(id: number): Promise<void> {
  const ctx = await requireAction("dashboards:manage");
  await deleteDashboard(ctx, ZId.parse(id));
  revalidatePath("/", "layout");
  redirect("/");
}

/** The widget form's fields as a config; the schema in lib/dashboards says what each kind needs. */
function widgetFromForm(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  return {
    title: text("title") ?? "",
    config: {
      kind: text("kind"),
      kpi: text("kpi"),
      kpis: form.getAll("kpis").map(String),
      by: text("by"),
      bucket: text("bucket"),
      limit: text("limit"),
      window: text("window"),
      hours: text("hours"),
      ranking: text("ranking"),
      anonymous: text("anonymous"),
      horizonMinutes: text("horizonMinutes"),
      competitionId: text("competitionId"),
      text: text("text") ?? "",
    },
  };
}

export async function saveWidgetAction(dashboardId: number, widgetId: number | null, _state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("dashboards:manage");
  const parsed = ZWidgetInput.safeParse(widgetFromForm(form));
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path.at(-1) ?? "form"), i.message.charAt(0).toUpperCase() + i.message.slice(1) + "."]));
    return { errors, values: resubmittable(form) };
  }
  try {
    await saveWidget(ctx, ZId.parse(dashboardId), widgetId === null ? null : ZId.parse(widgetId), parsed.data);
  } catch (error) {
    if (error instanceof DashboardNotFoundError) return { errors: { form: "This dashboard or widget no longer exists." } };
    if (error instanceof UnknownWidgetKpiError) return { errors: { kpi: "Choose a KPI of the list." }, values: resubmittable(form) };
    throw error;
  }
  revalidatePath("/", "layout");
  return { notice: widgetId === null ? "Widget added." : "Widget saved." };
}

export async function deleteWidgetAction(dashboardId: number, widgetId: number): Promise<void> {
  const ctx = await requireAction("dashboards:manage");
  await deleteWidget(ctx, ZId.parse(dashboardId), ZId.parse(widgetId));
  revalidatePath("/", "layout");
}

export async function saveLayoutAction(dashboardId: number, layout: unknown): Promise<FormState> {
  const ctx = await requireAction("dashboards:manage");
  const parsed = ZLayout.safeParse(layout);
  if (!parsed.success) return { errors: { form: "The layout could not be read; reload and try again." } };
  try {
    await saveLayout(ctx, ZId.parse(dashboardId), parsed.data);
  } catch (error) {
    if (error instanceof DashboardNotFoundError) return { errors: { form: "This dashboard no longer exists." } };
    throw error;
  }
  revalidatePath("/", "layout");
  return { notice: "Layout saved." };
}
