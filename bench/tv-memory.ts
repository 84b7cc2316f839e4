// npm run bench:tv [-- --polls 5000 --interval 100] — drives a wall screen in Chromium through
// thousands of polls and reports its JS heap and DOM node count at the start and the end (after a
// forced garbage collection), the figures that decide whether a TV survives weeks unattended.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import { parseArgs } from "node:util";

import { chromium } from "@playwright/test";

const { values } = parseArgs({ options: { polls: { type: "string" }, interval: { type: "string" }, port: { type: "string" } } });
const POLLS = Number(values.polls ?? 5000);
const INTERVAL_MS = Number(values.interval ?? 100);
const PORT = Number(values.port ?? 3195);
const DATA_DIR = ".data/bench-tv";

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("Build first: npm run build");
  const env = { ...process.env, PORT: String(PORT), DESKPULSE_DATA_DIR: DATA_DIR, DATABASE_URL: "" };
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  const cli = (...args: string[]) => execFileSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], { env, encoding: "utf8" }).trim().split("\n").pop()!;
  cli("demo", "seed", "--tickets", "3000");
  const path = cli("screens", "create", "--name", "Bench", "--dashboard", "service-overview", "--rotate", "10");
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(PORT)], { env, detached: true, stdio: "ignore" });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    for (let i = 0; i < 120 && !(await fetch(`http://localhost:${PORT}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 500));
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    let polls = 0;
    page.on("response", (response) => {
      if (response.url().includes("/api/v1/tv/")) polls++;
    });
    const measure = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      const { metrics } = await cdp.send("Performance.getMetrics");
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      return { heapMb: metric("JSHeapUsedSize") / 1_048_576, nodes: metric("Nodes"), listeners: metric("JSEventListeners") };
    };
    await page.goto(`http://localhost:${PORT}${path}?poll=${INTERVAL_MS}`);
    await page.getByTestId("tv-screen").waitFor();
    for (let waited = 0; polls < 50; waited += 200) {
      if (waited > 30_000) throw new Error(`the screen made only ${polls} polls in 30 s`);
      await page.waitForTimeout(200);
    }
    const start = await measure();
    const started = performance.now();
    let lastReport = 0;
    while (polls < POLLS) {
      await page.waitForTimeout(1000);
      if (polls - lastReport >= 1000) {
        lastReport = polls;
        console.log(`  ${polls} polls…`);
      }
    }
    const end = await measure();
    const minutes = (performance.now() - started) / 60_000;
    console.log(`\nTV page, ${polls} polls every ${INTERVAL_MS} ms (${minutes.toFixed(1)} min), rotating every 10 s, 1920×1080:`);
    console.log(`  JS heap   start ${start.heapMb.toFixed(2)} MB   end ${end.heapMb.toFixed(2)} MB   growth ${(end.heapMb - start.heapMb).toFixed(2)} MB (target < 10 MB)`);
    console.log(`  DOM nodes start ${start.nodes}   end ${end.nodes}   growth ${end.nodes - start.nodes} (target: none)`);
    console.log(`  listeners start ${start.listeners}   end ${end.listeners}`);
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid, "SIGKILL");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
