import { TARGET_STATUS_WORDS, type TargetStatus } from "@/lib/targets/target-standing";

/** Target colours with a symbol and a word, so the status never rests on colour alone. */
export const STATUS_STYLE: Record<TargetStatus, { label: string; symbol: string; badge: string; accent: string }> = {
  met: { ...TARGET_STATUS_WORDS.met, badge: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200", accent: "border-t-emerald-500" },
  close: { ...TARGET_STATUS_WORDS.close, badge: "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-200", accent: "border-t-sky-500" },
  off: { ...TARGET_STATUS_WORDS.off, badge: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200", accent: "border-t-amber-500" },
  critical: { ...TARGET_STATUS_WORDS.critical, badge: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-200", accent: "border-t-red-600" },
};

/** Blue for better, orange for worse: the pair stays distinct for red-green colour blindness. */
export const CHANGE_STYLE = {
  better: "text-sky-700 dark:text-sky-300",
  worse: "text-orange-700 dark:text-orange-300",
  same: "text-slate-500 dark:text-slate-400",
} as const;

export { SERIES_COLOURS } from "@/lib/charts/series-colours";
