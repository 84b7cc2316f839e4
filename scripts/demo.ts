// `npm run demo`: migrate, fill an empty database with demo history, build if needed, and serve,
// with the live simulator running inside the server (`--no-live` serves the history alone;
// `--live-scale N` runs it at N times the history's pace).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { parseArgs } from "node:util";

import { z } from "zod";

import { runDemoSeed, ZDemoSeedOptions } from "@/lib/cli/demo-seed-command";
import { openConfiguredDatabase } from "@/lib/db/configured-database";
import { DEMO_PASSWORD, existingDemoUsers } from "@/lib/demo/demo-users";
import { getEnv } from "@/lib/env";

const nextBin = "node_modules/next/dist/bin/next";

const ZLiveOptions = z.object({
  "no-live": z.boolean().default(false),
  "live-scale": z.coerce.number().positive().max(1_000_000).default(1),
});

/** Seeds, and answers the demo sign-ins to print once the server is up. */
async function seed(values: Record<string, unknown>): Promise<string[]> {
  const db = await openConfiguredDatabase();
  try {
    const result = await runDemoSeed(db, ZDemoSeedOptions.parse(values));
    console.log(
      result.seeded
        ? `Demo data: ${result.tickets} tickets, ${result.calls} calls, ${result.surveys} surveys over ${result.days} days (${result.seconds.toFixed(1)} s)`
        : "Demo data: the database already holds data; left as it is",
    );
    return (await existingDemoUsers(db.prisma)).map((u) => `  ${u.role.padEnd(9)} ${u.email}`);
  } finally {
    // The server opens the database next; the embedded one allows one process at a time.
    await db.close();
  }
}

function buildIfNeeded() {
  if (fs.existsSync(".next/BUILD_ID")) return;
  console.log("Building Deskpulse (first run only) ...");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main() {
  const env = getEnv();
  const { values } = parseArgs({
    options: {
      tickets: { type: "string" }, days: { type: "string" }, seed: { type: "string" },
      "no-live": { type: "boolean" }, "live-scale": { type: "string" },
    },
  });
  const { tickets, days, seed: seedValue, ...liveValues } = values;
  const live = ZLiveOptions.parse(liveValues);
  const signIns = await seed({ tickets, days, seed: seedValue });
  buildIfNeeded();
  console.log(`Deskpulse is starting on http://localhost:${env.PORT}`);
  if (signIns.length) console.log(`Demo sign-in (password "${DEMO_PASSWORD}"):\n${signIns.join("\n")}`);
  // server.ts rather than `next start`: it passes each request's socket address on (see there).
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", DESKPULSE_DEMO_LIVE: live["no-live"] ? "0" : String(live["live-scale"]) },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
