import { createHash } from "node:crypto";

import type { BetterAuthOptions } from "better-auth";
import type { DBAdapter, Where } from "better-auth/adapters";

type AdapterFactory = (options: BetterAuthOptions) => DBAdapter;
type AdapterArgs = { model?: unknown; where?: Where[]; data?: Record<string, unknown>; update?: Record<string, unknown>; set?: Record<string, unknown> };

/**
 * What the `sessions.token_hash` column holds for a session token. A fast hash is enough: the
 * token is 32 random characters (about 190 bits), so the stored value cannot be reversed, and
 * a database read yields nothing to put in a cookie.
 */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function restoreTokens(result: unknown, raw: Map<string, string>): unknown {
  if (Array.isArray(result)) return result.map((row) => restoreTokens(row, raw));
  if (result && typeof result === "object" && "token" in result && typeof result.token === "string" && raw.has(result.token)) {
    return { ...result, token: raw.get(result.token) };
  }
  return result;
}

function hashingTokens(adapter: Omit<DBAdapter, "transaction">): Omit<DBAdapter, "transaction"> {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property === "transaction" && typeof value === "function") {
        return (callback: (trx: DBAdapter) => Promise<unknown>) =>
          (value as DBAdapter["transaction"]).call(target, (trx) => callback(hashingTokens(trx) as DBAdapter));
      }
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        const call = args[0] as AdapterArgs | undefined;
        if (call?.model !== "session") return value.apply(target, args);
        // Remember each raw token this call names, so that rows coming back carry the token the
        // caller knows (better-auth puts `session.token` in the cookie) and never the hash.
        const raw = new Map<string, string>();
        const hash = (token: unknown) => {
          if (typeof token !== "string") return token;
          const hashed = hashSessionToken(token);
          raw.set(hashed, token);
          return hashed;
        };
        const rewritten: AdapterArgs = { ...call };
        if (call.where) {
          rewritten.where = call.where.map((clause) =>
            clause.field === "token" ? ({ ...clause, value: Array.isArray(clause.value) ? clause.value.map(hash) : hash(clause.value) } as Where) : clause,
          );
        }
        for (const key of ["data", "update", "set"] as const) {
          const fields = call[key];
          if (fields && "token" in fields) rewritten[key] = { ...fields, token: hash(fields.token) };
        }
        return restoreTokens(await value.apply(target, [rewritten, ...args.slice(1)]), raw);
      };
    },
  });
}

/**
 * Wraps a better-auth database adapter so that the session table stores SHA-256 of each session
 * token and is searched by it. better-auth 1.7 has no such option for sessions (it has one for
 * verification values), and its database hooks cannot change how a session is looked up.
 *
 * Rows read without naming their token (a user's session list) come back with the hash in place
 * of the token; Deskpulse exposes no endpoint that lists or revokes sessions by those values.
 */
export function withHashedSessionTokens(factory: AdapterFactory): AdapterFactory {
  return (options) => hashingTokens(factory(options)) as DBAdapter;
}
