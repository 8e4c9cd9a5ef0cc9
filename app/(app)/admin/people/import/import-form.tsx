"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/button";
import { DataTable } from "@/app/_components/data-table";
import { StatusMessage } from "@/app/_components/status-message";
import { MASS_DEACTIVATION_PERCENT, peopleCount } from "@/lib/org-import/brake";
import { MAX_IMPORT_BYTES } from "@/lib/org-import/limits";
import type { ImportCounts } from "@/server/dal/org-import";
import { type ImportFormState, type ImportPreviewSummary, importAction, type PreviewList } from "./actions";

const initial: ImportFormState = { status: "idle", message: "", fieldErrors: {} };
const MEGABYTES = MAX_IMPORT_BYTES / (1024 * 1024);

const number = (value: number) => value.toLocaleString("en");

function PeopleTable({ id, title, list, showLine = true }: { id: string; title: string; list: PreviewList; showLine?: boolean }) {
  if (list.total === 0) return null;
  const more = list.total - list.people.length;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="font-semibold">
        {title} ({number(list.total)})
      </h3>
      <DataTable
        className="min-w-[36rem]"
        alignTop
        rows={list.people}
        rowKey={(person) => person.email}
        columns={[
          showLine && { header: "Line", className: "tabular-nums", cell: (person) => person.line },
          { header: "Name", rowHeader: true, cell: (person) => person.name },
          { header: "Email", className: "break-all", cell: (person) => person.email },
          { header: "What changes", cell: (person) => person.detail },
        ]}
      />
      {more > 0 && <p className="text-sm text-slate-700">… and {number(more)} more.</p>}
    </section>
  );
}

/** The two modes, as the form offers them and the preview names them. */
const MODES = {
  update: { label: "Add and update only", hint: "Adds the people in the file who are new and updates those who have changed. Nobody is deactivated." },
  replace: {
    label: "Full replace",
    hint: "Also deactivates every active person who is not in the file. You confirm how many before anything changes.",
  },
} as const;

function Preview({ preview }: { preview: ImportPreviewSummary }) {
  const { counts } = preview;
  const figures = [
    { label: "Rows read", value: counts.rows },
    { label: "To add", value: counts.added },
    { label: "To update", value: counts.updated },
    { label: "To move", value: counts.moved },
    ...(preview.mode === "replace" ? [{ label: "To deactivate", value: counts.deactivated }] : []),
    { label: "Unchanged", value: counts.unchanged },
  ];
  const hiddenErrors = preview.errorTotal - preview.errors.length;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        {MODES[preview.mode].label}: {preview.mode === "update" ? "nobody is deactivated." : "every active person who is not in the file is deactivated."}
      </p>
      {preview.errorTotal > 0 ? (
        <section aria-labelledby="import-errors-heading" className="space-y-2">
          <h3 id="import-errors-heading" className="font-semibold text-red-800">
            Errors ({number(preview.errorTotal)})
          </h3>
          <DataTable
            tone="danger"
            className="min-w-[36rem]"
            alignTop
            rows={preview.errors}
            rowKey={(_error, index) => index}
            columns={[
              { header: "Line", headerClassName: "w-24", className: "tabular-nums", cell: (error) => error.line },
              { header: "Problem", cell: (error) => error.message },
            ]}
          />
          {hiddenErrors > 0 && (
            <p className="text-sm text-slate-700">
              The first {number(preview.errors.length)} errors are listed; {number(hiddenErrors)} more follow. Check that this is the right file.
            </p>
          )}
        </section>
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-6">
            {figures.map((figure) => (
              <div key={figure.label} className="rounded-lg border border-slate-200 bg-white px-3 py-2">
                <dt className="text-sm text-slate-700">{figure.label}</dt>
                <dd className="text-xl font-semibold tabular-nums">{number(figure.value)}</dd>
              </div>
            ))}
          </dl>
          <PeopleTable id="import-add-heading" title="To add" list={preview.add} />
          <PeopleTable id="import-update-heading" title="To update" list={preview.update} />
          <PeopleTable id="import-move-heading" title="To move to another manager" list={preview.move} />
          <PeopleTable id="import-deactivate-heading" title="To deactivate" list={preview.deactivate} showLine={false} />
        </>
      )}
    </div>
  );
}

