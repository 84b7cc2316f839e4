/** Attempts one client address may make in a window, and failed ones against one account. */
export const SIGN_IN_ATTEMPTS_PER_WINDOW = 10;
export const SIGN_IN_WINDOW_SECONDS = 60;
/** The first lock-out; each further one in a row doubles it, up to the cap. */
export const FIRST_LOCKOUT_SECONDS = 60;
export const MAX_LOCKOUT_SECONDS = 3600;
/** A key without attempts for this long starts over at the first lock-out. */
const FORGET_AFTER_SECONDS = 3600;
const SWEEP_EVERY_SECONDS = 60;

interface Counter {
  windowStart: number;
  attempts: number;
  lockedUntil: number;
  lockouts: number;
  lastAttempt: number;
}

export type SignInVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface SignInLimiter {
  /**
   * Counts an attempt against the client's address and the account, before the password is
   * checked (so concurrent guesses cannot all slip in before the first failure is known), or
   * refuses it while either is locked out.
   */
  attempt(address: string | null, email: string | null): SignInVerdict;
  /** The account's owner got in: its failures are forgotten (the address's count stays). */
  succeeded(email: string): void;
}

/**
 * The sign-in limit, in memory per server process (docs/access.md). Two counters guard each
 * attempt: the client's address (every attempt counts) and the account (failed attempts count),
 * so neither many accounts from one address nor one account from many addresses gets more than
 * SIGN_IN_ATTEMPTS_PER_WINDOW tries before a lock-out, and lock-outs in a row grow 1, 2, 4 … 60
 * minutes.
 */
export function createSignInLimiter(now: () => number = Date.now): SignInLimiter {
  const counters = new Map<string, Counter>();
  let lastSweep = now();

  function sweep(at: number) {
    if (at - lastSweep < SWEEP_EVERY_SECONDS * 1000) return;
    lastSweep = at;
    for (const [key, counter] of counters) {
      if (counter.lockedUntil <= at && at - counter.lastAttempt > FORGET_AFTER_SECONDS * 1000) counters.delete(key);
    }
  }

  function current(key: string, at: number): Counter {
    let counter = counters.get(key);
    if (!counter || (counter.lockedUntil <= at && at - counter.lastAttempt > FORGET_AFTER_SECONDS * 1000)) {
      counter = { windowStart: at, attempts: 0, lockedUntil: 0, lockouts: 0, lastAttempt: at };
      counters.set(key, counter);
    }
    return counter;
  }

  function count(counter: Counter, at: number) {
    if (at - counter.windowStart >= SIGN_IN_WINDOW_SECONDS * 1000) {
      counter.windowStart = at;
      counter.attempts = 0;
    }
    counter.attempts++;
    counter.lastAttempt = at;
    if (counter.attempts < SIGN_IN_ATTEMPTS_PER_WINDOW) return;
    const seconds = Math.min(FIRST_LOCKOUT_SECONDS * 2 ** counter.lockouts, MAX_LOCKOUT_SECONDS);
    counter.lockouts++;
    counter.lockedUntil = at + seconds * 1000;
    counter.windowStart = counter.lockedUntil;
    counter.attempts = 0;
  }

  return {
    attempt(address, email) {
      const at = now();
      sweep(at);
      // An unknown address (no server entry in front, docs/operating.md) is one shared client.
      const keys = [`address:${address ?? "unknown"}`, ...(email ? [`account:${email}`] : [])];
      const lockedUntil = Math.max(...keys.map((key) => current(key, at).lockedUntil));
      if (lockedUntil > at) return { allowed: false, retryAfterSeconds: Math.ceil((lockedUntil - at) / 1000) };
      for (const key of keys) count(current(key, at), at);
      return { allowed: true };
    },
    succeeded(email) {
      counters.delete(`account:${email}`);
    },
  };
}
