import fs from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, expect, test, vi } from "vitest";

import type { Database } from "@/lib/db/open-database";
import { seedAccessMatrix } from "@/lib/testing/seed-access-matrix";
import { describeEachDatabase } from "@/lib/testing/test-databases";

// Every route handler and server action, called as every kind of caller, against the table below.
// A handler or action that is not in the table fails the test, so a new one cannot skip the review
// of who may call it.

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const CALLERS = ["anonymous", "agent", "leadOwnTeam", "leadOtherTeam", "manager", "admin", "tvToken", "shareToken", "ingestKey", "kpiKey"] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = "allow" | 401 | 403 | 404;
type Row = Record<Caller, Outcome>;

const all = (outcome: Outcome): Row => Object.fromEntries(CALLERS.map((c) => [c, outcome])) as Row;
/**
 * Server actions read the session cookie only; a bearer credential there is no session (401). A
 * view-only link's token is never a bearer credential: sent as one it is unknown (401) everywhere.
 */
const action = (users: Partial<Record<"agent" | "lead" | "manager" | "admin", Outcome>>): Row => ({
  anonymous: 401,
  agent: users.agent ?? 403,
  leadOwnTeam: users.lead ?? 403,
  leadOtherTeam: users.lead ?? 403,
  manager: users.manager ?? 403,
  admin: users.admin ?? 403,
  tvToken: 401,
  shareToken: 401,
  ingestKey: 401,
  kpiKey: 401,
});

