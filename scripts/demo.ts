// `npm run demo`: migrate, fill an empty database with demo history, build if needed, and serve.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { parseArgs } from "node:util";

import { runDemoSeed, ZDemoSeedOptions } from "@/lib/cli/demo-seed-command";
import { openConfiguredDatabase } from "@/lib/db/configured-database";
import { DEMO_PASSWORD, existingDemoUsers } from "@/lib/demo/demo-users";
import { getEnv } from "@/lib/env";

const nextBin = "node_modules/next/dist/bin/next";

/** Seeds, and answers the demo sign-ins to print once the server is up. */
async function seed(args: string[]): Promise<string[]> {
  const { values } = parseArgs({ args, options: { tickets: { type: "string" }, days: { type: "string" }, seed: { type: "string" } } });
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
  const signIns = await seed(process.argv.slice(2));
  buildIfNeeded();
  console.log(`Deskpulse is starting on http://localhost:${env.PORT}`);
  if (signIns.length) console.log(`Demo sign-in (password "${DEMO_PASSWORD}"):\n${signIns.join("\n")}`);
  // server.ts rather than `next start`: it passes each request's socket address on (see there).
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
