import { expect, test } from "vitest";

import { RECORD_KINDS, RECORD_SCHEMAS } from "./record-schemas";

test("the list of record kinds names every schema", () => {
  expect([...RECORD_KINDS].sort()).toEqual(Object.keys(RECORD_SCHEMAS).sort());
});