const EXPECTED: Record<string, Row> = {
  "GET /api/health": all("allow"),
  // Only sign-in is exposed; the matrix probes better-auth's sign-up, which must not exist.
  "GET /api/auth/[...all]": all(404),
  "POST /api/auth/[...all]": all(404),
  "GET /api/v1/kpis": {
    anonymous: 401, agent: "allow", leadOwnTeam: "allow", leadOtherTeam: 403, manager: "allow", admin: "allow",
    tvToken: 403, shareToken: 401, ingestKey: 403, kpiKey: "allow",
  },
  "POST /api/v1/ingest": { ...all(403), anonymous: 401, shareToken: 401, ingestKey: "allow" },
  // Authorised by the vendor's signature alone (lib/connectors/handle-webhook-delivery.test.ts); no credential opens an unknown connection.
  "POST /api/v1/webhooks/[connection]": all(404),
  "GET /api/v1/dashboards/[slug]": {
    anonymous: 401, agent: "allow", leadOwnTeam: "allow", leadOtherTeam: 403, manager: "allow", admin: "allow",
    tvToken: 403, shareToken: 401, ingestKey: 403, kpiKey: "allow",
  },
  // Exports are the page's or widget's numbers as a file: whoever may read them, in the same scope.
  "GET /api/v1/kpis/[key]/export": {
    anonymous: 401, agent: "allow", leadOwnTeam: "allow", leadOtherTeam: 403, manager: "allow", admin: "allow",
    tvToken: 403, shareToken: 401, ingestKey: 403, kpiKey: "allow",
  },
  "GET /api/v1/records/[list]/export": {
    anonymous: 401, agent: "allow", leadOwnTeam: "allow", leadOtherTeam: 403, manager: "allow", admin: "allow",
    tvToken: 403, shareToken: 401, ingestKey: 403, kpiKey: "allow",
  },
  "GET /api/v1/dashboards/[slug]/widgets/[id]/export": {
    anonymous: 401, agent: "allow", leadOwnTeam: "allow", leadOtherTeam: 403, manager: "allow", admin: "allow",
    tvToken: 403, shareToken: 401, ingestKey: 403, kpiKey: "allow",
  },
  // Authorised by the screen token in the path: only the TV's own link opens its screen.
  "GET /api/v1/tv/[token]": { ...all(401), tvToken: "allow" },
  "GET /api/v1/tv/[token]/dashboards/[slug]": { ...all(401), tvToken: "allow" },
  // The seeded screen shows no competition: its token gets the "not on this screen" answer.
  "GET /api/v1/tv/[token]/competitions/[id]": { ...all(401), tvToken: 404 },
  // Authorised by the view-only link's token in the path: its own dashboard and nothing else (a
  // screen's token in this path is refused like any other).
  "GET /api/v1/share/[token]": { ...all(401), shareToken: "allow" },
  "app/(workspace)/dashboards/actions.ts#createDashboardAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/dashboards/actions.ts#updateDashboardAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/dashboards/actions.ts#deleteDashboardAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/dashboards/actions.ts#saveWidgetAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/dashboards/actions.ts#deleteWidgetAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/dashboards/actions.ts#saveLayoutAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/targets/actions.ts#saveTargetAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/targets/actions.ts#deleteTargetAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/alerts/actions.ts#createAlertRuleAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/alerts/actions.ts#setAlertRuleEnabledAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/alerts/actions.ts#deleteAlertRuleAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/alerts/actions.ts#checkAlertsNowAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/kpis/actions.ts#saveCustomKpiAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/kpis/actions.ts#previewCustomKpiAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/service-levels/actions.ts#saveScheduleAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/service-levels/actions.ts#removeTeamScheduleAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/service-levels/actions.ts#saveSlaPoliciesAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/competitions/actions.ts#createCompetitionAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/competitions/actions.ts#deleteCompetitionAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/competitions/actions.ts#createAchievementAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/competitions/actions.ts#deleteAchievementAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/notifications-actions.ts#markNotificationsReadAction": action({ agent: "allow", lead: "allow", manager: "allow", admin: "allow" }),
  // The signed-in user's bell (an agent's awards, a manager's alerts); machine credentials have none.
  "GET /api/v1/notifications": { ...all("allow"), anonymous: 401, tvToken: 403, shareToken: 401, ingestKey: 403, kpiKey: 403 },
  "app/(workspace)/actions.ts#signOutAction": all("allow"),
  "app/(workspace)/import/actions.ts#importChunkAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/import/actions.ts#saveImportMappingAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/users/actions.ts#createUserAction": action({ admin: "allow" }),
  "app/(workspace)/settings/users/actions.ts#updateUserAction": action({ admin: "allow" }),
  "app/(workspace)/settings/users/actions.ts#deleteUserAction": action({ admin: "allow" }),
  "app/(workspace)/settings/keys/actions.ts#createApiKeyAction": action({ admin: "allow" }),
  "app/(workspace)/settings/keys/actions.ts#revokeApiKeyAction": action({ admin: "allow" }),
  "app/(workspace)/settings/connections/actions.ts#createConnectionAction": action({ admin: "allow" }),
  "app/(workspace)/settings/connections/actions.ts#syncConnectionNowAction": action({ admin: "allow" }),
  "app/(workspace)/settings/connections/actions.ts#setConnectionPausedAction": action({ admin: "allow" }),
  "app/(workspace)/settings/connections/actions.ts#deleteConnectionAction": action({ admin: "allow" }),
  "app/(workspace)/settings/screens/actions.ts#createScreenAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/screens/actions.ts#revokeScreenAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/screens/actions.ts#moveScreenSlideAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/share-links/actions.ts#createShareLinkAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/share-links/actions.ts#revokeShareLinkAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/notifications/actions.ts#createChannelAction": action({ admin: "allow" }),
  "app/(workspace)/settings/notifications/actions.ts#sendTestAction": action({ admin: "allow" }),
  "app/(workspace)/settings/notifications/actions.ts#deleteChannelAction": action({ admin: "allow" }),
  "app/(workspace)/settings/digests/actions.ts#createDigestAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/digests/actions.ts#setDigestEnabledAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/digests/actions.ts#sendDigestNowAction": action({ manager: "allow", admin: "allow" }),
  "app/(workspace)/settings/digests/actions.ts#deleteDigestAction": action({ manager: "allow", admin: "allow" }),
  // Authorised by the one-time setup token, which no caller here has (lib/auth/first-admin.test.ts).
  "app/setup/[token]/actions.ts#createFirstAdminAction": all("allow"),
};

