import { afterAll, beforeAll, beforeEach, expect, test, vi } from "vitest";

import { GET as shareGet } from "@/app/api/v1/share/[token]/route";
import { checkShareLinkToken, createShareLink, revokeShareLink, ShareLinkInputError, ZShareLinkInput } from "@/lib/auth/share-links";
import { SHORT_LIVED_TTL_MS } from "@/lib/cache/short-lived-cache";
import type { DashboardData } from "@/lib/dashboards/dashboard-data";
import { MIN_POLL_SECONDS } from "@/lib/dashboards/load-dashboard";
import type { Database } from "@/lib/db/open-database";
import { ingestBatch } from "@/lib/ingest/ingest-batch";
import { parseIngestBatch } from "@/lib/ingest/record-schemas";
import { seedAccessMatrix, type AccessMatrixFixtures } from "@/lib/testing/seed-access-matrix";
import { describeEachDatabase } from "@/lib/testing/test-databases";
import { sharePageView } from "@/lib/views/share-page";

const SLUG = "service-overview";
const DAY_MS = 86_400_000;

/** Today's ticket volume on the dashboard's number card. */
function ticketVolume(data: DashboardData): number | null {
  const widget = Object.values(data.widgets).find((w) => w.kind === "kpi_number" && w.kpi === "ticket_volume");
  return widget && "current" in widget ? widget.current.value : null;
}

const lockedLink = (input: Partial<Parameters<typeof createShareLink>[1]> = {}, now?: Date) => (db: Database) =>
  createShareLink(db.prisma, { dashboard: SLUG, label: "Partner", expiresInDays: 0, period: "", team: "", channel: "", createdById: null, ...input }, now);

describeEachDatabase("view-only links", ({ db }) => {
  const holder = globalThis as typeof globalThis & { __deskpulseDb?: Promise<Database>; __deskpulseAuth?: unknown };
  const noon = new Date();
  noon.setUTCHours(12, 0, 0, 0);
  let fixtures: AccessMatrixFixtures;

  beforeAll(async () => {
    // Frozen at noon: "today" holds the tickets below, and every poll of a test falls in one interval.
    vi.useFakeTimers({ toFake: ["Date"], now: noon });
    holder.__deskpulseDb = Promise.resolve(db());
    holder.__deskpulseAuth = undefined;
    fixtures = await seedAccessMatrix(db());
    const at = new Date(noon.getTime() - 60_000).toISOString();
    const ticket = (n: number, team: string, channel: string) => ({ externalId: `S-${team}-${n}`, channel, team, status: "new", createdAt: at });
    const parsed = parseIngestBatch({ tickets: [1, 2, 3].map((n) => ticket(n, "alpha", "email")).concat([1, 2].map((n) => ticket(n, "beta", "chat"))) });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await ingestBatch(db().prisma, parsed.batch);
  });
  beforeEach(() => vi.setSystemTime(noon));
  afterAll(() => {
    vi.useRealTimers();
    holder.__deskpulseDb = undefined;
    holder.__deskpulseAuth = undefined;
  });

  const poll = (token: string, search = "", headers: Record<string, string> = {}) =>
    shareGet(new Request(`http://localhost/api/v1/share/${token}${search}`, { headers }), { params: Promise.resolve({ token }) });
  const volumeOf = async (response: Response) => {
    expect(response.status).toBe(200);
    return ticketVolume((await response.json()) as DashboardData);
  };

  test("a link's token opens its dashboard with the whole organisation's numbers; nothing else opens it", async () => {
    expect(await volumeOf(await poll(fixtures.shareToken))).toBe(5);
    for (const token of ["dpv_unknown", fixtures.screenToken, fixtures.kpiKey, fixtures.shareToken.replace(/^dpv_/, "")]) {
      expect(await checkShareLinkToken(db().prisma, token)).toBeNull();
      const response = await poll(token);
      expect(response.status, token).toBe(401);
      expect(await response.json()).toMatchObject({ error: "link_ended" });
    }
  });

  test("locked filters cannot be overridden by query parameters; unlocked ones still narrow", async () => {
    const { token } = await lockedLink({ team: "alpha", period: "today" })(db());
    expect(await volumeOf(await poll(token))).toBe(3);
    expect(await volumeOf(await poll(token, "?team=beta"))).toBe(3);
    expect(await volumeOf(await poll(token, "?team=beta&team=alpha&preset=last_30_days"))).toBe(3);
    // The channel is not locked: the viewer may narrow it (Alpha's tickets are all email).
    expect(await volumeOf(await poll(token, "?channel=chat"))).toBe(0);

    const view = await sharePageView(db(), token, { team: "beta", channel: "email" });
    if (view.kind !== "dashboard") throw new Error(view.kind);
    expect(ticketVolume(view.snapshot.data)).toBe(3);
    expect(view.locked).toEqual({ period: true, team: true, channel: false, queue: false });
    expect(view.lockedLabels).toEqual(["Today", "Alpha"]);
    // The viewer's own choice stays in the filter bar and the polls; the locked team does not.
    expect(view.chosen).toMatchObject({ team: [], channel: ["email"] });
    expect(view.search).toBe("?channel=email");
  });

  test("a link stops at its expiry, to the second, even while its row is remembered", async () => {
    const { token } = await lockedLink({ expiresInDays: 1 }, noon)(db());
    expect((await poll(token)).status).toBe(200);
    vi.setSystemTime(noon.getTime() + DAY_MS - 1_000);
    expect((await poll(token)).status).toBe(200);
    vi.setSystemTime(noon.getTime() + DAY_MS);
    expect((await poll(token)).status).toBe(401);
    expect(await sharePageView(db(), token, {})).toEqual({ kind: "ended" });
  });

  test("revoking ends a link at its next poll, one that would have been a 304 included", async () => {
    const { id, token } = await lockedLink()(db());
    const first = await poll(token);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect((await poll(token, "", { "if-none-match": etag })).status).toBe(304);
    await revokeShareLink({ prisma: db().prisma }, id);
    const next = await poll(token, "", { "if-none-match": etag });
    expect(next.status).toBe(401);
    expect(await next.json()).toMatchObject({ error: "link_ended" });
    expect(await sharePageView(db(), token, {})).toEqual({ kind: "ended" });
  });

  test("another server notices a revocation within the credential cache's TTL, shorter than any polling interval", () => {
    expect(SHORT_LIVED_TTL_MS).toBeLessThanOrEqual(MIN_POLL_SECONDS * 1000);
  });

  test("a new link names the field that is wrong: an unknown dashboard or team, a period or an expiry not offered", async () => {
    await expect(lockedLink({ dashboard: "nope" })(db())).rejects.toMatchObject(new ShareLinkInputError("dashboard", "Unknown dashboard nope."));
    await expect(lockedLink({ team: "gamma" })(db())).rejects.toMatchObject({ field: "team" });
    const parsed = ZShareLinkInput.safeParse({ dashboard: SLUG, label: "x", expiresInDays: "3", period: "forever", team: "", channel: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path[0]).sort()).toEqual(["expiresInDays", "period"]);
  });

  test("last use is noted once a minute, not on every poll", async () => {
    const { id, token } = await lockedLink()(db());
    await poll(token);
    const seen = (await db().prisma.shareLink.findUniqueOrThrow({ where: { id } })).lastSeenAt;
    expect(seen).toEqual(noon);
    vi.setSystemTime(noon.getTime() + 30_000);
    await poll(token);
    expect((await db().prisma.shareLink.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(noon);
  });
});
