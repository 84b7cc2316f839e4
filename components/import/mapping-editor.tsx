"use client";

import { useState } from "react";

import { SELECT_CLASS } from "@/components/ui/field";
import { DURATION_UNITS, type FieldSource, type ImportMapping, type ValueTransform } from "@/lib/import/import-mapping";
import { CSV_FIELDS } from "@/lib/ingest/csv/csv-row-to-record";

const INPUT_CLASS =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";
const TRANSFORM_LABELS: Record<ValueTransform["type"], string> = {
  text: "Text as is",
  number: "Number",
  boolean: "Yes / no",
  date: "Date and time",
  duration: "Duration",
  map: "Value map",
};

function describeDerived(source: FieldSource): string {
  if (source.from === "template") return `Derived: ${source.template}`;
  if (source.from === "dateTime") return `Date ${source.dateColumn} + time ${source.timeColumn} (${source.format}, ${source.timeZone})`;
  return "";
}

function transformFor(type: ValueTransform["type"], timeZone: string): ValueTransform {
  if (type === "date") return { type, format: "iso", timeZone };
  if (type === "duration") return { type, unit: "seconds" };
  if (type === "map") return { type, values: {} };
  return { type };
}

function mapText(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([from, to]) => `${from}=${to}`)
    .join(", ");
}

/** "Solved=solved, E-mail=email" → { Solved: "solved", "E-mail": "email" }; unfinished pairs wait. */
function parseMapText(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const pair of text.split(/[,\n]/)) {
    const [from, to] = pair.split("=").map((s) => s.trim());
    if (from && to) values[from] = to;
  }
  return values;
}

function ValueMapInput({ field, values, onChange }: { field: string; values: Record<string, string>; onChange: (values: Record<string, string>) => void }) {
  const [text, setText] = useState(() => mapText(values));
  return (
    <label className="block text-xs text-slate-600 dark:text-slate-300">
      Values for {field}
      <input
        className={INPUT_CLASS}
        value={text}
        placeholder="Solved=solved, Email=email"
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseMapText(event.target.value));
        }}
      />
    </label>
  );
}

