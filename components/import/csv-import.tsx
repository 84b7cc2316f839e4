"use client";

import { useState } from "react";

import { importChunkAction } from "@/app/(workspace)/import/actions";
import { writeCsv } from "@/lib/csv/write-csv";
import { CSV_FIELDS } from "@/lib/ingest/csv/csv-row-to-record";
import { parseCsvRecords, type CsvRowError, type ParsedCsv } from "@/lib/ingest/csv/parse-csv-records";
import { RECORD_KINDS, type RecordKind } from "@/lib/ingest/record-schemas";

import { ProgressBar } from "./progress-bar";

const KIND_LABELS: Record<RecordKind, string> = {
  teams: "Teams",
  agents: "Agents",
  tickets: "Tickets",
  messages: "Messages",
  calls: "Calls",
  surveys: "Surveys",
  kbViews: "Knowledge-base views",
  agentStatus: "Agent status",
};

/** Rows per server round trip: big enough to be quick, small enough for a steadily moving bar. */
const CHUNK_ROWS = 1_000;
const SHOWN_ERRORS = 50;

type Phase =
  | { step: "idle" }
  | { step: "checking"; progress: number }
  | { step: "checked"; parsed: ParsedCsv }
  | { step: "importing"; parsed: ParsedCsv; done: number; total: number }
  | { step: "done"; imported: number; skipped: number }
  | { step: "failed"; parsed: ParsedCsv; imported: number; errors: CsvRowError[] };

const numberFormat = new Intl.NumberFormat("en-US");

function errorReport(errors: CsvRowError[]): string {
  return writeCsv(["line", "field", "message"], errors.map((e) => [e.line, e.field, e.message]));
}

