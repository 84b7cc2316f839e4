"use client";

import { useSyncExternalStore } from "react";

const TICK_MS = 1000;

let current = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearInterval(timer);
  };
}

/**
 * The current time, re-read every second, for "updated 12 s ago" and staleness. The server and
 * the hydrating browser both render at `renderedAt` (when the numbers were computed): reading the
 * clock during hydration would print a different "s ago" than the server did (React error #418).
 */
export function useNow(renderedAt: number): number {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => renderedAt,
  );
}
