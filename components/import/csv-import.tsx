"use client";

import { useState } from "react";

import { importChunkAction, saveImportMappingAction } from "@/app/(workspace)/import/actions";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, SELECT_CLASS } from "@/components/ui/field";
import { writeCsv } from "@/lib/csv/write-csv";
import { blobTextChunks } from "@/lib/import/blob-text-chunks";
import { importDelimitedFile, type ImportReport, type ImportRowError, type RowReaderForHeader, type StoreRecords } from "@/lib/import/import-delimited-file";
import { ZImportMapping, ZMappingName, type ImportMapping } from "@/lib/import/import-mapping";
import type { SavedImportMapping } from "@/lib/import/import-mappings";
import { IMPORT_PRESETS, PRESET_NAMES, readerForMapping } from "@/lib/import/import-presets";
import { sampleRows } from "@/lib/import/sample-rows";
import { isNativeHeader, suggestMapping } from "@/lib/import/suggest-mapping";
import { TECHNION_TIME_ZONE } from "@/lib/import/technion-row-reader";
import { RECORD_KINDS, type RecordKind } from "@/lib/ingest/record-schemas";

import { MappingEditor } from "./mapping-editor";
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

const SHOWN_ERRORS = 50;
const SECTION = "rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900";
const LABEL = "block text-sm font-medium text-slate-700 dark:text-slate-200";

type Phase =
  | { step: "idle" }
  | { step: "mapping" }
  | { step: "checking"; share: number }
  | { step: "checked"; report: ImportReport }
  | { step: "importing"; share: number; stored: number }
  | { step: "done"; report: ImportReport };

const numberFormat = new Intl.NumberFormat("en-US");
const n = (value: number) => numberFormat.format(value);

function errorReport(errors: ImportRowError[]): string {
  return writeCsv(["line", "field", "message"], errors.map((e) => [e.line, e.field, e.message]));
}

/** Problems of a mapping by Deskpulse field (`fields.createdAt.transform.timeZone` → createdAt). */
function mappingErrors(mapping: ImportMapping): Record<string, string> {
  const parsed = ZImportMapping.safeParse(mapping);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [, field, ...rest] = issue.path.map(String);
    if (field) errors[field] ??= `${rest.at(-1) ?? field} ${issue.message}`;
  }
  return errors;
}

const storeChunk =
  (kind: RecordKind): StoreRecords =>
  async (records) => {
    try {
      return await importChunkAction({ kind, records });
    } catch {
      return { ok: false, errors: [{ kind: "batch", index: null, field: null, message: "The server could not be reached." }] };
    }
  };

