import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface PeerAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface VendorPeer {
  /** `http://127.0.0.1:<port>`, without a trailing slash, as `ConnectorContext.baseUrl` expects. */
  baseUrl: string;
  /** Every request's path and query, in order, so a test can count calls or check parameters. */
  requests: URL[];
  close(): Promise<void>;
}

/**
 * A local HTTP server on a free port standing in for a vendor API in tests: adapters talk to it
 * through the real `fetch`, so URLs, headers, status codes and bodies cross a real socket.
 */
export async function startVendorPeer(answer: (url: URL, request: IncomingMessage) => PeerAnswer): Promise<VendorPeer> {
  const requests: URL[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://peer");
    requests.push(url);
    const { status, body, headers } = answer(url, request);
    response.writeHead(status, { "Content-Type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this, close waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
