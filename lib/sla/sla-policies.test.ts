import { expect, it } from "vitest";

import { ZSlaPolicy } from "./sla-policies";

const policy = (firstResponseSeconds: unknown, resolutionSeconds: unknown = null) =>
  ZSlaPolicy.safeParse({ priority: "urgent", firstResponseSeconds, firstResponseHours: "business", resolutionSeconds, resolutionHours: "calendar" });

it("reads targets typed as durations, or bare seconds, and stores whole seconds", () => {
  expect(policy("45m", "1d 4h").data).toMatchObject({ firstResponseSeconds: 2700, resolutionSeconds: 100_800 });
  expect(policy("1:30:00").data).toMatchObject({ firstResponseSeconds: 5400, resolutionSeconds: null });
  expect(policy("3600").data).toMatchObject({ firstResponseSeconds: 3600 });
});

it("refuses text that is not a duration and targets outside a minute to 90 days", () => {
  expect(policy("soon").error!.issues[0]!.message).toBe("write a duration such as 1h 30m or 90m");
  expect(policy("30").error!.issues[0]!.message).toBe("must be at least a minute");
  expect(policy("91d").error!.issues[0]!.message).toBe("must be at most 90 days");
});
