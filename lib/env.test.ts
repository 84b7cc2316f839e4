import { describe, expect, test } from "vitest";

import { parseEnv } from "./env";

describe("DESKPULSE_TRUSTED_PROXIES", () => {
  const proxies = (value?: string) => parseEnv({ DESKPULSE_TRUSTED_PROXIES: value }).DESKPULSE_TRUSTED_PROXIES;

  test("is empty when unset or blank", () => {
    expect(proxies()).toEqual([]);
    expect(proxies(" ")).toEqual([]);
  });

  test("reads comma-separated addresses and CIDR ranges, IPv4 and IPv6", () => {
    const ranges = proxies(" 127.0.0.1, 10.0.0.0/8 ,::1, fd00::/8, ::ffff:192.0.2.1");
    expect(ranges.map(([address, prefix]) => `${address.toString()}/${prefix}`)).toEqual([
      "127.0.0.1/32",
      "10.0.0.0/8",
      "::1/128",
      "fd00::/8",
      "192.0.2.1/32",
    ]);
  });

  test.each(["localhost", "10.0.0.0/33", "::1/129", "127.1", "10.0.0.0/", "10.0.0.0/8/8", "0x7f.0.0.1"])("refuses %s, naming it", (entry) => {
    expect(() => proxies(`127.0.0.1, ${entry}`)).toThrow(`DESKPULSE_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
  });
});

describe("DESKPULSE_PUBLIC_URL", () => {
  test("must be an http or https URL", () => {
    expect(parseEnv({ DESKPULSE_PUBLIC_URL: "https://dash.example.com" }).DESKPULSE_PUBLIC_URL).toBe("https://dash.example.com");
    expect(() => parseEnv({ DESKPULSE_PUBLIC_URL: "ftp://dash.example.com" })).toThrow(/DESKPULSE_PUBLIC_URL/);
  });
});
