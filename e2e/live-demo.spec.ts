import { TZDate } from "@date-fns/tz";

import { DEMO_TIME_ZONE } from "@/lib/demo/demo-roster";
import { demoHourlyVolume, demoRoster } from "@/lib/demo/generate-demo-data";

import { expect, test } from "./fixtures";
import { isolatedServer } from "./isolated-server";

// The live demo as `npm run demo` runs it: the simulator inside the server, storing through the
// ingest path. Its own server, because it runs for two minutes and changes the numbers as it goes.

const HISTORY = { tickets: 3_000, days: 90 };
const SEED = 2026;
const MINUTES = 2;

interface KpiAnswer {
  kpis: Record<string, { value: number | null; groups?: { key: string | null; label: string; value: number | null }[] }>;
}

test("after two minutes of the live demo the live queue and today's numbers have moved, and every leaderboard is led by a roster agent", async () => {
  test.setTimeout(6 * 60_000);
  // The pace follows the hour (nights are nearly silent): scaled so that about one ticket a second
  // arrives whenever the test runs. The pace itself is lib/simulator/live-simulator.test.ts's subject.
  const local = new TZDate(Date.now(), DEMO_TIME_ZONE);
  const scale = 3_600 / demoHourlyVolume(HISTORY, local.getDay(), local.getHours()).tickets;
  const server = await isolatedServer(
    "e2e-live-demo",
    3198,
    [["demo", "seed", "--tickets", String(HISTORY.tickets), "--seed", String(SEED)], ["keys", "create", "--kind", "kpi", "--name", "live-check"]],
    { DESKPULSE_DEMO_LIVE: scale.toFixed(3) },
  );
  const key = server.cli[1]!;
  const kpis = async (query: string): Promise<KpiAnswer["kpis"]> => {
    const response = await fetch(`${server.base}/api/v1/kpis?${query}`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    return ((await response.json()) as KpiAnswer).kpis;
  };
  try {
    await server.start();
    const today = "keys=ticket_volume,calls_handled,calls_waiting,longest_wait&preset=today";
    const before = await kpis(today);
    const started = Date.now();
    let sawCallsWaiting = false;
    let sawLongestWait = false;
    await expect
      .poll(
        async () => {
          const now = await kpis(today);
          sawCallsWaiting ||= (now.calls_waiting!.value ?? 0) > 0;
          sawLongestWait ||= (now.longest_wait!.value ?? 0) > 0;
          if (Date.now() - started < MINUTES * 60_000) return "running";
          return {
            sawCallsWaiting,
            sawLongestWait,
            newTickets: now.ticket_volume!.value! - before.ticket_volume!.value! >= 30,
            callsHandled: now.calls_handled!.value! > before.calls_handled!.value!,
          };
        },
        { timeout: (MINUTES + 2) * 60_000, intervals: [2_000] },
      )
      .toEqual({ sawCallsWaiting: true, sawLongestWait: true, newTickets: true, callsHandled: true });

    // The leaderboards' KPIs by agent: everyone ranked, the leader included, is one of the demo's
    // own agents, by id and name. (At night email waits for the morning, so solved tickets may be
    // the history's alone; calls are answered around the clock.)
    const roster = new Map(demoRoster(SEED).agents.map((a) => [a.externalId, a.name]));
    const byAgent = await kpis("keys=calls_handled,tickets_solved,csat,first_response_time&preset=today&groupBy=agent");
    expect(byAgent.calls_handled!.groups?.length).toBeGreaterThan(0);
    for (const [kpi, entry] of Object.entries(byAgent)) {
      for (const group of entry.groups ?? []) expect(roster.get(group.key!), `${kpi}: ${group.label}`).toBe(group.label);
    }
  } finally {
    server.stop();
  }
});
