/** Shown while a page's numbers are computed on the server: the shape of a dashboard, not a spinner. */
export default function Loading() {
  return (
    <main className="mx-auto max-w-[1600px] space-y-5 px-6 py-6" aria-busy="true" aria-label="Loading">
      <div className="h-9 w-72 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-40 animate-pulse rounded-2xl bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="h-80 animate-pulse rounded-2xl bg-slate-200 dark:bg-slate-800" />
        <div className="h-80 animate-pulse rounded-2xl bg-slate-200 dark:bg-slate-800" />
      </div>
    </main>
  );
}
