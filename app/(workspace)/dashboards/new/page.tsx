import type { Metadata } from "next";

import { DashboardSettingsForm } from "@/components/dashboard-editor/dashboard-settings-form";
import { SettingsPage, SettingsSection } from "@/components/settings/settings-page";
import { requirePage } from "@/lib/auth/guards";

import { createDashboardAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New dashboard" };

export default async function NewDashboardPage() {
  await requirePage("dashboards:manage");
  return (
    <SettingsPage title="New dashboard" intro="Name it; you add and arrange its widgets next.">
      <SettingsSection title="Dashboard">
        <DashboardSettingsForm action={createDashboardAction} />
      </SettingsSection>
    </SettingsPage>
  );
}
