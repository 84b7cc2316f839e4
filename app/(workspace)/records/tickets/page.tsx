import type { Metadata } from "next";

import type { SearchParams } from "@/components/drill/drill-context";
import { RecordsPage } from "@/components/records/records-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tickets" };

export default async function TicketsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <RecordsPage kind="tickets" searchParams={await searchParams} />;
}
