import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, expect, test } from "vitest";

import { answerPageOutage, createHealthProbe, isPageRequest, PAGE_RETRY_AFTER_SECONDS } from "./page-outage-gate";

let health = 200;
let probes = 0;
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/api/health") {
      probes++;
      response.writeHead(health).end();
      return;
    }
    answerPageOutage(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("the probe follows the health endpoint, asking it at most once per two seconds", async () => {
  let clock = 0;
  const unavailable = createHealthProbe(`${base}/api/health`, () => clock);
  health = 503;
  probes = 0;
  expect(await Promise.all([unavailable(), unavailable()])).toEqual([true, true]);
  expect(probes).toBe(1);
  health = 200;
  clock += 1_000;
  expect(await unavailable()).toBe(true);
  clock += 1_500;
  expect(await unavailable()).toBe(false);
  expect(probes).toBe(2);
});

test("a probe that cannot reach the server says nothing rather than closing every page", async () => {
  expect(await createHealthProbe("http://127.0.0.1:1/api/health")()).toBe(false);
});

test("only page loads are gated; the outage page is a readable 503 with Retry-After", async () => {
  const request = (method: string, url: string, accept: string) => ({ method, url, headers: { accept } }) as unknown as IncomingMessage;
  expect(isPageRequest(request("GET", "/kpis/csat", "text/html,application/xhtml+xml"))).toBe(true);
  expect(isPageRequest(request("GET", "/api/v1/kpis", "text/html"))).toBe(false);
  expect(isPageRequest(request("GET", "/_next/static/x.js", "*/*"))).toBe(false);
  expect(isPageRequest(request("POST", "/settings/targets", "text/html"))).toBe(false);
  const response = await fetch(`${base}/`);
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe(String(PAGE_RETRY_AFTER_SECONDS));
  expect(await response.text()).toContain("The database cannot be reached right now");
});