function AppliedSummary({ counts }: { counts: ImportCounts }) {
  const figures = [
    { label: "Added", value: counts.added },
    { label: "Updated", value: counts.updated },
    { label: "Moved", value: counts.moved },
    { label: "Deactivated", value: counts.deactivated },
    { label: "Unchanged", value: counts.unchanged },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {figures.map((figure) => (
        <div key={figure.label} className="rounded-lg border border-slate-200 px-3 py-2">
          <dt className="text-sm text-slate-700">{figure.label}</dt>
          <dd className="text-xl font-semibold tabular-nums">{number(figure.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The label of the first confirmation box of a full replace; the second exists only past the brake. */
const confirmLabel = (count: number) => `I understand that ${peopleCount(count)} will be deactivated and signed out at once.`;
const massConfirmLabel = (count: number, active: number) =>
  `Yes, deactivate ${peopleCount(count)} of the ${number(active)} active: more than ${MASS_DEACTIVATION_PERCENT}% of the organisation.`;

/** Why applying cannot go ahead yet, or "": a full replace that deactivates people needs its boxes ticked. */
function missingConfirmation(preview: ImportPreviewSummary, formData: FormData) {
  const count = preview.counts.deactivated;
  if (preview.confirm.deactivations && formData.get("confirmDeactivations") === null) {
    return `Tick “${confirmLabel(count)}” to apply this full replace.`;
  }
  if (preview.confirm.massDeactivation && formData.get("confirmMassDeactivation") === null) {
    return `This full replace deactivates more than ${MASS_DEACTIVATION_PERCENT}% of the active people: tick the second box as well to apply it.`;
  }
  return "";
}

/**
 * The brake of a full replace: one box that states how many people are deactivated, and,
 * past MASS_DEACTIVATION_PERCENT of the active people, a second one that says so. Each
 * sends the number it was shown with, and the server checks it against what it would do.
 */
function DeactivationConfirmations({ preview }: { preview: ImportPreviewSummary }) {
  const count = preview.counts.deactivated;
  const box = (name: string, label: string) => (
    <div className="flex items-start gap-2">
      <input id={`import-${name}`} name={name} type="checkbox" value={String(count)} className="mt-1 h-4 w-4 accent-brand-700" />
      <label htmlFor={`import-${name}`} className="text-sm font-medium">
        {label}
      </label>
    </div>
  );
  return (
    <div className="space-y-2">
      {box("confirmDeactivations", confirmLabel(count))}
      {preview.confirm.massDeactivation && (
        <div className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3">
          <p className="text-sm text-red-900">
            This deactivates {peopleCount(count)} of the {number(preview.activeBefore)} active today: more than {MASS_DEACTIVATION_PERCENT}% of the
            organisation. Check that this file is the whole organisation, not a part of it, before you confirm a second time.
          </p>
          {box("confirmMassDeactivation", massConfirmLabel(count, preview.activeBefore))}
        </div>
      )}
    </div>
  );
}

/**
 * Choose a file, preview it, then apply exactly that file. The form is submitted by hand
 * rather than through its action prop, so that React does not clear the chosen file after
 * the preview: the Apply button sends the same file again, with the preview's hash.
 */
export function ImportForm() {
  const [state, dispatch, pending] = useActionState(importAction, initial);
  const [localError, setLocalError] = useState("");
  const [confirmError, setConfirmError] = useState("");
  // A preview describes the file and the mode chosen when it ran; choosing another retires it.
  const [stale, setStale] = useState<"" | "file" | "mode">("");
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (state !== initial) resultHeading.current?.focus();
  }, [state]);

  const preview = stale ? undefined : state.preview;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const intent = submitter instanceof HTMLButtonElement && submitter.value === "apply" ? "apply" : "preview";
    const formData = new FormData(event.currentTarget);
    formData.set("intent", intent);
    const file = formData.get("file");
    if (file instanceof File && file.size > MAX_IMPORT_BYTES) {
      setLocalError(`The file is larger than ${MEGABYTES} MB. Import at most ${MEGABYTES} MB at a time.`);
      return;
    }
    // The server refuses a full replace without its confirmations too; asking here keeps the preview on screen.
    const unconfirmed = intent === "apply" && preview ? missingConfirmation(preview, formData) : "";
    setConfirmError(unconfirmed);
    if (unconfirmed) return;
    setLocalError("");
    if (intent === "preview") setStale("");
    startTransition(() => dispatch(formData));
  }

  const canApply =
    preview !== undefined && preview.errorTotal === 0 && preview.counts.added + preview.counts.updated + preview.counts.moved + preview.counts.deactivated > 0;
  const staleMessage =
    stale === "mode" ? "You chose another mode: preview the file again before applying." : "You chose another file: preview it before applying.";
  const message = localError || confirmError || (stale && state.preview ? staleMessage : state.message);
  const isError = Boolean(localError || confirmError) || state.status === "error";
  const fileError = localError || state.fieldErrors.file?.[0];

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <fieldset className="space-y-2">
        <legend className="font-medium">What the import does</legend>
        {(["update", "replace"] as const).map((mode) => (
          <div key={mode} className="flex items-start gap-2">
            <input
              id={`import-mode-${mode}`}
              type="radio"
              name="mode"
              value={mode}
              defaultChecked={mode === "update"}
              aria-describedby={`import-mode-${mode}-hint`}
              onChange={() => {
                setStale("mode");
                setConfirmError("");
              }}
              className="mt-1.5 h-4 w-4 accent-brand-700"
            />
            <div>
              <label htmlFor={`import-mode-${mode}`} className="font-medium">
                {MODES[mode].label}
              </label>
              <p id={`import-mode-${mode}-hint`} className="text-sm text-slate-700">
                {MODES[mode].hint}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium">
            CSV file (at most {MEGABYTES} MB)
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            onChange={() => {
              setStale("file");
              setLocalError("");
              setConfirmError("");
            }}
            aria-invalid={fileError ? true : undefined}
            aria-describedby="import-file-hint"
            className="mt-1 block rounded-md border border-slate-400 bg-white text-sm file:mr-3 file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:font-medium"
          />
        </div>
        <Button type="submit" name="intent" value="preview" pending={pending}>
          Preview
        </Button>
      </div>
      <p id="import-file-hint" className="text-sm text-slate-700">
        Previewing changes nothing. You can apply the file once its preview has no errors.
      </p>

      <StatusMessage status={isError ? "error" : "success"} size="base">
        {pending ? "Working…" : message}
      </StatusMessage>

      {(preview || state.applied) && (
        <section aria-labelledby="import-result-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="import-result-heading" ref={resultHeading} tabIndex={-1} className="text-lg font-semibold">
            {state.applied ? "Import finished" : `Preview of ${preview?.fileName || "the file"}`}
          </h2>
          {preview && <Preview preview={preview} />}
          {state.applied && <AppliedSummary counts={state.applied} />}
          {canApply && (
            <div className="space-y-2 border-t border-slate-200 pt-4">
              <input type="hidden" name="fileHash" value={preview.fileHash} />
              <p className="text-sm">
                Applying makes these changes in one go, or none of them if anything goes wrong. Open cycles keep the reporting lines they started with.
              </p>
              {preview.confirm.deactivations && (
                // A box ticked for one preview is not ticked for another file, mode or number.
                <DeactivationConfirmations key={`${preview.fileHash}:${preview.mode}:${preview.counts.deactivated}`} preview={preview} />
              )}
              <Button type="submit" name="intent" value="apply" pending={pending}>
                Apply these changes
              </Button>
            </div>
          )}
        </section>
      )}
    </form>
  );
}
