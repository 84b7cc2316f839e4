import { getKpiDefinition, type KpiKey } from "@/lib/kpi/catalog";
import { formatKpiValue } from "@/lib/kpi/format-kpi-value";
import type { KpiResult } from "@/lib/kpi/kpi-result";

interface KpiStatProps {
  kpiKey: KpiKey;
  result: KpiResult | undefined;
  /** What the sample is called, e.g. "responses". */
  sampleNoun?: string;
}

const integer = new Intl.NumberFormat("en-US");

/** One headline number in its KPI's format: no data shows as an em dash, never as 0. */
export function KpiStat({ kpiKey, result, sampleNoun }: KpiStatProps) {
  const kpi = getKpiDefinition(kpiKey);
  const testId = `kpi-${kpiKey.replace(/_/g, "-")}`;
  const margin = result?.marginOfError;
  return (
    <section className="flex flex-col rounded-2xl border border-slate-200 bg-white p-6 shadow-sm" data-testid={testId}>
      <h2 className="text-sm font-medium text-slate-500" title={kpi.definition}>
        {kpi.name}
      </h2>
      <p className="mt-3 text-4xl font-semibold tracking-tight tabular-nums text-slate-900" data-testid={`${testId}-value`}>
        {formatKpiValue(result?.value ?? null, kpi.unit)}
      </p>
      <p className="mt-auto pt-3 text-sm text-slate-500">
        {sampleNoun && result ? `${integer.format(result.n)} ${sampleNoun}` : kpi.live ? "Right now" : "\u00a0"}
        {margin != null && result && result.n > 0 ? ` · ±${margin.toFixed(1)}` : ""}
      </p>
    </section>
  );
}
