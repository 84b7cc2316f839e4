"use client";

import { createContext, useContext, useSyncExternalStore } from "react";

/** True inside a wall screen: widgets draw for reading across a room. */
export const WallContext = createContext(false);

export interface ChartText {
  wall: boolean;
  /** Chart text in px: it scales with the screen on a wall (0.85 of the root size, itself 1.05 % of the width). */
  fontPx: number;
  /** At most this many value ticks: fewer on a wall, where each must be read from afar. */
  maxTicks: number;
}

const DESKTOP_FONT_PX = 12;

function subscribe(onChange: () => void): () => void {
  window.addEventListener("resize", onChange);
  return () => window.removeEventListener("resize", onChange);
}

const rootFontPx = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

/** How a chart sizes its text here: desktop-sized, or in step with a wall screen's numbers. */
export function useChartText(): ChartText {
  const wall = useContext(WallContext);
  const root = useSyncExternalStore(subscribe, rootFontPx, () => 16);
  return wall ? { wall, fontPx: Math.round(root * 0.85 * 10) / 10, maxTicks: 4 } : { wall, fontPx: DESKTOP_FONT_PX, maxTicks: 6 };
}
