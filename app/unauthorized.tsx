import Link from "next/link";

export default function Unauthorized() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-sm font-semibold text-slate-500 dark:text-slate-400">401</p>
      <h1 className="text-2xl font-semibold">Please sign in</h1>
      <p className="text-slate-600 dark:text-slate-300">Your session has ended.</p>
      <Link href="/sign-in" className="text-indigo-700 dark:text-indigo-300 underline hover:text-indigo-900">
        Sign in
      </Link>
    </main>
  );
}
