interface KpiStatProps {
  label: string;
  value: number | null;
  hint: string;
  testId: string;
}

const numberFormat = new Intl.NumberFormat("en-US");

/** One headline number: a null value (no data) shows as an em dash, never as 0. */
export function KpiStat({ label, value, hint, testId }: KpiStatProps) {
  return (
    <section className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm" data-testid={testId}>
      <h2 className="text-sm font-medium text-slate-500">{label}</h2>
      <p className="mt-3 text-5xl font-semibold tracking-tight tabular-nums text-slate-900" data-testid={`${testId}-value`}>
        {value === null ? "—" : numberFormat.format(value)}
      </p>
      <p className="mt-3 text-sm text-slate-500">{hint}</p>
    </section>
  );
}
