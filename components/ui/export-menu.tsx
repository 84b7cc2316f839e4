import { withParam } from "@/lib/views/with-param";

interface ExportMenuProps {
  /** The export's address with the page's query string, without `format`. */
  href: string;
  /** What is exported, for screen readers: "Export Over time". */
  label: string;
  /** An icon alone, for a widget's header. */
  compact?: boolean;
}

const hrefFor = (href: string, format: "csv" | "xlsx") => {
  const [path, query = ""] = href.split("?");
  return `${path}${withParam(query, "format", format)}`;
};

/**
 * CSV and Excel downloads of one table. Plain links in a disclosure: they need no script, carry the
 * session cookie, and the browser saves the file under the name the server gives it.
 */
export function ExportMenu({ href, label, compact = false }: ExportMenuProps) {
  return (
    <details className="group relative print:hidden" data-testid="export-menu">
      <summary
        aria-label={label}
        title={label}
        className={`flex cursor-pointer list-none items-center gap-1 rounded-lg text-sm font-medium text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100 [&::-webkit-details-marker]:hidden ${compact ? "p-1" : "px-2.5 py-1"}`}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path d="M10 2.75a.75.75 0 0 1 .75.75v7.19l2.22-2.22a.75.75 0 1 1 1.06 1.06l-3.5 3.5a.75.75 0 0 1-1.06 0l-3.5-3.5a.75.75 0 1 1 1.06-1.06l2.22 2.22V3.5a.75.75 0 0 1 .75-.75ZM3.5 13.25a.75.75 0 0 1 .75.75v1.5c0 .14.11.25.25.25h11a.25.25 0 0 0 .25-.25V14a.75.75 0 0 1 1.5 0v1.5A1.75 1.75 0 0 1 15.5 17.25h-11A1.75 1.75 0 0 1 2.75 15.5V14a.75.75 0 0 1 .75-.75Z" />
        </svg>
        {!compact && "Export"}
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-40 overflow-hidden rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <a href={hrefFor(href, "csv")} download className="block px-3 py-1.5 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800">
          CSV
        </a>
        <a href={hrefFor(href, "xlsx")} download className="block px-3 py-1.5 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800">
          Excel (.xlsx)
        </a>
      </div>
    </details>
  );
}
