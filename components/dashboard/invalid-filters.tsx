import Link from "next/link";

/** A link with filters that do not parse: say which and offer the unfiltered view. */
export function InvalidFilters({ parameter, message }: { parameter: string; message: string }) {
  return (
    <main className="mx-auto flex min-h-[50vh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center">
      <h1 className="text-2xl font-semibold">This link’s filters don’t work</h1>
      <p className="text-slate-600 dark:text-slate-300" data-testid="invalid-filter">
        <code className="rounded bg-slate-100 px-1">{parameter}</code>: {message}
      </p>
      <Link href="?" className="text-indigo-700 dark:text-indigo-300 underline">
        Show without filters
      </Link>
    </main>
  );
}
