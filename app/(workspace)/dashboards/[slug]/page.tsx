import { DashboardPage } from "@/components/dashboard/dashboard-page";
import { RefusedPage } from "@/components/drill/refused-page";
import { requirePage } from "@/lib/auth/guards";
import { dashboardPageView } from "@/lib/views/dashboard-page";
import type { SearchParams } from "@/lib/views/drill-context";

export const dynamic = "force-dynamic";

export default async function DashboardRoute({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const result = await dashboardPageView(await requirePage(), (await params).slug, await searchParams);
  return result.ok ? <DashboardPage view={result.view} /> : <RefusedPage refusal={result} />;
}
