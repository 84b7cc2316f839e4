"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { snapshotCache } from "@/lib/dashboards/load-dashboard";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";
import { createAchievement, deleteAchievement, ZAchievementInput } from "@/lib/motivation/achievements";
import { createCompetition, deleteCompetition, UnknownParticipantError, ZCompetitionInput } from "@/lib/motivation/competitions";
import { requestEvaluation } from "@/lib/motivation/evaluate-motivation";
import { getOrgSettings } from "@/lib/org/get-org-settings";

const optional = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
};

export async function createCompetitionAction(_state: FormState, form: FormData): Promise<FormState> {
  const { prisma } = await requireAction("dashboards:manage");
  const kind = form.get("participantKind");
  const parsed = ZCompetitionInput.safeParse({
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
    id = (await createCompetition(prisma, parsed.data, (await getOrgSettings(prisma)).timeZone)).id;
  } catch (error) {
    if (error instanceof UnknownParticipantError) return { errors: { participants: `${error.message}.` }, values: resubmittable(form) };
    throw error;
  }
  void requestEvaluation(prisma);
  redirect(`/competitions/${id}`);
}

export async function deleteCompetitionAction(id: number): Promise<void> {
  const { prisma } = await requireAction("dashboards:manage");
  await deleteCompetition(prisma, z.number().int().positive().parse(id));
  snapshotCache.clear();
  redirect("/competitions");
}

export async function createAchievementAction(_state: FormState, form: FormData): Promise<FormState> {
  const { prisma } = await requireAction("dashboards:manage");
  const parsed = ZAchievementInput.safeParse({
    name: form.get("name") ?? "",
    kpiKey: form.get("kpiKey") ?? "",
    scope: form.get("scope"),
    period: form.get("period"),
    threshold: optional(form, "threshold") ?? "",
    minSample: optional(form, "minSample") ?? 0,
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  await createAchievement(prisma, parsed.data);
  // Whoever already qualifies today is awarded now, not at the next ingest.
  await requestEvaluation(prisma);
  revalidatePath("/competitions");
  return { notice: "Achievement saved. It is awarded as data arrives." };
}

export async function deleteAchievementAction(id: number): Promise<void> {
  const { prisma } = await requireAction("dashboards:manage");
  await deleteAchievement(prisma, z.number().int().positive().parse(id));
  revalidatePath("/competitions");
}
