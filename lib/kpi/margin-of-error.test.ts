import { expect, test } from "vitest";

import { npsMarginOfError, wilsonMarginOfError } from "./margin-of-error";

test("Wilson margin: known values, and none without responses", () => {
  // 45 of 50: Wilson 95 % interval [78.6 %, 95.7 %] -> half-width 8.5 points.
  expect(wilsonMarginOfError(45, 50)).toBeCloseTo(8.54, 1);
  // 0 of 10 still has a margin (the normal approximation would claim 0).
  expect(wilsonMarginOfError(0, 10)).toBeGreaterThan(10);
  expect(wilsonMarginOfError(0, 0)).toBeNull();
});

test("NPS margin from the worked example: 40 promoters, 30 passives, 30 detractors", () => {
  // Scores +1 x40, 0 x30, -1 x30: mean 0.1, variance 0.7 - 0.01 = 0.69, SE = sqrt(0.69/100).
  expect(npsMarginOfError(40, 30, 100)).toBeCloseTo(1.959964 * Math.sqrt(0.69 / 100) * 100, 6);
  expect(npsMarginOfError(0, 0, 0)).toBeNull();
});
