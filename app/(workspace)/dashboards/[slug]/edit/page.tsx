import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { DashboardSettingsForm } from "@/components/dashboard-editor/dashboard-settings-form";
import { LayoutEditor } from "@/components/dashboard-editor/layout-editor";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { SettingsSection } from "@/components/settings/settings-page";
import { requirePage } from "@/lib/auth/guards";
import { dashboardEditorPage } from "@/lib/views/dashboard-editor-page";

import { deleteDashboardAction, deleteWidgetAction, saveLayoutAction, saveWidgetAction, updateDashboardAction } from "../../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit dashboard" };

export default async function EditDashboardPage({ params }: { params: Promise<{ slug: string }> }) {
  const view = await dashboardEditorPage(await requirePage("dashboards:manage"), (await params).slug);
  if (!view) notFound();
  const { dashboard, competitions, kpis, snapshot } = view;
  return (
    <main className="mx-auto max-w-[1600px] space-y-6 px-6 py-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href={`/dashboards/${dashboard.slug}`} className="text-sm font-medium text-indigo-700 dark:text-indigo-300 hover:underline">
            ← Back to the dashboard
          </Link>
          <h1 className="mt-2 text-3xl font-semibold tracking-tight">Edit “{dashboard.name}”</h1>
        </div>
        <ConfirmButton label="Delete dashboard" question={`Delete “${dashboard.name}” and its widgets? Screens showing it skip it.`} action={deleteDashboardAction.bind(null, dashboard.id)} />
      </div>
      <SettingsSection title="Settings">
        <DashboardSettingsForm action={updateDashboardAction.bind(null, dashboard.id)} dashboard={dashboard} />
      </SettingsSection>
      <LayoutEditor
        slug={dashboard.slug}
        pollSeconds={dashboard.pollSeconds}
        initial={snapshot}
        widgets={dashboard.widgets}
        saveLayout={saveLayoutAction.bind(null, dashboard.id)}
        saveWidget={saveWidgetAction.bind(null, dashboard.id)}
        deleteWidget={deleteWidgetAction.bind(null, dashboard.id)}
        competitions={competitions}
        kpis={kpis}
      />
    </main>
  );
}
