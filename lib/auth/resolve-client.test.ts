import { beforeAll, describe, expect, test } from "vitest";

import { parseAddressRange } from "./ip-address";
import { PEER_ADDRESS_HEADER, trustPeerAddressHeader } from "./peer-address";
import { resolveClient, type ClientConfig } from "./resolve-client";

const config: ClientConfig = { trustedProxies: ["127.0.0.1", "10.0.0.0/8", "fd00::/8"].map((entry) => parseAddressRange(entry)!) };
const request = (peer: string | null, headers: Record<string, string> = {}) =>
  new Headers({ host: "deskpulse.lan:3000", ...(peer ? { [PEER_ADDRESS_HEADER]: peer } : {}), ...headers });

describe("resolveClient", () => {
  beforeAll(() => trustPeerAddressHeader());

  test("a direct client is its socket address; forwarding headers it sends are ignored", () => {
    const client = resolveClient(
      request("192.0.2.8", { "x-forwarded-for": "203.0.113.1", "x-real-ip": "203.0.113.2", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" }),
      config,
    );
    expect(client).toEqual({ address: "192.0.2.8", origin: "http://deskpulse.lan:3000", https: false });
  });

  test("behind a trusted proxy, the client is the first untrusted hop from the right", () => {
    // The leftmost entry was written by the client and is a lie; 10.0.0.7 is a second proxy.
    const client = resolveClient(request("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.7" }), config);
    expect(client.address).toBe("198.51.100.4");
  });

  test("a trusted proxy's X-Real-IP counts when it sends no X-Forwarded-For", () => {
    expect(resolveClient(request("10.1.1.1", { "x-real-ip": "198.51.100.9" }), config).address).toBe("198.51.100.9");
  });

  test("a chain of trusted proxies only, or a malformed hop, stops at the last address it can vouch for", () => {
    expect(resolveClient(request("127.0.0.1", { "x-forwarded-for": "10.0.0.3, 10.0.0.4" }), config).address).toBe("10.0.0.3");
    expect(resolveClient(request("127.0.0.1", { "x-forwarded-for": "198.51.100.1, not-an-ip, 10.0.0.4" }), config).address).toBe("10.0.0.4");
    expect(resolveClient(request("127.0.0.1"), config).address).toBe("127.0.0.1");
  });

  test("an IPv4 peer reported as IPv4-mapped IPv6 matches IPv4 ranges; IPv6 ranges match IPv6 peers", () => {
    expect(resolveClient(request("::ffff:127.0.0.1", { "x-forwarded-for": "198.51.100.2" }), config).address).toBe("198.51.100.2");
    expect(resolveClient(request("fd12::1", { "x-forwarded-for": "2001:db8::5" }), config).address).toBe("2001:db8::5");
    expect(resolveClient(request("::1", { "x-forwarded-for": "198.51.100.2" }), config).address).toBe("::1");
  });

  test("HTTPS and the public host come from a trusted proxy's X-Forwarded-Proto and X-Forwarded-Host", () => {
    const client = resolveClient(request("127.0.0.1", { "x-forwarded-proto": "https", "x-forwarded-host": "dash.example.com" }), config);
    expect(client).toMatchObject({ origin: "https://dash.example.com", https: true });
  });

  test("the origin is the request's own, on any host, with default ports folded as browsers do", () => {
    expect(resolveClient(new Headers({ host: "127.0.0.2:3000" }), config).origin).toBe("http://127.0.0.2:3000");
    expect(resolveClient(new Headers({ host: "[::1]:3000" }), config).origin).toBe("http://[::1]:3000");
    expect(resolveClient(new Headers({ host: "Deskpulse.LAN:80" }), config).origin).toBe("http://deskpulse.lan");
  });

  test("a Host that is not a host gives no origin", () => {
    for (const host of ["evil.example/path", "user@deskpulse.lan", "a b"]) {
      expect(resolveClient(new Headers({ host }), config).origin).toBeNull();
    }
    expect(resolveClient(new Headers(), config).origin).toBeNull();
  });

  test("DESKPULSE_PUBLIC_URL pins the origin and its scheme, whatever the headers say", () => {
    const pinned = { ...config, publicUrl: "https://dash.example.com/" };
    expect(resolveClient(request("192.0.2.8", { "x-forwarded-proto": "http" }), pinned)).toEqual({
      address: "192.0.2.8",
      origin: "https://dash.example.com",
      https: true,
    });
    expect(resolveClient(request(null), { ...config, publicUrl: "http://10.0.0.5:3000" })).toMatchObject({ origin: "http://10.0.0.5:3000", https: false });
  });
});
