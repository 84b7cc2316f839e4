import "@fontsource-variable/inter";
import "./globals.css";

import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: { default: "Deskpulse", template: "%s · Deskpulse" },
  description: "Real-time KPI dashboards for customer-service teams",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const dark = (await cookies()).get("theme")?.value === "dark";
  return (
    <html lang="en" className={dark ? "dark" : undefined}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">{children}</body>
    </html>
  );
}
