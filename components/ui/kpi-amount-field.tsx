import { Field } from "@/components/ui/field";
import { getKpiDefinition, isKpiKey } from "@/lib/kpi/catalog";

interface KpiAmountFieldProps {
  label: string;
  name: string;
  /** The KPI chosen in the form; its unit decides how the amount is typed. */
  kpiKey: string;
  defaultValue?: string;
  error?: string;
  required?: boolean;
  /** Whether the KPI's unit is a duration, for a custom KPI, which the catalog does not know. */
  duration?: boolean;
}

/** An amount in a KPI's unit: a duration ("1h 30m", "90m") for time KPIs, a number for the others. */
export function KpiAmountField({ kpiKey, duration: custom, ...field }: KpiAmountFieldProps) {
  const duration = isKpiKey(kpiKey) ? getKpiDefinition(kpiKey).unit === "seconds" : custom === true;
  // A decimal keypad has no letters, so a duration field keeps the full keyboard.
  return duration ? <Field {...field} placeholder="1h 30m" autoComplete="off" /> : <Field {...field} inputMode="decimal" autoComplete="off" />;
}
