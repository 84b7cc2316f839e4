import { DashboardPage } from "@/components/dashboard/dashboard-page";

export const dynamic = "force-dynamic";

/** The default dashboard ("Service overview" on first run). */
export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <DashboardPage searchParams={await searchParams} />;
}
