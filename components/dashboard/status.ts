import type { TargetStatus } from "@/lib/targets/target-standing";

/** Target colours with a symbol and a word, so the status never rests on colour alone. */
export const STATUS_STYLE: Record<TargetStatus, { label: string; symbol: string; badge: string; accent: string }> = {
  met: { label: "Goal met", symbol: "✓", badge: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200", accent: "border-t-emerald-500" },
  close: { label: "Close", symbol: "~", badge: "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-200", accent: "border-t-sky-500" },
  off: { label: "Off target", symbol: "!", badge: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200", accent: "border-t-amber-500" },
  critical: { label: "Critical", symbol: "✕", badge: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-200", accent: "border-t-red-600" },
};

/** Blue for better, orange for worse: the pair stays distinct for red-green colour blindness. */
export const CHANGE_STYLE = {
  better: "text-sky-700 dark:text-sky-300",
  worse: "text-orange-700 dark:text-orange-300",
  same: "text-slate-500 dark:text-slate-400",
} as const;

/** Chart colours from a colour-blind-safe palette (Okabe–Ito). */
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"];
