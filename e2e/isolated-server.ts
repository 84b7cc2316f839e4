import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

import { expect } from "@playwright/test";

// A second Deskpulse server of the test's own, on its own embedded database, that a test may stop
// and start again (the suite's main server must stay up for the other tests).

export interface IsolatedServer {
  base: string;
  /** The last line printed by each CLI command run before the first start. */
  cli: string[];
  start(): Promise<void>;
  stop(): void;
}

export async function isolatedServer(name: string, port: number, setup: string[][], serverEnv: Record<string, string> = {}): Promise<IsolatedServer> {
  const env = { ...process.env, PORT: String(port), DESKPULSE_DATA_DIR: `.data/${name}`, DATABASE_URL: "", ...serverEnv };
  fs.rmSync(`.data/${name}`, { recursive: true, force: true });
  const cli = setup.map((args) => execFileSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], { env, encoding: "utf8" }).trim().split("\n").pop()!);
  let child: ChildProcess | null = null;
  const base = `http://localhost:${port}`;
  return {
    base,
    cli,
    async start() {
      child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port)], { env, detached: true, stdio: "ignore" });
      await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
    },
    stop() {
      if (child?.pid) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
      child = null;
    },
  };
}
