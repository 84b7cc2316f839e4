"use client";

// Shown when a page cannot render, most often because the database is unreachable. Never a stack.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="text-2xl font-semibold">Deskpulse can’t load this page right now</h1>
      <p className="text-slate-600 dark:text-slate-300">
        The server could not reach its data. It usually recovers by itself within a few seconds; if it does not, check
        that the database is running (see <code>/api/health</code>).
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded-lg bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Try again
      </button>
    </main>
  );
}
