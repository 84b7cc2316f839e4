import { expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";

import { seedDemoIfEmpty } from "./seed-demo";

describeEachDatabase("seeding demo data", ({ db }) => {
  test("fills an empty database once, with sequences past the inserted ids", async () => {
    const { prisma } = db();
    const options = { seed: 11, tickets: 600, days: 14, now: new Date("2026-06-10T09:00:00Z") };
    const first = await seedDemoIfEmpty(prisma, options);
    expect(first.seeded).toBe(true);
    expect(await prisma.ticket.count()).toBe(first.tickets);
    expect(await prisma.message.count()).toBe(first.messages);
    expect(await prisma.call.count()).toBe(first.calls);
    expect(await prisma.survey.count()).toBe(first.surveys);
    expect(await prisma.team.count()).toBe(6);
    expect((await prisma.orgSettings.findUniqueOrThrow({ where: { id: 1 } })).timeZone).toBe("Europe/Copenhagen");

    // Three custom KPIs on a dashboard of their own, beside the built-in dashboards.
    expect((await prisma.customKpi.findMany({ orderBy: { key: "asc" } })).map((k) => k.key)).toEqual(["custom_chat_share_of_new_tickets", "custom_solved_per_created", "custom_urgent_tickets_solved"]);
    expect((await prisma.dashboard.findMany({ orderBy: { slug: "asc" } })).map((d) => d.slug)).toEqual(["my-kpis", "service-levels", "service-overview"]);

    const second = await seedDemoIfEmpty(prisma, options);
    expect(second.seeded).toBe(false);
    expect(await prisma.ticket.count()).toBe(first.tickets);

    // New records after seeding get fresh ids instead of colliding with the explicit ones.
    const team = await prisma.team.create({ data: { externalId: "new-team", name: "New" } });
    expect(team.id).toBe(7);
    // Seeding a database takes seconds alone and more beside other test files.
  }, 120_000);
});
