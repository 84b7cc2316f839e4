/** What an unknown, expired or revoked view-only link shows, instead of any data or error. */
export function LinkEnded() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center" data-testid="share-ended">
      <h1 className="text-2xl font-semibold">This link no longer works</h1>
      <p className="text-slate-600 dark:text-slate-300">It has expired or was revoked. Ask whoever sent it for a new one.</p>
    </main>
  );
}
