// `npm start` (and `npm run demo`): Next.js's request handler behind a plain HTTP server of our own,
// for one reason: this is the only code that sees the socket. Next.js hands route handlers no peer
// address, and the X-Forwarded-For it adds keeps whatever the client wrote. So every request gets
// the socket's peer address in PEER_ADDRESS_HEADER, with any copy the client sent deleted first;
// lib/auth/resolve-client.ts believes forwarding headers only when that peer is a trusted proxy.
import { createServer } from "node:http";

import next from "next";

import { PEER_ADDRESS_HEADER, trustPeerAddressHeader } from "@/lib/auth/peer-address";
import { getEnv } from "@/lib/env";
import { hasDecodablePath } from "@/lib/server/has-decodable-path";
import { answerPageOutage, createHealthProbe, isPageRequest } from "@/lib/server/page-outage-gate";

async function main() {
  const env = getEnv();
  // The production build only (`npm run build` first); `npm run dev` stays `next dev`.
  const app = next({ dev: false, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  trustPeerAddressHeader();
  const databaseUnavailable = createHealthProbe(`http://127.0.0.1:${env.PORT}/api/health`);
  const server = createServer((request, response) => {
    delete request.headers[PEER_ADDRESS_HEADER];
    if (request.socket.remoteAddress) request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress;
    if (!hasDecodablePath(request.url)) return void response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
    if (!isPageRequest(request)) return void handle(request, response);
    void databaseUnavailable().then((unavailable) => (unavailable ? answerPageOutage(response) : handle(request, response)));
  });
  // No host: every interface, IPv4 and IPv6, as `next start` listens (localhost, 127.0.0.x, LAN).
  server.listen(env.PORT, () => console.log(`Deskpulse: listening on port ${env.PORT}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      void app.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
