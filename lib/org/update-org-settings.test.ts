import { expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";

import { getOrgSettings } from "./get-org-settings";
import { isTimeZone, updateOrgSettings, ZOrgSettingsUpdate } from "./update-org-settings";

test("time zones are checked against the runtime's IANA database", () => {
  expect(isTimeZone("Europe/Copenhagen")).toBe(true);
  expect(isTimeZone("Asia/Kolkata")).toBe(true);
  expect(isTimeZone("UTC")).toBe(true);
  expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  expect(isTimeZone("'; DROP TABLE teams; --")).toBe(false);
  expect(ZOrgSettingsUpdate.safeParse({}).success).toBe(false);
  expect(ZOrgSettingsUpdate.safeParse({ serviceLevelSeconds: "0" }).success).toBe(false);
});

test("the service-level threshold is a duration of a second to an hour, a bare number meaning seconds", () => {
  expect(ZOrgSettingsUpdate.parse({ serviceLevelSeconds: "30" }).serviceLevelSeconds).toBe(30);
  expect(ZOrgSettingsUpdate.parse({ serviceLevelSeconds: "1m 30s" }).serviceLevelSeconds).toBe(90);
  expect(ZOrgSettingsUpdate.safeParse({ serviceLevelSeconds: "2h" }).error!.issues[0]!.message).toBe("must be at most an hour");
  expect(ZOrgSettingsUpdate.safeParse({ serviceLevelSeconds: "fast" }).error!.issues[0]!.message).toBe("write a duration such as 1h 30m or 90m");
});

describeEachDatabase("organisation settings", ({ db }) => {
  test("defaults until changed, then the new time zone and service-level threshold", async () => {
    expect(await getOrgSettings(db().prisma)).toMatchObject({ timeZone: "UTC", serviceLevelSeconds: 20 });
    await updateOrgSettings(db().prisma, ZOrgSettingsUpdate.parse({ timeZone: "America/New_York" }));
    await updateOrgSettings(db().prisma, ZOrgSettingsUpdate.parse({ serviceLevelSeconds: "30" }));
    expect(await getOrgSettings(db().prisma)).toMatchObject({ timeZone: "America/New_York", serviceLevelSeconds: 30 });
  });
});
