import { cookies } from "next/headers";
import type { ReactNode } from "react";

import { AppHeader } from "@/components/layout/app-header";
import { requirePage } from "@/lib/auth/guards";
import { QueryProvider } from "@/lib/client/query-provider";
import { workspaceLayout } from "@/lib/views/workspace-layout";

export const dynamic = "force-dynamic";

/** The signed-in application's frame. Each page still checks access itself: a layout is not a gate. */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const { orgName, user, show } = await workspaceLayout(await requirePage());
  const theme = (await cookies()).get("theme")?.value === "dark" ? "dark" : "light";
  return (
    // The header's notification bell polls through the same query client as the page.
    <QueryProvider>
      <AppHeader orgName={orgName} user={user} theme={theme} show={show} />
      {children}
    </QueryProvider>
  );
}
