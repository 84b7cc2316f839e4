"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";
import { achievementInputSchema } from "@/lib/motivation/achievements";
import { loadKpiDirectory } from "@/lib/kpi/kpi-directory";
import { competitionInputSchema, UnknownParticipantError } from "@/lib/motivation/competitions";
import { addAchievement, removeAchievement, removeCompetition, startCompetition } from "@/lib/motivation/manage-motivation";

const optional = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
};

export async function createCompetitionAction(_state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("dashboards:manage");
  const kind = form.get("participantKind");
  const parsed = competitionInputSchema(await loadKpiDirectory(ctx.prisma)).safeParse({
    name: form.get("name") ?? "",
    kpiKey: form.get("kpiKey") ?? "",
    firstDay: form.get("firstDay") ?? "",
    lastDay: form.get("lastDay") ?? "",
    participantKind: kind,
    participants: form.getAll(kind === "team" ? "teams" : "agents").map(String),
    goal: optional(form, "goal"),
    prize: optional(form, "prize"),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  let id: number;
  try {
    id = (await startCompetition(ctx, parsed.data)).id;
  } catch (error) {
    if (error instanceof UnknownParticipantError) return { errors: { participants: `${error.message}.` }, values: resubmittable(form) };
    throw error;
  }
  redirect(`/competitions/${id}`);
}

export async function deleteCompetitionAction(id: number): Promise<void> {
  const ctx = await requireAction("dashboards:manage");
  await removeCompetition(ctx, z.number().int().positive().parse(id));
  redirect("/competitions");
}

export async function createAchievementAction(_state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("dashboards:manage");
  const parsed = achievementInputSchema(await loadKpiDirectory(ctx.prisma)).safeParse({
    name: form.get("name") ?? "",
    kpiKey: form.get("kpiKey") ?? "",
    scope: form.get("scope"),
    period: form.get("period"),
    threshold: optional(form, "threshold") ?? "",
    minSample: optional(form, "minSample") ?? 0,
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  await addAchievement(ctx, parsed.data);
  revalidatePath("/competitions");
  return { notice: "Achievement saved. It is awarded as data arrives." };
}

export async function deleteAchievementAction(id: number): Promise<void> {
  const ctx = await requireAction("dashboards:manage");
  await removeAchievement(ctx, z.number().int().positive().parse(id));
  revalidatePath("/competitions");
}
