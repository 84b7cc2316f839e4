import { expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";
import { screenDashboardSlugs } from "@/lib/tv/screen-playlist";

import { createScreen, moveScreenSlide } from "./screen-tokens";

describeEachDatabase("a screen's playlist order", ({ db }) => {
  test("a manager moves a slide earlier or later and the TV rotates in the new order", async () => {
    const { prisma } = db();
    for (const slug of ["alpha", "beta", "gamma"]) await prisma.dashboard.create({ data: { slug, name: slug } });
    const screen = await createScreen(prisma, { name: "Floor", dashboards: ["alpha", "beta", "gamma"], rotateSeconds: 30 });
    const ctx = { prisma };
    const positionOf = async (slug: string) => (await screenDashboardSlugs(prisma, screen.id)).indexOf(slug);

    await moveScreenSlide(ctx, { screenId: screen.id, position: await positionOf("gamma"), direction: "earlier" });
    expect(await screenDashboardSlugs(prisma, screen.id)).toEqual(["alpha", "gamma", "beta"]);
    await moveScreenSlide(ctx, { screenId: screen.id, position: await positionOf("alpha"), direction: "later" });
    expect(await screenDashboardSlugs(prisma, screen.id)).toEqual(["gamma", "alpha", "beta"]);

    // Past either end nothing moves.
    await moveScreenSlide(ctx, { screenId: screen.id, position: await positionOf("gamma"), direction: "earlier" });
    await moveScreenSlide(ctx, { screenId: screen.id, position: await positionOf("beta"), direction: "later" });
    await moveScreenSlide(ctx, { screenId: screen.id, position: 99, direction: "later" });
    expect(await screenDashboardSlugs(prisma, screen.id)).toEqual(["gamma", "alpha", "beta"]);
  });
});
