import { afterAll, beforeAll, expect, test } from "vitest";

import { POST } from "@/app/api/v1/ingest/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { refreshRollups } from "@/lib/kpi/rollups/refresh-rollups";
import { INGEST_STRESS_SECONDS } from "@/lib/testing/ingest-stress-seconds";
import { snapshotRecords } from "@/lib/testing/snapshot-records";
import { createTestDatabase, describeEachDatabase } from "@/lib/testing/test-databases";

import { ingestBatch } from "./ingest-batch";
import { parseIngestBatch } from "./record-schemas";

// Twenty clients send overlapping batches (the same records, in different subsets and orders, as
// a help-desk integration retrying does) while the rollups refresh beside them. Every batch must be
// stored (no 5xx, no deadlock reaching the client), and the result must be what sending the
// accepted batches one after another into a fresh database gives.

const CLIENTS = 20;
const HOUR = 3_600_000;
// Ten days back, so that every record falls in an hour the rollups have rolled up and each write
// goes through the triggers' dirty-hour marking.
const BASE = Math.floor((Date.now() - 10 * 24 * HOUR) / HOUR) * HOUR;
const iso = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

/** A small deterministic generator (mulberry32), so a failing run can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// One content per record: whatever order the batches commit in, the stored data is then the same.
const teams = Array.from({ length: 5 }, (_, i) => ({ externalId: `team-${i}`, name: `Team ${i}` }));
const agents = Array.from({ length: 12 }, (_, i) => ({ externalId: `agent-${i}`, name: `Agent ${i}`, email: `agent${i}@example.com`, team: `team-${i % 5}` }));
const tickets = Array.from({ length: 40 }, (_, i) => ({
  externalId: `T-${i}`, channel: (["email", "chat", "phone", "web"] as const)[i % 4], priority: (["low", "normal", "high"] as const)[i % 3],
  team: `team-${i % 5}`, assignee: `agent-${i % 12}`, status: "solved" as const,
  createdAt: iso(i * 37), firstResponseAt: iso(i * 37 + 9), resolvedAt: iso(i * 37 + 80), reopens: i % 2,
}));
const messages = Array.from({ length: 120 }, (_, i) => ({
  externalId: `M-${i}`, ticket: `T-${i % 40}`, author: i % 3 === 0 ? ("customer" as const) : ("agent" as const),
  ...(i % 3 === 0 ? {} : { agent: `agent-${(i + 1) % 12}` }), createdAt: iso((i % 40) * 37 + Math.floor(i / 40) * 11), public: i % 7 !== 0,
}));
const calls = Array.from({ length: 60 }, (_, i) => ({
  externalId: `C-${i}`, queue: `queue-${i % 4}`, agent: `agent-${i % 12}`, team: `team-${i % 5}`,
  queuedAt: iso(i * 23), answeredAt: iso(i * 23 + 1), endedAt: iso(i * 23 + 6), talkSeconds: 240 + i, holdSeconds: i % 30, wrapUpSeconds: 20,
}));
const surveys = Array.from({ length: 30 }, (_, i) => ({
  externalId: `S-${i}`, kind: "csat" as const, score: 1 + (i % 5), respondedAt: iso(i * 37 + 120), ticket: `T-${i}`, agent: `agent-${i % 12}`,
}));
const kbViews = Array.from({ length: 20 }, (_, i) => ({ article: `article-${i % 4}`, visitor: `visitor-${i}`, viewedAt: iso(i * 13) }));
const agentStatus = Array.from({ length: 24 }, (_, i) => ({ agent: `agent-${i % 12}`, status: (["available", "busy", "away"] as const)[i % 3], at: iso(i * 17) }));

function sample<T>(next: () => number, from: readonly T[], max: number): T[] {
  const picked = from.filter(() => next() < max / from.length);
  for (let i = picked.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [picked[i], picked[j]] = [picked[j]!, picked[i]!];
  }
  return picked;
}

/** An overlapping batch: random records of every kind, shuffled, with the tickets its messages and surveys need. */
function overlappingBatch(next: () => number) {
  const someMessages = sample(next, messages, 25);
  const someSurveys = sample(next, surveys, 6);
  const needed = new Set([...someMessages, ...someSurveys].map((r) => r.ticket));
  const someTickets = sample(next, tickets.filter((t) => needed.has(t.externalId) || next() < 0.2), 60);
  return {
    ...(next() < 0.5 && { teams: sample(next, teams, 3) }),
    ...(next() < 0.5 && { agents: sample(next, agents, 5) }),
    tickets: someTickets,
    messages: someMessages,
    calls: sample(next, calls, 15),
    surveys: someSurveys,
    kbViews: sample(next, kbViews, 5),
    agentStatus: sample(next, agentStatus, 5),
  };
}