/** How each caller exercises a handler: the team a lead names decides own versus other team. */
const ROUTE_REQUESTS: Record<string, (caller: Caller) => Request> = {
  "GET /api/health": () => new Request("http://localhost/api/health"),
  "GET /api/auth/[...all]": () => new Request("http://localhost/api/auth/get-session"),
  "POST /api/auth/[...all]": () =>
    new Request("http://localhost/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost" },
      body: JSON.stringify({ email: "new@example.com", password: "password123", name: "New" }),
    }),
  "GET /api/v1/kpis": (caller) => {
    const scope = caller === "agent" ? "agent=a1" : caller === "leadOtherTeam" ? "team=beta" : "team=alpha";
    return new Request(`http://localhost/api/v1/kpis?keys=ticket_volume,csat&preset=today&${scope}`);
  },
  "GET /api/v1/dashboards/[slug]": (caller) => {
    const scope = caller === "leadOtherTeam" ? "?team=beta" : caller === "agent" ? "" : "?team=alpha";
    return new Request(`http://localhost/api/v1/dashboards/service-overview${scope}`);
  },
  "GET /api/v1/kpis/[key]/export": (caller) => {
    const scope = caller === "leadOtherTeam" ? "team=beta" : caller === "agent" ? "" : "team=alpha";
    return new Request(`http://localhost/api/v1/kpis/ticket_volume/export?table=teams&format=csv&preset=today&${scope}`);
  },
  "GET /api/v1/records/[list]/export": (caller) => {
    const scope = caller === "leadOtherTeam" ? "team=beta" : caller === "agent" ? "" : "team=alpha";
    return new Request(`http://localhost/api/v1/records/tickets/export?format=xlsx&preset=today&${scope}`);
  },
  "GET /api/v1/dashboards/[slug]/widgets/[id]/export": (caller) => {
    const scope = caller === "leadOtherTeam" ? "team=beta" : caller === "agent" ? "" : "team=alpha";
    return new Request(`http://localhost/api/v1/dashboards/service-overview/widgets/0/export?format=csv&${scope}`);
  },
  "GET /api/v1/tv/[token]": () => new Request("http://localhost/api/v1/tv/token"),
  "GET /api/v1/tv/[token]/dashboards/[slug]": () => new Request("http://localhost/api/v1/tv/token/dashboards/service-overview"),
  "GET /api/v1/tv/[token]/competitions/[id]": () => new Request("http://localhost/api/v1/tv/token/competitions/999999"),
  "GET /api/v1/share/[token]": () => new Request("http://localhost/api/v1/share/token?preset=last_7_days"),
  "GET /api/v1/notifications": () => new Request("http://localhost/api/v1/notifications"),
  "POST /api/v1/ingest": () =>
    new Request("http://localhost/api/v1/ingest", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ teams: [{ externalId: "alpha", name: "Alpha" }] }),
    }),
  "POST /api/v1/webhooks/[connection]": () =>
    new Request("http://localhost/api/v1/webhooks/999999", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
};

/** Arguments that reach each action's body without changing anything that other cells rely on. */
const ACTION_ARGS: Record<string, () => unknown[]> = {
  signOutAction: () => [],
  importChunkAction: () => [{ kind: "teams", records: [{ externalId: "alpha", name: "Alpha" }] }],
  saveImportMappingAction: () => [{ name: "access-matrix", mapping: { kind: "teams", fields: {} } }],
  createUserAction: () => [{}, new FormData()],
  updateUserAction: () => [999_999, {}, new FormData()],
  deleteUserAction: () => [999_999],
  createApiKeyAction: () => [{}, new FormData()],
  revokeApiKeyAction: () => [999_999],
  createConnectionAction: () => [{}, new FormData()],
  syncConnectionNowAction: () => [999_999],
  setConnectionPausedAction: () => [999_999, true],
  deleteConnectionAction: () => [999_999],
  createScreenAction: () => [{}, new FormData()],
  revokeScreenAction: () => [999_999],
  moveScreenSlideAction: () => [999_999, 0, "later"],
  createShareLinkAction: () => [{}, new FormData()],
  revokeShareLinkAction: () => [999_999],
  // An empty form is refused by its fields; the id names no digest.
  createDigestAction: () => [{}, new FormData()],
  setDigestEnabledAction: () => [999_999, true],
  sendDigestNowAction: () => [999_999],
  deleteDigestAction: () => [999_999],
  createFirstAdminAction: () => [{}, new FormData()],
  createDashboardAction: () => [{}, new FormData()],
  updateDashboardAction: () => [999_999, {}, new FormData()],
  deleteDashboardAction: () => [999_999],
  saveWidgetAction: () => [999_999, null, {}, new FormData()],
  deleteWidgetAction: () => [999_999, 999_999],
  saveLayoutAction: () => [999_999, []],
  saveTargetAction: () => [{}, new FormData()],
  deleteTargetAction: () => [999_999],
  // An empty form is refused by its fields: nothing is created.
  createAlertRuleAction: () => [{}, new FormData()],
  setAlertRuleEnabledAction: () => [999_999, false],
  deleteAlertRuleAction: () => [999_999],
  checkAlertsNowAction: () => [],
  // An empty form is refused by its fields: nothing is saved.
  saveCustomKpiAction: () => [null, {}, new FormData()],
  previewCustomKpiAction: () => [{ formula: "count(tickets by created)", unit: "count" }],
  saveScheduleAction: () => ["org", {}, new FormData()],
  removeTeamScheduleAction: () => ["beta"],
  saveSlaPoliciesAction: () => [{}, new FormData()],
  createCompetitionAction: () => [{}, new FormData()],
  deleteCompetitionAction: () => [999_999],
  createAchievementAction: () => [{}, new FormData()],
  deleteAchievementAction: () => [999_999],
  markNotificationsReadAction: () => [],
  createChannelAction: () => [{}, new FormData()],
  sendTestAction: () => [999_999],
  deleteChannelAction: () => [999_999],
};

