import { expect, test } from "vitest";

import { hasDecodablePath } from "./has-decodable-path";

test("broken percent-encoding in the path is refused; the query string and ordinary escapes are not its business", () => {
  expect(hasDecodablePath("/tickets/%E0%A4%A")).toBe(false);
  expect(hasDecodablePath("/teams/%")).toBe(false);
  expect(hasDecodablePath("/teams/Returns%20%26%20Refunds")).toBe(true);
  expect(hasDecodablePath("/records/tickets?team=%E0%A4%A")).toBe(true);
  expect(hasDecodablePath(undefined)).toBe(true);
});
