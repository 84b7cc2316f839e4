import { expect, test } from "vitest";

import { KPI_CATALOG } from "@/lib/kpi/catalog";

import { ticketBasisFor } from "./list-records";

test("the tickets list filters on the timestamp the KPI counts on, from the catalog; a KPI that counts other records has none", () => {
  expect(Object.fromEntries(KPI_CATALOG.map((kpi) => [kpi.key, ticketBasisFor(kpi.key)]))).toEqual({
    ticket_volume: "created", tickets_solved: "resolved", first_response_time: "first_response", avg_resolution_time: "resolved",
    fcr_rate: "created", touches_per_ticket: "resolved", reopen_rate: "resolved", backlog: "open",
    avg_reply_time: null, sla_first_response: null, sla_resolution: null,
    calls_handled: null, aht: null, asa: null, abandonment_rate: null, service_level: null,
    csat: null, nps: null, ces: null, enps: null, kb_views_per_visitor: null,
    agents_available: null, calls_waiting: null, longest_wait: null,
  });
});