/** Route parameters of dynamic segments, as Next.js passes them. */
const routeParams = (key: string, caller: Caller, tokens: { screen: string; share: string; widget: number }): Record<string, string> => {
  // Every caller but the TV itself tries a token that is not a screen's: a made-up one, or the
  // view-only link's, which opens no screen.
  const token = caller === "tvToken" ? tokens.screen : caller === "shareToken" ? tokens.share : "dps_not-a-screen";
  // Likewise on a link's path: only its own token opens it, a screen's token does not.
  if (key === "GET /api/v1/share/[token]") return { token: caller === "shareToken" ? tokens.share : caller === "tvToken" ? tokens.screen : "dpv_not-a-link" };
  if (key === "GET /api/v1/dashboards/[slug]") return { slug: "service-overview" };
  if (key === "GET /api/v1/kpis/[key]/export") return { key: "ticket_volume" };
  if (key === "GET /api/v1/records/[list]/export") return { list: "tickets" };
  if (key === "GET /api/v1/dashboards/[slug]/widgets/[id]/export") return { slug: "service-overview", id: String(tokens.widget) };
  if (key === "GET /api/v1/tv/[token]") return { token };
  if (key === "GET /api/v1/tv/[token]/dashboards/[slug]") return { token, slug: "service-overview" };
  if (key === "GET /api/v1/tv/[token]/competitions/[id]") return { token, id: "999999" };
  if (key === "POST /api/v1/webhooks/[connection]") return { connection: "999999" };
  return {};
};