export function CsvImport() {
  const [kind, setKind] = useState<RecordKind>("tickets");
  const [fileName, setFileName] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });

  async function check(file: File) {
    setFileName(file.name);
    setPhase({ step: "checking", progress: 0 });
    try {
      const parsed = await parseCsvRecords(kind, file, (progress) => setPhase({ step: "checking", progress }));
      setPhase({ step: "checked", parsed });
    } catch (error) {
      const message = error instanceof Error ? error.message : "The file could not be read.";
      const parsed = { records: [], errors: [{ line: 1, field: null, message }], rows: 0 };
      setPhase({ step: "checked", parsed });
    }
  }

  async function runImport(parsed: ParsedCsv) {
    const total = parsed.records.length;
    let done = 0;
    setPhase({ step: "importing", parsed, done, total });
    for (let start = 0; start < total; start += CHUNK_ROWS) {
      const chunk = parsed.records.slice(start, start + CHUNK_ROWS);
      let result;
      try {
        result = await importChunkAction({ kind, records: chunk.map((r) => r.record) });
      } catch {
        result = { ok: false as const, errors: [{ kind: "batch" as const, index: null, field: null, message: "The server could not be reached." }] };
      }
      if (!result.ok) {
        const errors = result.errors.map((e) => ({
          line: e.index === null ? 0 : chunk[e.index]!.line,
          field: e.field,
          message: e.message,
        }));
        setPhase({ step: "failed", parsed, imported: done, errors });
        return;
      }
      done += chunk.length;
      setPhase({ step: "importing", parsed, done, total });
    }
    setPhase({ step: "done", imported: total, skipped: parsed.rows - total });
  }

  function downloadErrors(errors: CsvRowError[]) {
    const url = URL.createObjectURL(new Blob([errorReport(errors)], { type: "text/csv" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName?.replace(/\.csv$/i, "") ?? kind}-errors.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  const busy = phase.step === "checking" || phase.step === "importing";

  return (
    <div className="space-y-6">
      <section className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
          <label className="block text-sm font-medium text-slate-700">
            Record kind
            <select
              className="mt-2 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 focus:outline-2 focus:outline-indigo-600"
              value={kind}
              disabled={busy}
              onChange={(event) => {
                setKind(event.target.value as RecordKind);
                setPhase({ step: "idle" });
              }}
            >
              {RECORD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-slate-700">
            CSV file
            <input
              type="file"
              accept=".csv,text/csv"
              disabled={busy}
              className="mt-2 block w-full text-sm text-slate-700 file:mr-4 file:rounded-lg file:border-0 file:bg-indigo-600 file:px-4 file:py-2 file:font-medium file:text-white hover:file:bg-indigo-500"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void check(file);
                event.target.value = "";
              }}
            />
          </label>
        </div>
        <p className="mt-4 text-sm text-slate-500">
          First line: the field names. Columns for {KIND_LABELS[kind].toLowerCase()}:{" "}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{CSV_FIELDS[kind].join(",")}</code>. Timestamps in
          ISO 8601 with an offset, e.g. <code className="rounded bg-slate-100 px-1.5 py-0.5">2026-03-08T09:15:00+01:00</code>.
        </p>
      </section>

      {phase.step === "checking" && (
        <section className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <ProgressBar label={`Checking ${fileName}`} value={phase.progress} />
        </section>
      )}

      {(phase.step === "checked" || phase.step === "importing" || phase.step === "failed") && (
        <CheckedFile
          parsed={phase.parsed}
          fileName={fileName ?? ""}
          phase={phase}
          onImport={() => void runImport(phase.parsed)}
          onDownload={downloadErrors}
        />
      )}

      {phase.step === "done" && (
        <section role="status" className="space-y-4 rounded-2xl border border-emerald-200 bg-emerald-50 p-6 text-emerald-900">
          <ProgressBar label="Imported" value={1} detail={`${numberFormat.format(phase.imported)} rows`} />
          <h2 className="font-semibold">Import finished</h2>
          <p className="mt-1">
            {numberFormat.format(phase.imported)} rows imported
            {phase.skipped > 0 ? `, ${numberFormat.format(phase.skipped)} rows with errors skipped` : ""}. Re-importing the same
            file later updates these records instead of duplicating them.
          </p>
        </section>
      )}
    </div>
  );
}

function CheckedFile({
  parsed,
  fileName,
  phase,
  onImport,
  onDownload,
}: {
  parsed: ParsedCsv;
  fileName: string;
  phase: Extract<Phase, { step: "checked" | "importing" | "failed" }>;
  onImport: () => void;
  onDownload: (errors: CsvRowError[]) => void;
}) {
  const valid = parsed.records.length;
  const badRows = new Set(parsed.errors.map((e) => e.line)).size;
  const errors = phase.step === "failed" ? phase.errors : parsed.errors;
  return (
    <section className="space-y-5 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{fileName}</h2>
        <p className="text-sm text-slate-600" data-testid="csv-summary">
          {numberFormat.format(parsed.rows)} rows · {numberFormat.format(valid)} valid ·{" "}
          <span className={badRows ? "font-medium text-red-700" : ""}>{numberFormat.format(badRows)} with errors</span>
        </p>
      </div>

      {phase.step === "importing" && (
        <ProgressBar
          label="Importing"
          value={phase.total ? phase.done / phase.total : 1}
          detail={`${numberFormat.format(phase.done)} / ${numberFormat.format(phase.total)} rows`}
        />
      )}

      {phase.step === "failed" && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          The server refused a part of the file: {numberFormat.format(phase.imported)} rows were imported before it, nothing after.
          Fix the rows below and import the file again; rows already imported are updated, not duplicated.
        </p>
      )}

      {errors.length > 0 && (
        <div className="space-y-3">
          <div className="overflow-hidden rounded-lg border border-red-200">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Rows with errors</caption>
              <thead className="bg-red-50 text-red-900">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Line</th>
                  <th scope="col" className="px-3 py-2 font-medium">Field</th>
                  <th scope="col" className="px-3 py-2 font-medium">Problem</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-red-100">
                {errors.slice(0, SHOWN_ERRORS).map((error, i) => (
                  <tr key={i}>
                    <td className="px-3 py-2 tabular-nums">{error.line || "—"}</td>
                    <td className="px-3 py-2 font-mono text-xs">{error.field ?? "—"}</td>
                    <td className="px-3 py-2">{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {errors.length > SHOWN_ERRORS && (
            <p className="text-sm text-slate-500">
              Showing {SHOWN_ERRORS} of {numberFormat.format(errors.length)} problems; the report has them all.
            </p>
          )}
        </div>
      )}

      <div className="flex flex-wrap gap-3">
        {phase.step === "checked" && valid > 0 && (
          <button
            type="button"
            onClick={onImport}
            className="rounded-lg bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            {badRows ? `Import ${numberFormat.format(valid)} valid rows` : `Import ${numberFormat.format(valid)} rows`}
          </button>
        )}
        {errors.length > 0 && (
          <button
            type="button"
            onClick={() => onDownload(errors)}
            className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Download error report
          </button>
        )}
      </div>
      {phase.step === "checked" && badRows > 0 && (
        <p className="text-sm text-slate-500">Nothing is stored until you choose to import; rows with errors are never imported.</p>
      )}
    </section>
  );
}
