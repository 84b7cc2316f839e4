import { DrillPage, Panel } from "@/components/drill/page-frame";
import { ExportMenu } from "@/components/ui/export-menu";
import { callRow, ticketRow } from "@/lib/records/record-rows";
import type { RecordsPageView } from "@/lib/views/records-page";
import { withParam } from "@/lib/views/with-param";

import { Pager } from "./pager";
import { RecordsTable } from "./records-table";

const BASIS_WORDS = { created: "created", resolved: "resolved", first_response: "first answered", open: "open at the end of" } as const;

/** The tickets or calls behind a number, with the filters (and agent) it was opened with. */
export function RecordsPage({ view }: { view: RecordsPageView }) {
  const { kpi, agents, sort, dir, listSearch: search, timeZone } = view;
  let table;
  let subtitle;
  if (view.kind === "tickets") {
    const { basis } = view;
    subtitle = `Tickets ${BASIS_WORDS[basis]} ${basis === "open" ? "the period" : "in the period"}${kpi ? (kpi.custom ? ` that ${kpi.name} counts (its formula's condition)` : `, as ${kpi.name} counts them`) : ""}.`;
    table = (
      <RecordsTable
        kind="tickets"
        timeZone={timeZone}
        sort={sort}
        dir={dir}
        search={search}
        rows={view.rows.map(ticketRow)}
      />
    );
  } else {
    subtitle = `Calls that ended in the period${kpi?.custom ? ` that ${kpi.name} counts (its formula's condition)` : ""}.`;
    table = (
      <RecordsTable
        kind="calls"
        timeZone={timeZone}
        sort={sort}
        dir={dir}
        search={search}
        rows={view.rows.map(callRow)}
      />
    );
  }
  const who = agents.length ? ` · agent ${agents.join(", ")}` : "";
  return (
    <DrillPage
      crumbs={[
        { href: `/${view.search}`, label: "Dashboards" },
        ...(kpi ? [{ href: `/kpis/${kpi.key}${view.search}`, label: kpi.name }] : []),
      ]}
      title={view.kind === "tickets" ? "Tickets" : "Calls"}
      subtitle={`${subtitle}${who}`}
    >
      <Panel
        title={`${view.total} ${view.kind}`}
        aside={<ExportMenu href={`/api/v1/records/${view.kind}/export${withParam(withParam(search, "sort", sort), "dir", dir)}`} label={`Export all ${view.total} ${view.kind}`} />}
      >
        <div className="space-y-4">
          {table}
          <Pager page={view.page} pageSize={view.pageSize} total={view.total} search={withParam(withParam(search, "sort", sort), "dir", dir)} />
        </div>
      </Panel>
    </DrillPage>
  );
}
