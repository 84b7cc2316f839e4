import { expect, test } from "vitest";

import { createSignInLimiter, FIRST_LOCKOUT_SECONDS, MAX_LOCKOUT_SECONDS, SIGN_IN_ATTEMPTS_PER_WINDOW, SIGN_IN_WINDOW_SECONDS } from "./sign-in-limiter";

function frozenClock() {
  let now = Date.UTC(2026, 0, 5, 9, 0, 0);
  return { now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

function exhaust(limiter: ReturnType<typeof createSignInLimiter>, address: (i: number) => string | null, email: (i: number) => string | null) {
  for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_WINDOW; i++) expect(limiter.attempt(address(i), email(i))).toEqual({ allowed: true });
}

test("an address gets its attempts, then is locked out for the first lock-out, then may try again", () => {
  const clock = frozenClock();
  const limiter = createSignInLimiter(clock.now);
  exhaust(limiter, () => "192.0.2.1", (i) => `user${i}@example.com`);
  expect(limiter.attempt("192.0.2.1", "fresh@example.com")).toEqual({ allowed: false, retryAfterSeconds: FIRST_LOCKOUT_SECONDS });
  expect(limiter.attempt("192.0.2.2", "fresh@example.com")).toEqual({ allowed: true });
  clock.advance(FIRST_LOCKOUT_SECONDS - 1);
  expect(limiter.attempt("192.0.2.1", null)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  clock.advance(1);
  expect(limiter.attempt("192.0.2.1", null)).toEqual({ allowed: true });
});

test("an account is locked out after the same number of failures from as many addresses", () => {
  const limiter = createSignInLimiter(frozenClock().now);
  exhaust(limiter, (i) => `192.0.2.${i}`, () => "lead@example.com");
  expect(limiter.attempt("198.51.100.1", "lead@example.com")).toMatchObject({ allowed: false });
  expect(limiter.attempt("198.51.100.1", "other@example.com")).toEqual({ allowed: true });
});

test("the owner signing in forgets the account's failures, not the address's", () => {
  const limiter = createSignInLimiter(frozenClock().now);
  for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_WINDOW - 1; i++) limiter.attempt(`192.0.2.${i}`, "lead@example.com");
  limiter.succeeded("lead@example.com");
  exhaust(limiter, (i) => `198.51.100.${i}`, () => "lead@example.com");
  for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_WINDOW - 1; i++) limiter.attempt("203.0.113.1", `u${i}@example.com`);
  limiter.succeeded("u0@example.com");
  expect(limiter.attempt("203.0.113.1", "someone@example.com")).toEqual({ allowed: true });
  expect(limiter.attempt("203.0.113.1", "someone@example.com")).toMatchObject({ allowed: false });
});

test("attempts spread wider than the window never lock out", () => {
  const clock = frozenClock();
  const limiter = createSignInLimiter(clock.now);
  for (let i = 0; i < 5 * SIGN_IN_ATTEMPTS_PER_WINDOW; i++) {
    expect(limiter.attempt("192.0.2.1", "lead@example.com")).toEqual({ allowed: true });
    clock.advance((SIGN_IN_WINDOW_SECONDS / (SIGN_IN_ATTEMPTS_PER_WINDOW - 1)) * 1.01);
  }
});

test("lock-outs in a row double up to the cap, and are forgotten after a quiet hour", () => {
  const clock = frozenClock();
  const limiter = createSignInLimiter(clock.now);
  const lockouts: number[] = [];
  for (let round = 0; round < 8; round++) {
    exhaust(limiter, () => "192.0.2.1", () => "lead@example.com");
    const verdict = limiter.attempt("192.0.2.1", "lead@example.com");
    if (verdict.allowed) throw new Error("expected a lock-out");
    lockouts.push(verdict.retryAfterSeconds);
    clock.advance(verdict.retryAfterSeconds);
  }
  expect(lockouts).toEqual([60, 120, 240, 480, 960, 1920, MAX_LOCKOUT_SECONDS, MAX_LOCKOUT_SECONDS]);
  clock.advance(3601);
  exhaust(limiter, () => "192.0.2.1", () => "lead@example.com");
  expect(limiter.attempt("192.0.2.1", "lead@example.com")).toEqual({ allowed: false, retryAfterSeconds: FIRST_LOCKOUT_SECONDS });
});

test("without a known address every client shares one count, and the account count still applies", () => {
  const limiter = createSignInLimiter(frozenClock().now);
  exhaust(limiter, () => null, (i) => `user${i}@example.com`);
  expect(limiter.attempt(null, "fresh@example.com")).toMatchObject({ allowed: false });
});
