import type { ReactNode } from "react";

import { AppHeader } from "@/components/layout/app-header";
import { getDb } from "@/lib/db/get-db";
import { getOrgSettings } from "@/lib/org/get-org-settings";

export const dynamic = "force-dynamic";

/** The signed-in application's frame: header and navigation around every page. */
export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const { prisma } = await getDb();
  const org = await getOrgSettings(prisma);
  return (
    <>
      <AppHeader orgName={org.name} />
      {children}
    </>
  );
}