export function CsvImport({ savedMappings, defaultTimeZone }: { savedMappings: SavedImportMapping[]; defaultTimeZone: string }) {
  const [kind, setKind] = useState<RecordKind>("tickets");
  /** `manual`, `mapping:NAME` or `preset:NAME`. */
  const [method, setMethod] = useState("manual");
  const [saved, setSaved] = useState(savedMappings);
  const [file, setFile] = useState<File | null>(null);
  const [head, setHead] = useState<{ header: string[]; rows: string[][] } | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [fileError, setFileError] = useState<string | null>(null);
  const [mappingName, setMappingName] = useState("");
  const [saveMessage, setSaveMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });

  const presetName = method.startsWith("preset:") ? (method.slice(7) as (typeof PRESET_NAMES)[number]) : null;
  const codePreset = presetName && !IMPORT_PRESETS[presetName].mapping ? IMPORT_PRESETS[presetName] : null;

  function reset() {
    setFile(null);
    setHead(null);
    setMapping(null);
    setFileError(null);
    setSaveMessage(null);
    setPhase({ step: "idle" });
  }

  function readerFor(): RowReaderForHeader {
    if (codePreset) return codePreset.readerFor(presetName === "technion" ? TECHNION_TIME_ZONE : defaultTimeZone);
    return readerForMapping(mapping!);
  }

  async function run(chosen: File, reader: RowReaderForHeader, store: StoreRecords, onShare: (share: number) => void) {
    return importDelimitedFile({ kind, chunks: blobTextChunks(chosen, onShare), readerFor: reader, store });
  }

  async function check(chosen: File, reader: RowReaderForHeader) {
    setPhase({ step: "checking", share: 0 });
    const report = await run(chosen, reader, async () => ({ ok: true }), (share) => setPhase({ step: "checking", share }));
    setPhase({ step: "checked", report });
  }

  async function choose(chosen: File) {
    reset();
    setFile(chosen);
    const sample = await sampleRows(chosen);
    if ("error" in sample) {
      setFileError(sample.error);
      return;
    }
    setHead(sample);
    if (codePreset) return check(chosen, readerFor());
    const start =
      method.startsWith("mapping:")
        ? saved.find((m) => m.name === method.slice(8))!.mapping
        : presetName
          ? IMPORT_PRESETS[presetName].mapping!(defaultTimeZone)
          : suggestMapping(kind, sample.header, sample.rows, defaultTimeZone);
    setMapping(start);
    // A file in Deskpulse's own format needs no mapping: it is checked at once.
    if (method === "manual" && isNativeHeader(kind, sample.header)) return check(chosen, readerForMapping(start));
    setPhase({ step: "mapping" });
  }

  function checkMapped() {
    const errors = mappingErrors(mapping!);
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0) void check(file!, readerFor());
  }

  async function save() {
    const name = ZMappingName.safeParse(mappingName);
    if (!name.success) return setSaveMessage({ ok: false, text: `Mapping name ${name.error.issues[0]!.message}.` });
    const errors = mappingErrors(mapping!);
    setFieldErrors(errors);
    if (Object.keys(errors).length) return setSaveMessage({ ok: false, text: "Fix the fields marked in the mapping first." });
    const result = await saveImportMappingAction({ name: name.data, mapping });
    if (!result.ok) return setSaveMessage({ ok: false, text: result.errors.map((e) => `${e.field}: ${e.message}`).join("; ") });
    setSaved((list) => [...list.filter((m) => m.name !== name.data), { name: name.data, mapping: mapping! }].sort((a, b) => a.name.localeCompare(b.name)));
    setMethod(`mapping:${name.data}`);
    setSaveMessage({ ok: true, text: `Saved as “${name.data}”.` });
  }

  async function runImport() {
    setPhase({ step: "importing", share: 0, stored: 0 });
    const report = await run(file!, readerFor(), storeChunk(kind), (share) => setPhase((p) => (p.step === "importing" ? { ...p, share } : p)));
    setPhase({ step: "done", report });
  }

  function downloadErrors(errors: ImportRowError[]) {
    const url = URL.createObjectURL(new Blob([errorReport(errors)], { type: "text/csv" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${file?.name.replace(/\.(csv|tsv|txt)$/i, "") ?? kind}-errors.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  const busy = phase.step === "checking" || phase.step === "importing";
  const methods = [
    ...saved.filter((m) => m.mapping.kind === kind).map((m) => ({ value: `mapping:${m.name}`, label: `Saved mapping: ${m.name}` })),
    ...PRESET_NAMES.filter((p) => IMPORT_PRESETS[p].kind === kind).map((p) => ({ value: `preset:${p}`, label: `Preset: ${IMPORT_PRESETS[p].label}` })),
  ];

  return (
    <div className="space-y-6">
      <section className={SECTION}>
        <div className="grid gap-6 md:grid-cols-3">
          <label className={LABEL}>
            Record kind
            <select
              className={SELECT_CLASS}
              value={kind}
              disabled={busy}
              onChange={(event) => {
                setKind(event.target.value as RecordKind);
                setMethod("manual");
                reset();
              }}
            >
              {RECORD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className={LABEL}>
            Read the file with
            <select
              className={SELECT_CLASS}
              value={method}
              disabled={busy}
              onChange={(event) => {
                setMethod(event.target.value);
                reset();
              }}
            >
              <option value="manual">A new mapping (suggested from the file)</option>
              {methods.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <label className={LABEL}>
            CSV file
            <input
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
              disabled={busy}
              aria-describedby={fileError ? "file-error" : undefined}
              className="mt-2 block w-full text-sm text-slate-700 file:mr-4 file:rounded-lg file:border-0 file:bg-indigo-600 file:px-4 file:py-2 file:font-medium file:text-white hover:file:bg-indigo-500 dark:text-slate-300"
              onChange={(event) => {
                const chosen = event.target.files?.[0];
                if (chosen) void choose(chosen);
                event.target.value = "";
              }}
            />
            {fileError && (
              <span id="file-error" role="alert" className="mt-1 block text-sm text-red-700 dark:text-red-400">
                {fileError}
              </span>
            )}
          </label>
        </div>
        <p className="mt-4 text-sm text-slate-500 dark:text-slate-400">
          {presetName
            ? IMPORT_PRESETS[presetName].description
            : "Comma, semicolon or tab separated, with a header line. Columns named as Deskpulse fields (timestamps in ISO 8601 with an offset) are read as they are; any other file is mapped column by column."}
        </p>
      </section>

      {phase.step === "mapping" && mapping && head && (
        <section className={`${SECTION} space-y-5`} aria-labelledby="mapping-title">
          <div>
            <h2 id="mapping-title" className="text-lg font-semibold">
              Map the columns of {file?.name}
            </h2>
            <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
              {n(head.header.length)} columns. Suggestions come from the column names and the first rows; dates without an offset are read in the
              time zone given. Date formats: <code>iso</code> or a pattern such as <code>dd/MM/yyyy HH:mm</code> or <code>yyMMdd</code>.
            </p>
          </div>
          <MappingEditor mapping={mapping} header={head.header} sample={head.rows[0] ?? []} timeZone={defaultTimeZone} errors={fieldErrors} onChange={setMapping} />
          <div className="flex flex-wrap items-end gap-3">
            <button type="button" className={BUTTON_PRIMARY} onClick={checkMapped}>
              Check file
            </button>
            <label className={`${LABEL} ml-auto`}>
              Mapping name
              <input
                className="mt-1 block w-56 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
                value={mappingName}
                aria-describedby={saveMessage ? "save-message" : undefined}
                onChange={(event) => setMappingName(event.target.value)}
              />
            </label>
            <button type="button" className={BUTTON_SECONDARY} onClick={() => void save()}>
              Save mapping
            </button>
          </div>
          {saveMessage && (
            <p id="save-message" role={saveMessage.ok ? "status" : "alert"} className={`text-sm ${saveMessage.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>
              {saveMessage.text}
            </p>
          )}
        </section>
      )}

      {phase.step === "checking" && (
        <section className={SECTION}>
          <ProgressBar label={`Checking ${file?.name}`} value={phase.share} />
        </section>
      )}

      {phase.step === "importing" && (
        <section className={SECTION}>
          <ProgressBar label="Importing" value={phase.share} />
        </section>
      )}

      {phase.step === "checked" && (
        <CheckedFile
          report={phase.report}
          fileName={file?.name ?? ""}
          onImport={() => void runImport()}
          onRemap={mapping ? () => setPhase({ step: "mapping" }) : undefined}
          onDownload={downloadErrors}
        />
      )}

      {phase.step === "done" && (
        <section role="status" className="space-y-4 rounded-2xl border border-emerald-200 bg-emerald-50 p-6 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          <ProgressBar label="Imported" value={1} detail={`${n(phase.report.stored)} rows`} />
          <h2 className="font-semibold">{phase.report.stoppedAt ? "Import stopped" : "Import finished"}</h2>
          <p className="mt-1" data-testid="import-result">
            {n(phase.report.stored)} rows imported
            {phase.report.skipped > 0 ? `, ${n(phase.report.skipped)} rows the file marks as not records skipped` : ""}
            {phase.report.withErrors > 0 ? `, ${n(phase.report.withErrors)} rows with errors skipped` : ""}. Re-importing the same file later
            updates these records instead of duplicating them.
          </p>
          {phase.report.stoppedAt && (
            <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
              Stopped at line {phase.report.stoppedAt.line}: {phase.report.stoppedAt.message}. Rows before it were imported; import the file again
              to continue (imported rows are updated, not duplicated).
            </p>
          )}
          {phase.report.errors.length > 0 && (
            <button type="button" className={BUTTON_SECONDARY} onClick={() => downloadErrors(phase.report.errors)}>
              Download error report
            </button>
          )}
        </section>
      )}
    </div>
  );
}

function CheckedFile({
  report,
  fileName,
  onImport,
  onRemap,
  onDownload,
}: {
  report: ImportReport;
  fileName: string;
  onImport: () => void;
  onRemap?: () => void;
  onDownload: (errors: ImportRowError[]) => void;
}) {
  const { rows, stored: valid, skipped, withErrors, errors } = report;
  return (
    <section className={`${SECTION} space-y-5`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{fileName}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="csv-summary">
          {n(rows)} rows · {n(valid)} valid · {skipped > 0 ? `${n(skipped)} skipped · ` : ""}
          <span className={withErrors ? "font-medium text-red-700 dark:text-red-400" : ""}>{n(withErrors)} with errors</span>
        </p>
      </div>

      {report.stoppedAt && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          The file cannot be read this way (line {report.stoppedAt.line}): {report.stoppedAt.message}.
        </p>
      )}

      {errors.length > 0 && (
        <div className="space-y-3">
          <div className="overflow-hidden rounded-lg border border-red-200 dark:border-red-900">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Rows with errors</caption>
              <thead className="bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Line</th>
                  <th scope="col" className="px-3 py-2 font-medium">Field</th>
                  <th scope="col" className="px-3 py-2 font-medium">Problem</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-red-100 dark:divide-red-900">
                {errors.slice(0, SHOWN_ERRORS).map((error, i) => (
                  <tr key={i}>
                    <td className="px-3 py-2 tabular-nums">{error.line}</td>
                    <td className="px-3 py-2 font-mono text-xs">{error.field ?? "—"}</td>
                    <td className="px-3 py-2">{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {errors.length > SHOWN_ERRORS && (
            <p className="text-sm text-slate-500 dark:text-slate-400">
              Showing {SHOWN_ERRORS} of {n(errors.length)} problems; the report has them all.
            </p>
          )}
        </div>
      )}

      <div className="flex flex-wrap gap-3">
        {valid > 0 && !report.stoppedAt && (
          <button type="button" onClick={onImport} className={BUTTON_PRIMARY}>
            {withErrors ? `Import ${n(valid)} valid rows` : `Import ${n(valid)} rows`}
          </button>
        )}
        {onRemap && (
          <button type="button" onClick={onRemap} className={BUTTON_SECONDARY}>
            Change the mapping
          </button>
        )}
        {errors.length > 0 && (
          <button type="button" onClick={() => onDownload(errors)} className={BUTTON_SECONDARY}>
            Download error report
          </button>
        )}
      </div>
      {withErrors > 0 && (
        <p className="text-sm text-slate-500 dark:text-slate-400">Nothing is stored until you choose to import; rows with errors are never imported.</p>
      )}
    </section>
  );
}
