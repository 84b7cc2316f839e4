"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireAction } from "@/lib/auth/guards";
import { addScreen, moveScreenSlide, revokeScreen, UnknownCompetitionError, UnknownDashboardError, ZPlaylistMove, ZScreenInput } from "@/lib/auth/screen-tokens";
import { fieldErrors, resubmittable, type FormState } from "@/lib/forms/form-state";

export async function createScreenAction(_state: FormState, form: FormData): Promise<FormState> {
  const ctx = await requireAction("screens:manage");
  const parsed = ZScreenInput.safeParse({
    name: form.get("name") ?? "",
    dashboards: form.getAll("dashboards").map(String),
    competitions: form.getAll("competitions").map(String),
    rotateSeconds: form.get("rotateSeconds") || undefined,
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error)!, values: resubmittable(form) };
  try {
    const screen = await addScreen(ctx, parsed.data);
    revalidatePath("/settings/screens");
    return { secret: screen.path, notice: `Created the screen “${parsed.data.name}”. Open this address on the TV.` };
  } catch (error) {
    if (error instanceof UnknownDashboardError) return { errors: { dashboards: `Unknown dashboard ${error.slugs.join(", ")}.` }, values: resubmittable(form) };
    if (error instanceof UnknownCompetitionError) return { errors: { competitions: `Unknown competition ${error.ids.join(", ")}.` }, values: resubmittable(form) };
    throw error;
  }
}

export async function revokeScreenAction(id: number): Promise<void> {
  const ctx = await requireAction("screens:manage");
  await revokeScreen(ctx, z.number().int().positive().parse(id));
  revalidatePath("/settings/screens");
}

export async function moveScreenSlideAction(screenId: number, position: number, direction: "earlier" | "later"): Promise<void> {
  const ctx = await requireAction("screens:manage");
  await moveScreenSlide(ctx, ZPlaylistMove.parse({ screenId, position, direction }));
  revalidatePath("/settings/screens");
}
