import Link from "next/link";
import { createContext, use, type ReactNode } from "react";

import { ExportMenu } from "@/components/ui/export-menu";

/** The address that exports the widget's data, where the grid offers exports (the desktop dashboard). */
export const WidgetExportContext = createContext<string | null>(null);

interface WidgetFrameProps {
  title: string;
  /** Where the title leads (the drill-down), if anywhere. */
  href?: string;
  stale: boolean;
  accent?: string;
  aside?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** The card every widget sits in: title, optional drill-down link, and the stale marking. */
export function WidgetFrame({ title, href, stale, accent, aside, children, testId }: WidgetFrameProps) {
  const exportHref = use(WidgetExportContext);
  return (
    <section
      data-testid={testId}
      data-stale={stale || undefined}
      className={`relative flex h-full min-h-0 flex-col overflow-hidden rounded-2xl border border-t-4 border-slate-200 bg-white p-4 shadow-sm transition-opacity dark:border-slate-700 dark:bg-slate-900 ${
        accent ?? "border-t-transparent"
      } ${stale ? "opacity-60" : ""}`}
    >
      <header className="flex items-start justify-between gap-2">
        <h2 className="line-clamp-2 text-sm font-medium text-slate-600 dark:text-slate-300">
          {href ? (
            <Link href={href} className="rounded hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:text-indigo-300">
              {title}
            </Link>
          ) : (
            title
          )}
        </h2>
        <div className="flex shrink-0 items-center gap-2">
          {stale && (
            <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-700 dark:text-slate-200">Stale</span>
          )}
          {aside}
          {exportHref && <ExportMenu href={exportHref} label={`Export ${title}`} compact />}
        </div>
      </header>
      <div className="mt-2 min-h-0 flex-1">{children}</div>
    </section>
  );
}
