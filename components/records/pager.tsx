import Link from "next/link";

const integer = new Intl.NumberFormat("en-US");

export function Pager({ page, pageSize, total, search }: { page: number; pageSize: number; total: number; search: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(p));
    return `?${params.toString()}`;
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  return (
    <div className="flex items-center justify-between gap-4 text-sm text-slate-600 dark:text-slate-300">
      <p data-testid="records-total">
        {integer.format(first)}–{integer.format(Math.min(total, page * pageSize))} of <span className="font-semibold">{integer.format(total)}</span>
      </p>
      <div className="flex gap-2">
        {page > 1 && (
          <Link href={href(page - 1)} className="rounded-lg border border-slate-300 px-3 py-1 hover:bg-slate-50">
            ← Previous
          </Link>
        )}
        {page < pages && (
          <Link href={href(page + 1)} className="rounded-lg border border-slate-300 px-3 py-1 hover:bg-slate-50">
            Next →
          </Link>
        )}
      </div>
    </div>
  );
}
