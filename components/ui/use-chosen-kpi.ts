import { useState, type FormEvent } from "react";

/**
 * The KPI chosen in a form's `kpiKey` select, followed through the form's change events so the
 * select stays uncontrolled (and keeps its value when a server action resets the form).
 */
export function useChosenKpi(initial: string): [kpiKey: string, onFormChange: (event: FormEvent<HTMLFormElement>) => void] {
  const [kpiKey, setKpiKey] = useState(initial);
  const onFormChange = (event: FormEvent<HTMLFormElement>) => {
    const input = event.target as HTMLSelectElement;
    if (input.name === "kpiKey") setKpiKey(input.value);
  };
  return [kpiKey, onFormChange];
}
