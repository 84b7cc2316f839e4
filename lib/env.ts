import path from "node:path";

import { z } from "zod";

import { parseAddressRange, type AddressRange } from "@/lib/auth/ip-address";

// "10.0.0.0/8, 127.0.0.1, ::1" → ranges; an entry that is neither an address nor a CIDR range is an
// error naming it, so a typo cannot silently leave a proxy untrusted (or trust the wrong one).
const ZAddressRanges = z.string().transform((value, context): AddressRange[] => {
  const ranges: AddressRange[] = [];
  for (const entry of value.split(",").map((part) => part.trim()).filter(Boolean)) {
    const range = parseAddressRange(entry);
    if (!range) {
      context.addIssue({ code: "custom", message: `"${entry}" is not an IP address or CIDR range` });
      return z.NEVER;
    }
    ranges.push(range);
  }
  return ranges;
});

// The one place that reads process.env (an ESLint rule enforces it). Parsed lazily so that
// importing a module never fails at build time for a variable only the running server needs.
const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DESKPULSE_DATA_DIR: z.string().trim().min(1).default("./.data"),
  DESKPULSE_ADMIN_EMAIL: z.email().optional(),
  DESKPULSE_ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  // Signs session cookies; without it one is generated and kept in the database.
  DESKPULSE_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // The address users open. When set it is the only origin sign-in accepts, and its scheme says
  // whether the session cookie is Secure; unset, each request's own origin is used.
  DESKPULSE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Reverse proxies whose X-Forwarded-For / X-Real-IP / X-Forwarded-Proto / X-Forwarded-Host are
  // believed; from any other peer those headers are ignored (lib/auth/resolve-client.ts).
  DESKPULSE_TRUSTED_PROXIES: ZAddressRanges.default([]),
  // Set by `npm run demo`: the server streams live demo events at this multiple of the history's
  // pace (1 = the history's own); 0 or unset, it streams nothing (plain `npm start`).
  DESKPULSE_DEMO_LIVE: z.coerce.number().min(0).max(1_000_000).default(0),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NEXT_PHASE: z.string().optional(),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

/** Validates an environment (process.env, or a test's own) into typed configuration. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function dataDir(): string {
  return path.resolve(getEnv().DESKPULSE_DATA_DIR);
}

/** True while `next build` evaluates modules: the database must not be opened then. */
export function isBuildPhase(): boolean {
  return getEnv().NEXT_PHASE === "phase-production-build";
}