export function MappingEditor({
  mapping,
  header,
  sample,
  timeZone,
  errors,
  onChange,
}: {
  mapping: ImportMapping;
  header: string[];
  sample: string[];
  timeZone: string;
  /** Problems by field name, from validating the mapping. */
  errors: Record<string, string>;
  onChange: (mapping: ImportMapping) => void;
}) {
  const setSource = (field: string, source: FieldSource | null) => {
    const fields = { ...mapping.fields };
    if (source) fields[field] = source;
    else delete fields[field];
    onChange({ ...mapping, fields });
  };

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Column mapping</caption>
        <thead className="bg-slate-50 text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Deskpulse field</th>
            <th scope="col" className="px-3 py-2 font-medium">From</th>
            <th scope="col" className="px-3 py-2 font-medium">Read as</th>
            <th scope="col" className="px-3 py-2 font-medium">First row</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {CSV_FIELDS[mapping.kind].map((field) => {
            const source = mapping.fields[field];
            const selected = !source ? "" : source.from === "column" ? `column:${source.column}` : source.from === "constant" ? "constant" : "derived";
            const error = errors[field];
            const errorId = error ? `mapping-${field}-error` : undefined;
            return (
              <tr key={field} className="align-top">
                <th scope="row" className="px-3 py-2 font-mono text-xs font-medium text-slate-800 dark:text-slate-100">
                  {field}
                  {error && (
                    <span id={errorId} className="mt-1 block font-sans text-xs font-normal text-red-700 dark:text-red-400">
                      {error}
                    </span>
                  )}
                </th>
                <td className="px-3 py-2">
                  <label className="sr-only" htmlFor={`source-${field}`}>
                    Source for {field}
                  </label>
                  <select
                    id={`source-${field}`}
                    className={`${SELECT_CLASS} mt-0`}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={errorId}
                    value={selected}
                    onChange={(event) => {
                      const value = event.target.value;
                      if (value === "") setSource(field, null);
                      else if (value === "constant") setSource(field, { from: "constant", value: "" });
                      else if (value.startsWith("column:")) {
                        const transform = source?.from === "column" ? source.transform : { type: "text" as const };
                        setSource(field, { from: "column", column: value.slice("column:".length), transform });
                      }
                    }}
                  >
                    <option value="">— not imported —</option>
                    {header.map((column) => (
                      <option key={column} value={`column:${column}`}>
                        Column: {column}
                      </option>
                    ))}
                    <option value="constant">The same value for every row</option>
                    {selected === "derived" && <option value="derived">Derived by the preset</option>}
                  </select>
                </td>
                <td className="space-y-2 px-3 py-2">
                  {source?.from === "column" && (
                    <>
                      <label className="sr-only" htmlFor={`transform-${field}`}>
                        Transform for {field}
                      </label>
                      <select
                        id={`transform-${field}`}
                        className={`${SELECT_CLASS} mt-0`}
                        value={source.transform.type}
                        onChange={(event) => {
                          // Choosing the transform already in place keeps its settings (a suggested value map stays).
                          if (event.target.value === source.transform.type) return;
                          setSource(field, { ...source, transform: transformFor(event.target.value as ValueTransform["type"], timeZone) });
                        }}
                      >
                        {Object.entries(TRANSFORM_LABELS).map(([type, label]) => (
                          <option key={type} value={type}>
                            {label}
                          </option>
                        ))}
                      </select>
                      {source.transform.type === "date" && (
                        <div className="grid grid-cols-2 gap-2">
                          <label className="block text-xs text-slate-600 dark:text-slate-300">
                            Date format for {field}
                            <input
                              className={INPUT_CLASS}
                              value={source.transform.format}
                              onChange={(event) => setSource(field, { ...source, transform: { ...(source.transform as Extract<ValueTransform, { type: "date" }>), format: event.target.value } })}
                            />
                          </label>
                          <label className="block text-xs text-slate-600 dark:text-slate-300">
                            Time zone for {field}
                            <input
                              className={INPUT_CLASS}
                              value={source.transform.timeZone}
                              onChange={(event) => setSource(field, { ...source, transform: { ...(source.transform as Extract<ValueTransform, { type: "date" }>), timeZone: event.target.value } })}
                            />
                          </label>
                        </div>
                      )}
                      {source.transform.type === "duration" && (
                        <label className="block text-xs text-slate-600 dark:text-slate-300">
                          Unit for {field}
                          <select
                            className={SELECT_CLASS}
                            value={source.transform.unit}
                            onChange={(event) => setSource(field, { ...source, transform: { type: "duration", unit: event.target.value as (typeof DURATION_UNITS)[number] } })}
                          >
                            {DURATION_UNITS.map((unit) => (
                              <option key={unit} value={unit}>
                                {unit}
                              </option>
                            ))}
                          </select>
                        </label>
                      )}
                      {source.transform.type === "map" && (
                        <ValueMapInput key={selected} field={field} values={source.transform.values} onChange={(values) => setSource(field, { ...source, transform: { type: "map", values } })} />
                      )}
                    </>
                  )}
                  {source?.from === "constant" && (
                    <label className="block text-xs text-slate-600 dark:text-slate-300">
                      Value for {field}
                      <input className={INPUT_CLASS} value={source.value} onChange={(event) => setSource(field, { from: "constant", value: event.target.value })} />
                    </label>
                  )}
                  {source && (source.from === "template" || source.from === "dateTime") && (
                    <p className="font-mono text-xs text-slate-600 dark:text-slate-300">{describeDerived(source)}</p>
                  )}
                </td>
                <td className="max-w-48 truncate px-3 py-2 font-mono text-xs text-slate-500 dark:text-slate-400">
                  {source?.from === "column" ? (sample[header.indexOf(source.column)] ?? "") : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
