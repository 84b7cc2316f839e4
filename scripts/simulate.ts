// `npm run simulate -- --url http://localhost:3000 --key KEY`: posts the live demo stream (tickets,
// replies, calls, shifts and surveys, for the demo's own agents, at the pace of a history of
// --tickets over --days; --scale multiplies it) through the ingest API until stopped: the same
// simulator `npm run demo` runs inside its server, over HTTP.
// Batches that cannot be delivered (server restarting) are kept and re-sent, with backoff.
import { parseArgs } from "node:util";

import { z } from "zod";

import type { IngestBatch } from "@/lib/ingest/record-schemas";
import { DEFAULT_DEMO_DAYS, DEFAULT_DEMO_TICKETS } from "@/lib/demo/seed-demo";
import { LiveSimulator } from "@/lib/simulator/live-simulator";

const { values } = parseArgs({
  options: {
    url: { type: "string" }, key: { type: "string" }, scale: { type: "string" }, seed: { type: "string" },
    tickets: { type: "string" }, days: { type: "string" },
  },
});
const parsed = z
  .object({
    url: z.url().default("http://localhost:3000"),
    key: z.string().min(10, "an ingest key: npm run cli -- keys create --kind ingest --name simulator"),
    scale: z.coerce.number().positive().max(10_000).default(1),
    tickets: z.coerce.number().int().positive().default(DEFAULT_DEMO_TICKETS),
    days: z.coerce.number().int().positive().default(DEFAULT_DEMO_DAYS),
    seed: z.coerce.number().int().optional(),
  })
  .safeParse(values);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}
const options = parsed.data;
const endpoint = new URL("/api/v1/ingest", options.url).toString();
const simulator = new LiveSimulator({
  history: { tickets: options.tickets, days: options.days },
  scale: options.scale,
  ...(options.seed !== undefined && { seed: options.seed }),
});
const pending: IngestBatch[] = [];
let delivered = 0;
let failures = 0;
let backoffMs = 1000;
let stopping = false;

const size = (batch: IngestBatch) => Object.values(batch).reduce((n, list) => n + (list?.length ?? 0), 0);

async function deliver(): Promise<void> {
  while (pending.length) {
    const batch = pending[0]!;
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${options.key}` },
      body: JSON.stringify(batch),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status === 401 || response.status === 403) {
      console.error(`The server refused the key (${response.status}); stopping.`);
      process.exit(1);
    }
    if (response.status === 400) {
      // A record the server rejects will never be accepted; report it and move on.
      console.error(`Batch rejected: ${JSON.stringify((await response.json()).errors?.slice(0, 3))}`);
      pending.shift();
      continue;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    delivered += size(batch);
    pending.shift();
  }
}

async function loop() {
  let next = Date.now();
  let lastReport = Date.now();
  while (!stopping) {
    pending.push(simulator.tick(new Date()));
    try {
      await deliver();
      if (failures) console.log(`Server reachable again; ${pending.length} batches queued.`);
      failures = 0;
      backoffMs = 1000;
    } catch (error) {
      failures++;
      if (failures === 1 || failures % 10 === 0) {
        console.log(`Cannot reach ${endpoint} (${error instanceof Error ? error.message : error}); keeping ${pending.length} batches, retrying.`);
      }
      backoffMs = Math.min(backoffMs * 2, 30_000);
      await new Promise((resolve) => setTimeout(resolve, backoffMs));
    }
    if (Date.now() - lastReport >= 10_000) {
      lastReport = Date.now();
      const s = simulator.stats;
      console.log(
        `sent ${delivered} records: ${s.tickets} new tickets, ${s.messages} messages, ${s.calls} calls, ${s.surveys} surveys, ${s.statusChanges} status changes`,
      );
    }
    next += 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    if (next < Date.now() - 5000) next = Date.now();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    console.log(`Stopped. Delivered ${delivered} records; ${pending.length} batches undelivered.`);
    process.exit(0);
  });
}
console.log(`Simulating ${simulator.hourlyVolume(new Date()).tickets.toFixed(1)} new tickets an hour now into ${endpoint} (Ctrl-C to stop)`);
void loop();
