import { getEnv } from "@/lib/env";

import { isInRanges, parseIpAddress, type AddressRange, type IpAddress } from "./ip-address";
import { readPeerAddress } from "./peer-address";

export interface ClientConfig {
  /** DESKPULSE_TRUSTED_PROXIES: the peers whose forwarding headers are believed. */
  trustedProxies: readonly AddressRange[];
  /** DESKPULSE_PUBLIC_URL: when set, the one origin browsers use. */
  publicUrl?: string;
}

export interface RequestClient {
  /** The client's address: the socket peer, or whom a trusted proxy forwarded for; null if unknown. */
  address: string | null;
  /** The origin the browser is on, which sign-in must come from; null when Host is unusable. */
  origin: string | null;
  /** Whether the browser reached the server over HTTPS (so cookies must be Secure). */
  https: boolean;
}

function firstValue(header: string | null): string | null {
  const value = header?.split(",")[0]?.trim();
  return value ? value : null;
}

/**
 * Walks X-Forwarded-For from the right: each hop a trusted proxy appended names the one before it,
 * and the first hop that is not a trusted proxy is the client. Anything left of that hop was written
 * by the client itself and is ignored, as is the whole header when the peer is not trusted.
 */
function forwardedClient(peer: IpAddress, headers: Headers, trustedProxies: readonly AddressRange[]): IpAddress {
  const chain = headers.get("x-forwarded-for")?.split(",") ?? [headers.get("x-real-ip") ?? ""];
  let client = peer;
  for (let i = chain.length - 1; i >= 0 && isInRanges(client, trustedProxies); i--) {
    const hop = parseIpAddress(chain[i]!);
    if (!hop) break;
    client = hop;
  }
  return client;
}

function originOf(scheme: "http" | "https", host: string | null): string | null {
  if (!host) return null;
  try {
    const url = new URL(`${scheme}://${host}`);
    const spelt = host.toLowerCase();
    // A Host carrying a path, credentials or a query is not a host: no origin rather than a guess.
    const sameHost = url.host === spelt || `${url.host}:${scheme === "https" ? 443 : 80}` === spelt;
    return sameHost ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Who sent a request and from which origin, believing forwarding headers (X-Forwarded-For,
 * X-Real-IP, X-Forwarded-Proto, X-Forwarded-Host) only when the socket peer is a trusted proxy.
 */
export function resolveClient(headers: Headers, config: ClientConfig = clientConfigFromEnv()): RequestClient {
  const peer = parseIpAddress(readPeerAddress(headers) ?? "");
  const viaTrustedProxy = peer !== null && isInRanges(peer, config.trustedProxies);
  const address = peer && (viaTrustedProxy ? forwardedClient(peer, headers, config.trustedProxies) : peer);
  if (config.publicUrl) {
    const url = new URL(config.publicUrl);
    return { address: address?.toString() ?? null, origin: url.origin, https: url.protocol === "https:" };
  }
  const https = viaTrustedProxy && firstValue(headers.get("x-forwarded-proto"))?.toLowerCase() === "https";
  const host = (viaTrustedProxy ? firstValue(headers.get("x-forwarded-host")) : null) ?? headers.get("host");
  return { address: address?.toString() ?? null, origin: originOf(https ? "https" : "http", host), https };
}

export function clientConfigFromEnv(): ClientConfig {
  const env = getEnv();
  return { trustedProxies: env.DESKPULSE_TRUSTED_PROXIES, publicUrl: env.DESKPULSE_PUBLIC_URL };
}
