import { beforeAll, expect, test } from "vitest";

import { GET as getCompetitionSlide } from "@/app/api/v1/tv/[token]/competitions/[id]/route";
import { createScreen, moveScreenSlide, UnknownCompetitionError } from "@/lib/auth/screen-tokens";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { parseIngestBatch } from "@/lib/ingest/record-schemas";
import { createCompetition, deleteCompetition } from "@/lib/motivation/competitions";
import { useRouteDatabase } from "@/lib/testing/route-database";
import { describeEachDatabase } from "@/lib/testing/test-databases";

import { handleTvSnapshotRequest } from "./handle-tv-requests";
import type { CompetitionSlideData } from "./load-competition-slide";
import { loadScreenPlaylist, type TvSlide } from "./screen-playlist";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describeEachDatabase("a screen's competition slides", ({ db }) => {
  useRouteDatabase(db);
  let sprint = 0;
  let relay = 0;

  beforeAll(async () => {
    const { prisma } = db();
    const at = new Date(Date.now() - 60_000).toISOString();
    const solved = (externalId: string, team: string) => ({ externalId, channel: "email" as const, team, status: "solved" as const, createdAt: at, firstResponseAt: at, resolvedAt: at });
    const parsed = parseIngestBatch({
      teams: [{ externalId: "alpha", name: "Alpha" }, { externalId: "beta", name: "Beta" }],
      tickets: [solved("T1", "alpha"), solved("T2", "alpha"), solved("T3", "beta")],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await ingestBatch(prisma, parsed.batch);
    const base = { kpiKey: "tickets_solved" as const, participantKind: "team" as const, participants: ["alpha", "beta"], firstDay: day(-1), lastDay: day(1) };
    sprint = (await createCompetition(prisma, { ...base, name: "Sprint", prize: "Cake" }, "UTC")).id;
    relay = (await createCompetition(prisma, { ...base, name: "Relay" }, "UTC")).id;
    for (const slug of ["alpha-board", "beta-board"]) await prisma.dashboard.create({ data: { slug, name: slug } });
  });

  const slideNames = (slides: TvSlide[]) => slides.map((s) => (s.kind === "dashboard" ? s.slug : s.name));

  test("a screen with a dashboard and a competition rotates through both, dashboards first, in the order the arrows set", async () => {
    const { prisma } = db();
    const screen = await createScreen(prisma, { name: "Floor", dashboards: ["alpha-board", "beta-board"], competitions: [sprint], rotateSeconds: 30 });
    const playlist = await loadScreenPlaylist(prisma, screen.id);
    expect(slideNames(playlist.slides)).toEqual(["alpha-board", "beta-board", "Sprint"]);
    expect(playlist.slides[2]).toMatchObject({ kind: "competition", id: sprint });
    expect(playlist.dashboards.map((d) => d.slug)).toEqual(["alpha-board", "beta-board"]);

    await moveScreenSlide({ prisma }, { screenId: screen.id, position: 2, direction: "earlier" });
    expect(slideNames((await loadScreenPlaylist(prisma, screen.id)).slides)).toEqual(["alpha-board", "Sprint", "beta-board"]);
    await moveScreenSlide({ prisma }, { screenId: screen.id, position: 1, direction: "earlier" });
    expect(slideNames((await loadScreenPlaylist(prisma, screen.id)).slides)).toEqual(["Sprint", "alpha-board", "beta-board"]);
    await moveScreenSlide({ prisma }, { screenId: screen.id, position: 0, direction: "earlier" });
    expect(slideNames((await loadScreenPlaylist(prisma, screen.id)).slides)).toEqual(["Sprint", "alpha-board", "beta-board"]);
  });

  test("an unknown competition creates no screen", async () => {
    const { prisma } = db();
    const before = await prisma.screen.count();
    await expect(createScreen(prisma, { name: "Nope", dashboards: [], competitions: [999_999], rotateSeconds: 30 })).rejects.toBeInstanceOf(UnknownCompetitionError);
    expect(await prisma.screen.count()).toBe(before);
  });

  test("a slide is a dashboard or a competition, never both and never neither", async () => {
    const { prisma } = db();
    const screen = await createScreen(prisma, { name: "Check", dashboards: [], rotateSeconds: 30 });
    const dashboard = await prisma.dashboard.findUniqueOrThrow({ where: { slug: "alpha-board" } });
    await expect(prisma.screenDashboard.create({ data: { screenId: screen.id, position: 0 } })).rejects.toThrow();
    await expect(prisma.screenDashboard.create({ data: { screenId: screen.id, position: 0, dashboardId: dashboard.id, competitionId: sprint } })).rejects.toThrow();
  });

  test("the TV endpoint serves the standing of a competition on the screen, and the same 404 for any other", async () => {
    const { prisma } = db();
    const screen = await createScreen(prisma, { name: "Wall", dashboards: ["alpha-board"], competitions: [sprint], rotateSeconds: 30 });
    const other = await createScreen(prisma, { name: "Other wall", dashboards: ["alpha-board"], rotateSeconds: 30 });
    const call = (token: string, id: number, headers: Record<string, string> = {}) =>
      getCompetitionSlide(new Request(`http://localhost/api/v1/tv/${token}/competitions/${id}`, { headers }), { params: Promise.resolve({ token, id: String(id) }) });

    const served = await call(screen.token, sprint);
    expect(served.status).toBe(200);
    const body = (await served.json()) as CompetitionSlideData;
    expect(body.standing).toMatchObject({ id: sprint, name: "Sprint", prize: "Cake", status: "running" });
    expect(body.standing.rows.map((r) => [r.label, r.value, r.rank])).toEqual([["Alpha", 2, 1], ["Beta", 1, 2]]);
    expect((await call(screen.token, sprint, { "if-none-match": served.headers.get("etag")! })).status).toBe(304);

    // The same answer as a dashboard that is not on the screen.
    const dashboardRefusal = await handleTvSnapshotRequest(prisma, screen.id, "beta-board");
    for (const refused of [await call(screen.token, relay), await call(other.token, sprint)]) {
      expect(refused.status).toBe(404);
      expect(await refused.json()).toMatchObject({ error: "not_found" });
    }
    expect(dashboardRefusal).toBeInstanceOf(Response);
    expect((dashboardRefusal as Response).status).toBe(404);
    expect((await call("dps_not-a-screen", sprint)).status).toBe(401);
  });

  test("deleting a competition removes its slide from every screen", async () => {
    const { prisma } = db();
    const screen = await createScreen(prisma, { name: "Gone", dashboards: ["beta-board"], competitions: [relay], rotateSeconds: 30 });
    await deleteCompetition(prisma, relay);
    expect(slideNames((await loadScreenPlaylist(prisma, screen.id)).slides)).toEqual(["beta-board"]);
    expect(await prisma.screenDashboard.count({ where: { competitionId: relay } })).toBe(0);
  });
});
