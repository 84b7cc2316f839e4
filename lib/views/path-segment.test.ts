import { expect, test } from "vitest";

import { pathSegment } from "./path-segment";

test("a percent-encoded id is decoded", () => {
  expect(pathSegment("alpha")).toBe("alpha");
  expect(pathSegment("team%20one")).toBe("team one");
  expect(pathSegment("T%2F1")).toBe("T/1");
});

test("NUL, other control characters, broken encodings and nothing at all name no record", () => {
  expect(pathSegment("%00")).toBeNull();
  expect(pathSegment("a%00b")).toBeNull();
  expect(pathSegment("%0A")).toBeNull();
  expect(pathSegment("%7F")).toBeNull();
  expect(pathSegment("%E0%A4%A")).toBeNull();
  expect(pathSegment("")).toBeNull();
});
