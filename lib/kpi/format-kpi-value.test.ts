import { describe, expect, test } from "vitest";

import { formatDuration, formatKpiValue } from "./format-kpi-value";

describe("KPI value formatting", () => {
  test("durations read as minutes and seconds, hours and minutes, days and hours", () => {
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(42.4)).toBe("42s");
    expect(formatDuration(252)).toBe("4m 12s");
    expect(formatDuration(3 * 3600 + 5 * 60 + 9)).toBe("3h 05m");
    expect(formatDuration(2 * 86_400 + 4 * 3600)).toBe("2d 04h");
  });

  test("each unit has its format, and no data is a dash", () => {
    expect(formatKpiValue(12345, "count")).toBe("12,345");
    expect(formatKpiValue(87.456, "percent")).toBe("87.5%");
    expect(formatKpiValue(1.5, "ratio")).toBe("1.50");
    expect(formatKpiValue(4.216, "score")).toBe("4.22");
    expect(formatKpiValue(-12.5, "score")).toBe("-12.5");
    expect(formatKpiValue(null, "seconds")).toBe("—");
    expect(formatKpiValue(Number.NaN, "count")).toBe("—");
  });
});
