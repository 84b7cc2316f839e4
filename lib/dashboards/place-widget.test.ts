import { describe, expect, it } from "vitest";

import { defaultWidgetSize, firstFreeSpace } from "./place-widget";

describe("firstFreeSpace", () => {
  it("starts an empty dashboard at the top left", () => {
    expect(firstFreeSpace([], { w: 3, h: 2 })).toEqual({ x: 0, y: 0 });
  });

  it("fills the gap at the end of a half-empty row before starting a new one", () => {
    const row = [
      { x: 0, y: 0, w: 3, h: 2 },
      { x: 3, y: 0, w: 3, h: 2 },
    ];
    expect(firstFreeSpace(row, { w: 3, h: 2 })).toEqual({ x: 6, y: 0 });
  });

  it("fills a hole between widgets when the new one fits", () => {
    const around = [
      { x: 0, y: 0, w: 3, h: 2 },
      { x: 6, y: 0, w: 6, h: 2 },
    ];
    expect(firstFreeSpace(around, { w: 3, h: 2 })).toEqual({ x: 3, y: 0 });
  });

  it("goes below a widget that is taller than its neighbours when the space beside them is too narrow", () => {
    const existing = [
      { x: 0, y: 0, w: 6, h: 4 },
      { x: 6, y: 0, w: 3, h: 2 },
      { x: 9, y: 0, w: 3, h: 2 },
    ];
    expect(firstFreeSpace(existing, { w: 6, h: 4 })).toEqual({ x: 6, y: 2 });
  });

  it("starts a new row below everything when no space is wide enough", () => {
    const full = [{ x: 0, y: 0, w: 12, h: 3 }];
    expect(firstFreeSpace(full, { w: 4, h: 4 })).toEqual({ x: 0, y: 3 });
  });

  it("never places a widget wider than the grid past its edge", () => {
    expect(firstFreeSpace([], { w: 20, h: 2 }, 12)).toEqual({ x: 0, y: 0 });
  });
});

describe("defaultWidgetSize", () => {
  it("gives numbers a quarter row and charts half a row", () => {
    expect(defaultWidgetSize("kpi_number")).toEqual({ w: 3, h: 2 });
    expect(defaultWidgetSize("time_series")).toEqual({ w: 6, h: 4 });
    expect(defaultWidgetSize("leaderboard").h).toBeGreaterThanOrEqual(4);
  });
});
