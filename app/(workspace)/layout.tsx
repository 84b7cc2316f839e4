import { cookies } from "next/headers";
import type { ReactNode } from "react";

import { AppHeader } from "@/components/layout/app-header";
import { can } from "@/lib/auth/access";
import { requirePage } from "@/lib/auth/guards";
import { ROLE_LABELS } from "@/lib/auth/users";
import { QueryProvider } from "@/lib/client/query-provider";
import { getOrgSettings } from "@/lib/org/get-org-settings";

export const dynamic = "force-dynamic";

/** The signed-in application's frame. Each page still checks access itself: a layout is not a gate. */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const { prisma, user, principal } = await requirePage();
  const org = await getOrgSettings(prisma);
  const theme = (await cookies()).get("theme")?.value === "dark" ? "dark" : "light";
  const scope =
    user.role === "team_lead" ? user.teams.map((t) => t.name).join(", ") : user.role === "agent" ? (user.agent?.name ?? null) : null;
  return (
    // The header's notification bell polls through the same query client as the page.
    <QueryProvider>
      <AppHeader
        orgName={org.name}
        user={{ name: user.name, role: ROLE_LABELS[user.role], scope }}
        theme={theme}
        show={{ import: can(principal, "data:import"), users: can(principal, "users:manage"), keys: can(principal, "keys:manage"), screens: can(principal, "screens:manage"), targets: can(principal, "targets:manage"), serviceLevels: can(principal, "settings:manage"), notifications: user.agent !== null }}
      />
      {children}
    </QueryProvider>
  );
}
