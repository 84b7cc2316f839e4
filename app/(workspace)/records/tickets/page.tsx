import type { Metadata } from "next";

import { RefusedPage } from "@/components/drill/refused-page";
import { RecordsPage } from "@/components/records/records-page";
import { requirePage } from "@/lib/auth/guards";
import type { SearchParams } from "@/lib/views/drill-context";
import { recordsPageView } from "@/lib/views/records-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tickets" };

export default async function TicketsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const result = await recordsPageView(await requirePage(), "tickets", await searchParams);
  return result.ok ? <RecordsPage view={result.view} /> : <RefusedPage refusal={result} />;
}
