"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

/**
 * The one query client of a page. A wall screen (`kiosk`) has no focus to regain, so it does not
 * refetch on focus, and it keeps the dashboards it rotates away from for ten minutes so each comes
 * back with its last numbers.
 */
export function QueryProvider({ children, kiosk = false }: { children: ReactNode; kiosk?: boolean }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: kiosk ? { refetchOnWindowFocus: false, gcTime: 10 * 60_000 } : { refetchOnWindowFocus: true } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
