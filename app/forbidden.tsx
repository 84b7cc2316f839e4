import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-sm font-semibold text-slate-500 dark:text-slate-400">403</p>
      <h1 className="text-2xl font-semibold">You don’t have access to this</h1>
      <p className="text-slate-600 dark:text-slate-300">Your role does not include this page or these numbers. Ask an admin if you need it.</p>
      <Link href="/" className="text-indigo-700 dark:text-indigo-300 underline hover:text-indigo-900">
        Back to your overview
      </Link>
    </main>
  );
}
