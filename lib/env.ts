import path from "node:path";
import { z } from "zod";

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
  // The address users open, when the server sits behind a proxy that rewrites Host.
  DESKPULSE_PUBLIC_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NEXT_PHASE: z.string().optional(),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

export function dataDir(): string {
  return path.resolve(getEnv().DESKPULSE_DATA_DIR);
}

/** True while `next build` evaluates modules: the database must not be opened then. */
export function isBuildPhase(): boolean {
  return getEnv().NEXT_PHASE === "phase-production-build";
}
