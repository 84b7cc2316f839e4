"use client";

import { useEffect, useState } from "react";

/** Keeps the screen awake where the browser allows it, and asks again after the tab comes back. */
export function useWakeLock() {
  useEffect(() => {
    let lock: { release(): Promise<void> } | null = null;
    const request = () => {
      const wakeLock = (navigator as Navigator & { wakeLock?: { request(type: "screen"): Promise<{ release(): Promise<void> }> } }).wakeLock;
      wakeLock?.request("screen").then((l) => (lock = l), () => undefined);
    };
    const onVisible = () => document.visibilityState === "visible" && request();
    request();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      void lock?.release().catch(() => undefined);
    };
  }, []);
}

/** True after the pointer has rested for `ms`: the cursor is hidden then. */
export function useIdle(ms = 3000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let timer = setTimeout(() => setIdle(true), ms);
    const wake = () => {
      setIdle(false);
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), ms);
    };
    window.addEventListener("pointermove", wake);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pointermove", wake);
    };
  }, [ms]);
  return idle;
}

/** Milliseconds until the next local `hour`:30, when a wall screen reloads itself to bound memory. */
export function msUntilQuietHour(now: Date, hour = 3): number {
  const next = new Date(now);
  next.setHours(hour, 30, 0, 0);
  if (next <= now) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}

/** Reloads the page once a day at a quiet hour: weeks of uptime without growing memory. */
export function useDailyReload() {
  useEffect(() => {
    const timer = setTimeout(() => window.location.reload(), msUntilQuietHour(new Date()));
    return () => clearTimeout(timer);
  }, []);
}