describeEachDatabase("concurrent overlapping ingest", ({ kind, db }) => {
  const holder = globalThis as typeof globalThis & { __deskpulseDb?: Promise<Database> };
  let server: Database;
  let key = "";

  beforeAll(async () => {
    // The server's own pool, as large as the clients, so that Postgres really runs them side by side.
    server = kind === "postgres" ? await openDatabase({ kind: "postgres", url: db().url!, poolSize: CLIENTS }) : db();
    holder.__deskpulseDb = Promise.resolve(server);
    key = (await createApiKey(server.prisma, { kind: "ingest", name: "stress" })).key;
    await server.prisma.$executeRaw`INSERT INTO teams (external_id, name) VALUES ('team-0', 'Team 0')`;
    await server.prisma.$executeRaw`INSERT INTO tickets (external_id, channel, status, created_at) VALUES ('T-0', 'email', 'new', ${iso(0)}::timestamptz)`;
    await refreshRollups(server.prisma);
  });
  afterAll(async () => {
    holder.__deskpulseDb = undefined;
    // Unset when opening it timed out.
    if ((server as Database | undefined) && server !== db()) await server.close();
  });

  test(
    `${CLIENTS} clients for ${INGEST_STRESS_SECONDS} s: every batch stored, the same data as a sequential replay`,
    async () => {
      const seed = Date.now();
      const deadline = Date.now() + INGEST_STRESS_SECONDS * 1000;
      const accepted: unknown[] = [];
      const failures: string[] = [];
      const client = async (id: number) => {
        const next = random(seed + id);
        while (Date.now() < deadline) {
          const batch = overlappingBatch(next);
          const request = new Request("http://localhost/api/v1/ingest", {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
            body: JSON.stringify(batch),
          });
          try {
            const response = await POST(request, undefined as never);
            if (response.status === 200) accepted.push(batch);
            else failures.push(`${response.status} ${await response.text()}`);
          } catch (error) {
            failures.push(`thrown: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      };
      let refreshes = 0;
      const refresher = async () => {
        while (Date.now() < deadline) {
          try {
            await refreshRollups(server.prisma);
            refreshes += 1;
          } catch (error) {
            failures.push(`refresh: ${error instanceof Error ? error.message : String(error)}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      await Promise.all([...Array.from({ length: CLIENTS }, (_, i) => client(i)), refresher()]);
      // The achievement evaluation each ingest requests runs on after its response; let it finish.
      await (globalThis as { __deskpulseEvaluation?: { running: Promise<void> | null } }).__deskpulseEvaluation?.running;

      expect(failures, `seed ${seed}`).toEqual([]);
      expect(accepted.length).toBeGreaterThan(CLIENTS);
      expect(refreshes).toBeGreaterThan(0);

      const replay = await createTestDatabase(kind);
      try {
        await replay.prisma.$executeRaw`INSERT INTO teams (external_id, name) VALUES ('team-0', 'Team 0')`;
        await replay.prisma.$executeRaw`INSERT INTO tickets (external_id, channel, status, created_at) VALUES ('T-0', 'email', 'new', ${iso(0)}::timestamptz)`;
        for (const batch of accepted) {
          const parsed = parseIngestBatch(batch);
          if (!parsed.ok) throw new Error("an accepted batch no longer parses");
          await ingestBatch(replay.prisma, parsed.batch);
        }
        expect(await snapshotRecords(server.prisma)).toEqual(await snapshotRecords(replay.prisma));
      } finally {
        await replay.close();
      }
    },
    INGEST_STRESS_SECONDS * 1000 + 240_000,
  );
});