const APP = path.resolve(import.meta.dirname);
const sourceFiles = (fs.readdirSync(APP, { recursive: true }) as string[]).filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith(".test.ts"));
const routeFiles = sourceFiles.filter((f) => path.basename(f) === "route.ts");
const actionFiles = sourceFiles.filter((f) => /^\s*["']use server["']/.test(fs.readFileSync(path.join(APP, f), "utf8")));
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routePath(file: string): string {
  return "/" + path.dirname(file).split(path.sep).filter((part) => !/^\(.*\)$/.test(part)).join("/");
}

async function enumerate(): Promise<Map<string, (...args: unknown[]) => Promise<unknown>>> {
  const found = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  for (const file of routeFiles) {
    const mod = (await import(path.join(APP, file))) as Record<string, unknown>;
    for (const method of METHODS) if (typeof mod[method] === "function") found.set(`${method} ${routePath(file)}`, mod[method] as never);
  }
  for (const file of actionFiles) {
    const mod = (await import(path.join(APP, file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) if (typeof fn === "function") found.set(`app/${file.split(path.sep).join("/")}#${name}`, fn as never);
  }
  return found;
}

function outcomeOfError(error: unknown): Outcome | "redirect" {
  const digest = (error as { digest?: string } | null)?.digest ?? "";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;401") return 401;
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return 403;
  if (digest.startsWith("NEXT_REDIRECT")) return "redirect";
  throw error;
}

describeEachDatabase("the access matrix", ({ db }) => {
  const credentials = {} as Record<Caller, Record<string, string>>;
  const tokens = { screen: "", share: "", widget: 0 };
  const holder = globalThis as typeof globalThis & { __deskpulseDb?: Promise<Database>; __deskpulseAuth?: unknown };

  beforeAll(async () => {
    holder.__deskpulseDb = Promise.resolve(db());
    holder.__deskpulseAuth = undefined;
    const fixtures = await seedAccessMatrix(db());
    Object.assign(tokens, { screen: fixtures.screenToken, share: fixtures.shareToken });
    tokens.widget = (await db().prisma.widget.findFirstOrThrow({ where: { dashboard: { slug: "service-overview" }, kind: "kpi_number" } })).id;
    Object.assign(credentials, {
      ...Object.fromEntries(Object.entries(fixtures.cookies).map(([caller, cookie]) => [caller, { cookie }])),
      leadOtherTeam: { cookie: fixtures.cookies.leadOwnTeam },
      anonymous: {},
      ingestKey: { authorization: `Bearer ${fixtures.ingestKey}` },
      kpiKey: { authorization: `Bearer ${fixtures.kpiKey}` },
      tvToken: { authorization: `Bearer ${fixtures.screenToken}` },
      shareToken: { authorization: `Bearer ${fixtures.shareToken}` },
    });
  });
  afterAll(() => {
    holder.__deskpulseDb = undefined;
    holder.__deskpulseAuth = undefined;
  });

  test("every route handler and server action is in the table, and the table names nothing that is gone", async () => {
    expect([...(await enumerate()).keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test("every route handler is built with the one route wrapper", () => {
    for (const file of routeFiles) {
      const source = fs.readFileSync(path.join(APP, file), "utf8");
      expect(source, file).toContain('import { route } from "@/lib/http/route";');
      const exported = [...source.matchAll(/^export (?:async )?(?:const|function) (GET|POST|PUT|PATCH|DELETE)\b.*$/gm)];
      expect(exported.length, file).toBeGreaterThan(0);
      for (const [line] of exported) expect(line, file).toMatch(/^export const [A-Z]+ = route\(/);
    }
  });

  test("a path segment with a control character is 404 for every dynamic route, whoever calls", async () => {
    const handlers = await enumerate();
    for (const [key, handler] of handlers) {
      if (key.includes("#") || !key.includes("[")) continue;
      for (const caller of CALLERS) {
        const base = ROUTE_REQUESTS[key]!(caller);
        const headers = new Headers(base.headers);
        for (const [name, value] of Object.entries(credentials[caller])) headers.set(name, value);
        const segments = Object.fromEntries(Object.entries(routeParams(key, caller, tokens)).map(([name]) => [name, "x\u0000"]));
        if (key.includes("[...all]")) segments.all = ["sign-in", "email\u0000"] as never;
        const response = (await handler(new Request(base, { headers }), { params: Promise.resolve(segments) })) as Response;
        expect(response.status, `${key} as ${caller}`).toBe(404);
      }
    }
  });

  test("each caller gets exactly what the table says", async () => {
    // Signing out ends the sessions the other cells use, so it goes last.
    const handlers = [...(await enumerate())].sort(([a], [b]) => Number(a.endsWith("#signOutAction")) - Number(b.endsWith("#signOutAction")));
    const actual: Record<string, Row> = {};
    for (const [key, handler] of handlers) {
      actual[key] = {} as Row;
      for (const caller of CALLERS) {
        let outcome: Outcome | "redirect";
        if (key.includes("#")) {
          request.headers = new Headers({ host: "localhost", ...credentials[caller] });
          try {
            await handler(...ACTION_ARGS[key.split("#")[1]!]!());
            outcome = "allow";
          } catch (error) {
            outcome = outcomeOfError(error);
          }
          // Signing out and deleting end in a redirect by design: the action completed.
          if (outcome === "redirect") outcome = "allow";
        } else {
          const base = ROUTE_REQUESTS[key]!(caller);
          const headers = new Headers(base.headers);
          for (const [name, value] of Object.entries(credentials[caller])) headers.set(name, value);
          const response = (await handler(new Request(base, { headers }), { params: Promise.resolve(routeParams(key, caller, tokens)) })) as Response;
          outcome = response.status === 401 || response.status === 403 || response.status === 404 ? response.status : "allow";
          if (outcome === "allow") expect(response.status, `${key} as ${caller}`).toBeLessThan(500);
        }
        actual[key][caller] = outcome;
      }
    }
    expect(actual).toEqual(EXPECTED);
  });
});
