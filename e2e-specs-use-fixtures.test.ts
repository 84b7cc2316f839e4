import fs from "node:fs";
import path from "node:path";

import { expect, test } from "vitest";

// Specs take `test` from e2e/fixtures.ts, whose page fails on console errors and unexpected failed
// requests; one importing Playwright's own `test` would silently skip those checks.
test("every end-to-end spec imports test from the fixtures, not from @playwright/test", () => {
  const dir = path.join(import.meta.dirname, "e2e");
  const specs = fs.readdirSync(dir).filter((name) => name.endsWith(".spec.ts"));
  expect(specs.length).toBeGreaterThan(5);
  for (const spec of specs) {
    const source = fs.readFileSync(path.join(dir, spec), "utf8");
    expect(source, spec).not.toMatch(/from "@playwright\/test"/);
    expect(source, spec).toMatch(/import \{[^}]*\btest\b[^}]*\} from "\.\/fixtures";/);
  }
});
