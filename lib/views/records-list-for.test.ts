import { expect, test } from "vitest";

import { recordsListFor } from "./records-list-for";

test("ticket KPIs open the tickets list, call KPIs the calls list, others none", () => {
  expect(recordsListFor("tickets_solved")).toBe("tickets");
  expect(recordsListFor("first_response_time")).toBe("tickets");
  expect(recordsListFor("service_level")).toBe("calls");
  expect(recordsListFor("csat")).toBeNull();
});
