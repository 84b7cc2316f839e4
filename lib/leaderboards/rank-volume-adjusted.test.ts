import { expect, test } from "vitest";

import { rankVolumeAdjusted } from "./rank-volume-adjusted";

const g = (key: string, value: number | null, n = 50) => ({ key, label: key.toUpperCase(), value, n });

test("adjusted for handled volume, a rate from many responses outranks a slightly higher one from few", () => {
  const csat = [
    { key: "few", label: "Few", value: 100, n: 12, marginOfError: 12.1 },
    { key: "many", label: "Many", value: 97, n: 300, marginOfError: 1.9 },
    { key: "mid", label: "Mid", value: 90, n: 80, marginOfError: 6.4 },
  ];
  const rows = rankVolumeAdjusted("csat", csat, [], 10);
  expect(rows.map((r) => [r.key, r.rank, r.value, r.marginOfError])).toEqual([["many", 1, 97, 1.9], ["few", 2, 100, 12.1], ["mid", 3, 90, 6.4]]);
  // Lower is better for durations: the cautious end is the upper one.
  const frt = rankVolumeAdjusted("first_response_time", [g("a", 100), g("b", 200)], [], 10);
  expect(frt.map((r) => r.key)).toEqual(["a", "b"]);
});
