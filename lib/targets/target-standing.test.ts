import { describe, expect, test } from "vitest";

import { formatDurationShort } from "@/lib/kpi/format-kpi-value";

import { targetGap, targetStanding, targetStatus, tooFewLabel } from "./target-standing";

describe("targetStatus", () => {
  test("higher is better: met at the goal, close down to the warning, off beyond it, critical at critical", () => {
    const sl = { value: 80, warning: 75, critical: 60 };
    expect(targetStatus("service_level", 82, sl)).toBe("met");
    expect(targetStatus("service_level", 80, sl)).toBe("met");
    expect(targetStatus("service_level", 79.9, sl)).toBe("close");
    expect(targetStatus("service_level", 75, sl)).toBe("close");
    expect(targetStatus("service_level", 74.9, sl)).toBe("off");
    expect(targetStatus("service_level", 60.1, sl)).toBe("off");
    expect(targetStatus("service_level", 60, sl)).toBe("critical");
    expect(targetStatus("service_level", 10, sl)).toBe("critical");
  });

  test("lower is better: the same edges, the other way", () => {
    const frt = { value: 3600, warning: 5400, critical: 7200 };
    expect(targetStatus("first_response_time", 3000, frt)).toBe("met");
    expect(targetStatus("first_response_time", 3600, frt)).toBe("met");
    expect(targetStatus("first_response_time", 3601, frt)).toBe("close");
    expect(targetStatus("first_response_time", 5400, frt)).toBe("close");
    expect(targetStatus("first_response_time", 5401, frt)).toBe("off");
    expect(targetStatus("first_response_time", 7200, frt)).toBe("critical");
    expect(targetStatus("first_response_time", 9000, frt)).toBe("critical");
  });

  test("neutral KPIs count higher as better", () => {
    const volume = { value: 100, warning: 80, critical: 50 };
    expect(targetStatus("ticket_volume", 100, volume)).toBe("met");
    expect(targetStatus("ticket_volume", 90, volume)).toBe("close");
    expect(targetStatus("ticket_volume", 79, volume)).toBe("off");
    expect(targetStatus("ticket_volume", 50, volume)).toBe("critical");
  });

  test("the issue's two cases: a missed goal that beats the warning is close, not on target", () => {
    expect(targetStatus("csat", 81.6, { value: 85, warning: 80, critical: 70 })).toBe("close");
    expect(targetStatus("first_response_time", 6120, { value: 3600, warning: 7200, critical: 10_800 })).toBe("close");
  });
});

describe("targetGap", () => {
  test("rates in points to the goal, both ways", () => {
    expect(targetGap("csat", 81.6, 85)).toBe("−3.4 pts to 85.0%");
    expect(targetGap("csat", 86.2, 85)).toBe("+1.2 pts above 85.0%");
    expect(targetGap("abandonment_rate", 7, 5)).toBe("2.0 pts over 5.0%");
    expect(targetGap("abandonment_rate", 4.5, 5)).toBe("0.5 pts under 5.0%");
    expect(targetGap("csat", 85, 85)).toBe("at 85.0%");
  });

  test("durations as people say them", () => {
    expect(targetGap("first_response_time", 6120, 3600)).toBe("42m over 1h");
    expect(targetGap("first_response_time", 2520, 3600)).toBe("18m under 1h");
    expect(targetGap("aht", 330, 300)).toBe("30s over 5m");
  });

  test("counts, ratios and scores in their own format", () => {
    expect(targetGap("tickets_solved", 180, 200)).toBe("−20 to 200");
    expect(targetGap("tickets_solved", 1250, 1000)).toBe("+250 above 1,000");
    expect(targetGap("backlog", 60, 50)).toBe("10 over 50");
    expect(targetGap("touches_per_ticket", 1.6, 2)).toBe("0.40 under 2.00");
    expect(targetGap("nps", 30, 40)).toBe("−10.0 to 40.0");
  });
});

describe("targetStanding", () => {
  const csat = { value: 85, warning: 80, critical: 70 };

  test("a status with its gap over enough records", () => {
    expect(targetStanding("csat", { value: 81.6, n: 40 }, csat, 10)).toEqual({ status: "close", gap: "−3.4 pts to 85.0%" });
    expect(targetStanding("csat", { value: 81.6, n: 10 }, csat, 10)).toEqual({ status: "close", gap: "−3.4 pts to 85.0%" });
  });

  test("no status below the minimum sample, only how many records there are", () => {
    expect(targetStanding("csat", { value: 100, n: 1 }, csat, 10)).toEqual({ tooFew: 1 });
    expect(targetStanding("csat", { value: 100, n: 9 }, csat, 10)).toEqual({ tooFew: 9 });
    expect(tooFewLabel("csat", 1)).toBe("Too few responses (1)");
    expect(tooFewLabel("abandonment_rate", 3)).toBe("Too few calls (3)");
    expect(tooFewLabel("reopen_rate", 2)).toBe("Too few tickets (2)");
  });

  test("counts and durations need no minimum sample", () => {
    expect(targetStanding("first_response_time", { value: 4000, n: 1 }, { value: 3600, warning: 5400, critical: 7200 }, 10)).toEqual({
      status: "close",
      gap: "6m 40s over 1h",
    });
  });

  test("nothing to say without a value or a target", () => {
    expect(targetStanding("csat", { value: null, n: 0 }, csat, 10)).toBeNull();
    expect(targetStanding("csat", { value: 90, n: 50 }, null, 10)).toBeNull();
  });
});

test("short durations keep the two largest parts and drop zeros", () => {
  expect(formatDurationShort(5400)).toBe("1h 30m");
  expect(formatDurationShort(3600)).toBe("1h");
  expect(formatDurationShort(45)).toBe("45s");
  expect(formatDurationShort(90)).toBe("1m 30s");
  expect(formatDurationShort(0)).toBe("0s");
  expect(formatDurationShort(90_000)).toBe("1d 1h");
});
